/**
 * In-place rollouts: a Serve config change ('app') and appended worker groups ('cluster-inplace').
 * The first status of the new generation can still show the old applications RUNNING, so nothing
 * may succeed inside the settle window unless a later status proves the new config was read.
 */
import { describe, expect, it } from 'vitest';
import { A, P, app, appsIn, checkRow, cluster, clusterPods, normal, pod, rs, running, snap, unschedulable, type Row } from '../fixtures/rollout-snapshots.js';

const before = rs({ obs: 6 });
const UPDATED = normal('UpdatedServeApplications', `Updated serve applications to the RayCluster default/${A}`, 0);

const appRows: Row[] = [
  {
    name: 'stale RUNNING right after the apply does not succeed inside the settle window; DEPLOYING → RUNNING does after it',
    steps: [snap(0.3, before), snap(1, rs()), snap(3, rs({ activeApps: appsIn('DEPLOYING') })), snap(5, rs()), { check: 6.9 }, { check: 7 }],
    result: 'succeeded',
    at: 7,
    lines: ['operator observed generation 7', 'Serve apps on text-ml-abcde: app1 DEPLOYING', 'Serve apps RUNNING on text-ml-abcde', 'rollout done'],
    summary: ['default/text-ml: Serve config applied in place on text-ml-abcde in 7.0s: app1 RUNNING'],
  },
  {
    name: 'a Serve change that Serve treats as a no-op: the status never moves, checkTime ends the settle window',
    steps: [snap(1, rs()), { check: 4 }, { check: 6.99 }, { check: 7 }],
    result: 'succeeded',
    at: 7,
  },
  {
    name: 'observations arriving late: the settle window counts from the first status of generation G, not from the apply',
    steps: [snap(20, rs()), { check: 25.9 }],
    result: 'pending',
  },
  {
    name: 'an UpdatedServeApplications event, then a status change: settled before the window ends',
    steps: [
      snap(1, rs(), { events: [UPDATED] }),
      snap(2.5, rs({ activeApps: appsIn('DEPLOYING') }), { events: [UPDATED] }),
      snap(4, rs(), { events: [UPDATED] }),
    ],
    result: 'succeeded',
    at: 4,
    saying: ['Updated serve applications to the RayCluster default/text-ml-abcde'],
  },
  {
    name: 'the event seen before the status of generation G: the next change (the stale pass-1 status) proves nothing',
    steps: [snap(1, before, { events: [UPDATED] }), snap(1.5, rs(), { events: [UPDATED] }), { check: 7.4 }, { check: 7.5 }],
    result: 'succeeded',
    at: 7.5,
  },
  {
    name: 'an event older than the apply does not count',
    steps: [
      snap(1, rs(), { events: [normal('UpdatedServeApplications', 'old', -60)] }),
      snap(2, rs({ activeApps: { app1: app('RUNNING', 'still warming') } }), { events: [normal('UpdatedServeApplications', 'old', -60)] }),
      { check: 6.9 },
    ],
    result: 'pending',
  },
  {
    name: 'the set of applications must equal the new config: a removed app still DELETING, then gone',
    target: { serveApps: ['app1'] },
    steps: [
      snap(1, rs({ activeApps: { ...running('app1'), old: app('DELETING') } })),
      snap(8, rs({ activeApps: { ...running('app1'), old: app('DELETING') } })),
      snap(9, rs()),
    ],
    result: 'succeeded',
    at: 9,
  },
  {
    name: 'an added app not deployed yet keeps the rollout waiting',
    target: { serveApps: ['app1', 'app2'] },
    steps: [snap(1, rs()), { check: 20 }],
    result: 'pending',
  },
  {
    name: 'a deployment UPDATING keeps it waiting; UPSCALING and DOWNSCALING are fine',
    steps: [
      snap(1, rs({ activeApps: { app1: app('RUNNING', undefined, { Model: 'UPDATING' }) } })),
      { check: 10 },
      snap(11, rs({ activeApps: { app1: app('RUNNING', undefined, { Model: 'UPSCALING', Ingress: 'DOWNSCALING' }) } })),
    ],
    result: 'succeeded',
    at: 11,
  },
  {
    name: 'Ready=False keeps it waiting even with every app RUNNING',
    steps: [snap(1, rs({ ready: 'False', readyReason: 'Initializing' })), { check: 30 }],
    result: 'pending',
  },
  {
    name: 'status of the previous generation only: waits',
    steps: [snap(1, before), { check: 100 }],
    result: 'pending',
  },
  {
    name: 'DEPLOY_FAILED for longer than the grace period fails with its message',
    steps: [
      snap(1, rs()),
      snap(
        3,
        rs({
          activeApps: { app1: app('DEPLOY_FAILED', "ModuleNotFoundError: No module named 'textml'", { Model: ['DEPLOY_FAILED', 'replica failed to start'] }) },
        }),
      ),
      { check: 47.9 },
      { check: 48 },
    ],
    result: 'failed',
    at: 48,
    summary: [/failed after 48\.0s: application app1 on text-ml-abcde is DEPLOY_FAILED: ModuleNotFoundError: No module named 'textml' \(for 45\.0s\)/],
    saying: ["application app1 on text-ml-abcde is DEPLOY_FAILED: ModuleNotFoundError: No module named 'textml'"],
    hints: ['serve status'],
    diagnosis: { apps: ['text-ml-abcde (active) app1: DEPLOY_FAILED — ModuleNotFoundError', 'app1/Model: DEPLOY_FAILED — replica failed to start'] },
  },
  {
    name: 'DEPLOY_FAILED that recovers inside the grace period does not fail',
    steps: [snap(1, rs()), snap(3, rs({ activeApps: appsIn('DEPLOY_FAILED', 'boom') })), snap(30, rs({ activeApps: appsIn('DEPLOYING') })), snap(60, rs())],
    result: 'succeeded',
    at: 60,
  },
  {
    name: 'a grace clock restarts when the bad state goes away and comes back',
    steps: [
      snap(1, rs()),
      snap(3, rs({ activeApps: appsIn('UNHEALTHY') })),
      snap(40, rs({ activeApps: appsIn('DEPLOYING') })),
      snap(41, rs({ activeApps: appsIn('UNHEALTHY') })),
      { check: 85 },
      { check: 86 },
    ],
    result: 'failed',
    at: 86,
    summary: ['application app1 on text-ml-abcde is UNHEALTHY'],
  },
  {
    name: 'a deployment UNHEALTHY beyond the grace period fails (the application may still say RUNNING)',
    target: { graceMs: 10_000 },
    steps: [snap(1, rs({ activeApps: { app1: app('RUNNING', undefined, { Model: ['UNHEALTHY', 'health check failed 3 times'] }) } })), { check: 11 }],
    result: 'failed',
    summary: ['deployment app1/Model on text-ml-abcde is UNHEALTHY: health check failed 3 times'],
  },
  {
    name: 'DEPLOY_FAILED still showing from the previous generation does not start the grace clock',
    steps: [snap(1, rs({ obs: 6, activeApps: appsIn('DEPLOY_FAILED', 'old config') })), { check: 100 }],
    result: 'pending',
  },
  {
    name: 'the operator builds a new cluster after all (plan said app): the watcher follows it',
    steps: [snap(1, rs({ upgrading: true, pending: P, activeApps: {} })), snap(100, rs({ active: P }))],
    result: 'succeeded',
    lines: [
      'a new cluster text-ml-x7k2p appeared (the plan expected an in-place Serve update): following it',
      'operator observed generation 7',
      'pending cluster text-ml-x7k2p created',
      'upgrade in progress: both clusters exist',
      'traffic switched to text-ml-x7k2p',
      'Serve apps RUNNING on text-ml-x7k2p',
      'rollout done',
    ],
    summary: ['traffic switched from text-ml-abcde to text-ml-x7k2p', '(the plan expected app)'],
  },
  {
    name: 'no active cluster before the apply: an app change ends when a cluster serves',
    target: { activeBefore: undefined },
    steps: [snap(1, rs({ active: undefined, activeApps: {}, pending: P, ready: 'False' })), snap(50, rs({ active: P }))],
    result: 'succeeded',
    summary: ['text-ml-x7k2p is serving'],
  },
];

describe('app-level rollouts', () => {
  it.each(appRows.map((r) => [r.name, r] as const))('%s', (_n, row) => {
    checkRow(row, expect);
  });
});

const headA = pod(`${A}-head`, A, 'head');
const oldWorkers = [pod(`${A}-cpu-0`, A, 'worker'), pod(`${A}-cpu-1`, A, 'worker')];
const gpuWorker = (o = {}) => pod(`${A}-gpu-0`, A, 'worker', { group: 'gpu', ...o });

const inplaceRows: Row[] = [
  {
    name: 'appended group: waits for the new workers, then succeeds',
    target: { expected: 'cluster-inplace' },
    steps: [
      snap(0.5, rs({ obs: 6 }), { pods: [headA, ...oldWorkers], rayClusters: [cluster(A)] }),
      snap(1, rs(), {
        pods: [headA, ...oldWorkers, gpuWorker({ ready: false, phase: 'Pending' })],
        rayClusters: [cluster(A, { generation: 3, observedGeneration: 3, desiredWorkerReplicas: 3, readyWorkerReplicas: 2 })],
      }),
      { check: 10 },
      snap(40, rs(), {
        pods: [headA, ...oldWorkers, gpuWorker()],
        rayClusters: [cluster(A, { generation: 3, observedGeneration: 3, desiredWorkerReplicas: 3, readyWorkerReplicas: 3 })],
      }),
    ],
    result: 'succeeded',
    at: 40,
    lines: ['operator observed generation 7', '2/3 workers ready on text-ml-abcde', '3/3 workers ready on text-ml-abcde', 'rollout done'],
    summary: ['text-ml-abcde updated in place in 40.0s: all pods ready, app1 RUNNING'],
  },
  {
    name: 'the RayCluster has not observed its new spec yet: waits even if the pods listed look ready',
    target: { expected: 'cluster-inplace' },
    steps: [
      snap(1, rs(), {
        pods: [headA, ...oldWorkers],
        rayClusters: [cluster(A, { generation: 3, observedGeneration: 2, desiredWorkerReplicas: 2, readyWorkerReplicas: 2 })],
      }),
      { check: 30 },
    ],
    result: 'pending',
  },
  {
    name: 'RayCluster status short of desired workers: waits',
    target: { expected: 'cluster-inplace' },
    steps: [
      snap(1, rs(), {
        pods: [headA, ...oldWorkers],
        rayClusters: [cluster(A, { generation: 3, observedGeneration: 3, desiredWorkerReplicas: 3, readyWorkerReplicas: 2 })],
      }),
      { check: 30 },
    ],
    result: 'pending',
  },
  {
    name: 'a new GPU worker that cannot be scheduled blocks an in-place update: fails after the stuck grace',
    target: { expected: 'cluster-inplace' },
    steps: [
      snap(1, rs(), { pods: [headA, ...oldWorkers, gpuWorker(unschedulable('0/3 nodes are available: 3 Insufficient nvidia.com/gpu.'))] }),
      { check: 120.9 },
      { check: 121 },
    ],
    result: 'failed',
    at: 121,
    saying: ['pod text-ml-abcde-gpu-0 of text-ml-abcde: Unschedulable: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.'],
    summary: ['worker pod text-ml-abcde-gpu-0 of text-ml-abcde cannot be scheduled (for 2m00s): 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.'],
    hints: ['lack room for this pod'],
    diagnosis: { pendingPods: ['text-ml-abcde-gpu-0 (worker of text-ml-abcde): Unschedulable: 0/3 nodes'] },
  },
];

describe('cluster-inplace rollouts', () => {
  it.each(inplaceRows.map((r) => [r.name, r] as const))('%s', (_n, row) => {
    checkRow(row, expect);
  });
});

it('an app-level change does not report pods (nothing about them changes)', () => {
  const out = checkRow({ name: 'quiet', steps: [snap(1, rs(), { pods: clusterPods(A, 2, 3) }), { check: 7 }], result: 'succeeded' }, expect);
  expect(out.lines).toEqual(['operator observed generation 7', 'rollout done']);
});
