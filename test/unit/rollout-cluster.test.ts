/**
 * Rollouts that end with another cluster active: blue/green ('cluster'), incremental
 * ('cluster-incremental') and 'create'. The decisive signal is active ≠ A at generation ≥ G; the
 * True phase of UpgradeInProgress may fall between two observations.
 */
import { describe, expect, it } from 'vitest';
import { A, P, P2, appsIn, checkRow, cluster, clusterPods, pod, rs, running, snap, type Row } from '../fixtures/rollout-snapshots.js';

const upgrading = (o: Parameters<typeof rs>[0] = {}) => rs({ upgrading: true, pending: P, activeApps: {}, ...o });
const switched = (o: Parameters<typeof rs>[0] = {}) => rs({ active: P, ...o });
const both = [cluster(A), cluster(P)];

const rows: Row[] = [
  {
    name: 'blue/green: pending cluster, head, workers, apps, switch',
    target: { expected: 'cluster' },
    steps: [
      snap(0.2, rs({ obs: 6 }), { rayClusters: [cluster(A)], pods: clusterPods(A, 2, 3) }),
      snap(1, upgrading(), { rayClusters: [cluster(A)], pods: clusterPods(A, 2, 3) }),
      snap(3, upgrading(), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 0)] }),
      snap(40, upgrading(), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 1)] }),
      snap(55, upgrading({ pendingApps: appsIn('DEPLOYING') }), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 2)] }),
      snap(70, upgrading({ pendingApps: running() }), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 3)] }),
      snap(72, switched(), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 3)] }),
    ],
    result: 'succeeded',
    at: 72,
    lines: [
      'operator observed generation 7',
      'pending cluster text-ml-x7k2p created',
      'upgrade in progress: both clusters exist',
      '0/2 workers ready on text-ml-x7k2p',
      'head pod ready on text-ml-x7k2p',
      '1/2 workers ready on text-ml-x7k2p',
      'Serve apps on text-ml-x7k2p: app1 DEPLOYING',
      '2/2 workers ready on text-ml-x7k2p',
      'Serve apps RUNNING on text-ml-x7k2p',
      'traffic switched to text-ml-x7k2p',
      'rollout done',
    ],
    summary: ['default/text-ml: traffic switched from text-ml-abcde to text-ml-x7k2p in 1m12s (app1 RUNNING)'],
  },
  {
    name: 'the True phase of UpgradeInProgress missed between two observations: active ≠ A at G is decisive',
    target: { expected: 'cluster' },
    steps: [snap(0.2, rs({ obs: 6 })), snap(240, switched())],
    result: 'succeeded',
    at: 240,
    lines: ['operator observed generation 7', 'traffic switched to text-ml-x7k2p', 'Serve apps RUNNING on text-ml-x7k2p', 'rollout done'],
  },
  {
    name: 'switched but Ready=False: waits',
    target: { expected: 'cluster' },
    steps: [snap(1, upgrading()), snap(90, switched({ ready: 'False', readyReason: 'Initializing' })), { check: 200 }],
    result: 'pending',
  },
  {
    name: 'switched but an app not RUNNING on the new active cluster: waits',
    target: { expected: 'cluster' },
    steps: [snap(90, switched({ activeApps: appsIn('DEPLOYING') })), { check: 200 }],
    result: 'pending',
  },
  {
    name: 'UpgradeInProgress still True: waits even with another active cluster',
    target: { expected: 'cluster' },
    steps: [snap(90, rs({ active: P, upgrading: true })), { check: 200 }],
    result: 'pending',
  },
  {
    name: 'a status still below G with another active cluster: waits for the operator',
    target: { expected: 'cluster' },
    steps: [snap(90, switched({ obs: 6 })), { check: 200 }],
    result: 'pending',
  },
  {
    name: 'pending name changes P → P′: tracking restarts, the abandoned P never counts, P′ does',
    target: { expected: 'cluster' },
    steps: [
      snap(1, upgrading()),
      snap(30, upgrading({ pending: P2, gen: 8, obs: 8 })),
      snap(31, rs({ active: P, gen: 8, obs: 8 })), // not a real operator state: the abandoned cluster must not count
      { check: 40 },
      snap(120, rs({ active: P2, gen: 8, obs: 8 }), { rayClusters: [cluster(A), cluster(P2)] }),
    ],
    result: 'succeeded',
    at: 120,
    saying: [
      'pending cluster changed text-ml-x7k2p → text-ml-q9w8e (the spec changed again; text-ml-x7k2p will be deleted)',
      'generation 8 appeared after the apply',
      'traffic switched to text-ml-q9w8e',
    ],
    summary: ['traffic switched from text-ml-abcde to text-ml-q9w8e'],
  },
  {
    name: 'the switch to a P′ never seen pending still counts',
    target: { expected: 'cluster' },
    steps: [snap(1, upgrading()), snap(300, rs({ active: P2 }))],
    result: 'succeeded',
  },
  {
    name: 'old cluster deletion is reported, not waited for',
    target: { expected: 'cluster' },
    steps: [snap(1, upgrading(), { rayClusters: both }), snap(90, switched(), { rayClusters: both })],
    result: 'succeeded',
    at: 90,
    notSaying: ['deleted'],
  },
  {
    name: 'waitForOldClusterDeletion: succeeds once RayCluster A is gone',
    target: { expected: 'cluster', waitForOldClusterDeletion: true },
    steps: [
      snap(1, upgrading(), { rayClusters: both }),
      snap(90, switched(), { rayClusters: both }),
      { check: 140 },
      snap(150, switched(), { rayClusters: [cluster(A, { deleting: true }), cluster(P)] }),
      snap(152, switched(), { rayClusters: [cluster(P)] }),
    ],
    result: 'succeeded',
    at: 152,
    saying: ['old cluster text-ml-abcde deleting', 'old cluster text-ml-abcde deleted'],
    summary: ['; text-ml-abcde deleted'],
  },
  {
    name: 'waitForOldClusterDeletion past the deadline: timeout names the old cluster',
    target: { expected: 'cluster', waitForOldClusterDeletion: true, deadline: Date.UTC(2025, 0, 1, 12, 10) },
    steps: [snap(90, switched(), { rayClusters: both }), { check: 600 }],
    result: 'timeout',
    missing: ['the old cluster text-ml-abcde is not deleted yet'],
  },
  {
    name: 'incremental: traffic steps are reported, promotion ends it',
    target: { expected: 'cluster-incremental' },
    steps: [
      snap(1, rs({ upgrading: true, pending: P, traffic: 0, capacity: 0 })),
      snap(60, rs({ upgrading: true, pending: P, pendingApps: running(), traffic: 0, capacity: 50 })),
      snap(70, rs({ upgrading: true, pending: P, pendingApps: running(), traffic: 50, capacity: 50 })),
      snap(80, rs({ upgrading: true, pending: P, pendingApps: running(), traffic: 100, capacity: 100 })),
      snap(90, switched()),
    ],
    result: 'succeeded',
    lines: [
      'operator observed generation 7',
      'pending cluster text-ml-x7k2p created',
      'upgrade in progress: both clusters exist',
      'traffic to text-ml-x7k2p: 0% (target capacity 0%)',
      'traffic to text-ml-x7k2p: 0% (target capacity 50%)',
      'Serve apps RUNNING on text-ml-x7k2p',
      'traffic to text-ml-x7k2p: 50% (target capacity 50%)',
      'traffic to text-ml-x7k2p: 100% (target capacity 100%)',
      'traffic switched to text-ml-x7k2p',
      'rollout done',
    ],
  },
  {
    name: 'incremental rollback by the operator is reported',
    target: { expected: 'cluster-incremental' },
    steps: [snap(1, rs({ upgrading: true, pending: P, traffic: 30 })), snap(20, rs({ upgrading: true, rollback: true, pending: P, traffic: 10 }))],
    result: 'pending',
    saying: ['the operator is rolling back to text-ml-abcde (RollbackInProgress)'],
  },
  {
    name: 'create: status absent, initializing, cluster active, then Ready',
    target: { expected: 'create', activeBefore: undefined, generation: 1 },
    steps: [
      snap(0.1, { generation: 1 }),
      snap(1, rs({ gen: 1, obs: 1, ready: 'False', active: undefined, activeApps: {}, pending: P })),
      snap(3, rs({ gen: 1, obs: 1, ready: 'False', active: undefined, activeApps: {}, pending: P }), { rayClusters: [cluster(P)], pods: clusterPods(P, 1, 0) }),
      snap(50, rs({ gen: 1, obs: 1, ready: 'False', active: undefined, activeApps: {}, pending: P, pendingApps: running() }), {
        rayClusters: [cluster(P)],
        pods: clusterPods(P, 1, 2),
      }),
      snap(52, rs({ gen: 1, obs: 1, ready: 'False', active: P }), { rayClusters: [cluster(P)], pods: clusterPods(P, 1, 2) }),
      snap(54, rs({ gen: 1, obs: 1, active: P }), { rayClusters: [cluster(P)], pods: clusterPods(P, 1, 2) }),
    ],
    result: 'succeeded',
    at: 54,
    lines: [
      'operator observed generation 1',
      'pending cluster text-ml-x7k2p created',
      'not ready: Ready=False (Initializing)',
      '0/1 workers ready on text-ml-x7k2p',
      'head pod ready on text-ml-x7k2p',
      '1/1 workers ready on text-ml-x7k2p',
      'Serve apps RUNNING on text-ml-x7k2p',
      'cluster text-ml-x7k2p is active',
      'Ready (NonZeroServeEndpoints)',
      'rollout done',
    ],
    summary: ['default/text-ml: text-ml-x7k2p is serving in 54.0s: app1 RUNNING'],
  },
  {
    name: 'create: active but the app set differs from the new config: waits',
    target: { expected: 'create', activeBefore: undefined, generation: 1, serveApps: ['app1', 'app2'] },
    steps: [snap(60, rs({ gen: 1, obs: 1, active: P })), { check: 100 }],
    result: 'pending',
  },
  {
    name: 'planned a new cluster, the operator kept A (zero-downtime off): fails after the settle window',
    target: { expected: 'cluster' },
    steps: [snap(0.2, rs({ obs: 6 })), snap(1, rs()), { check: 6.9 }, { check: 7 }],
    result: 'failed',
    at: 7,
    summary: ['the operator did not prepare a new cluster for this cluster-level change: text-ml-abcde stays active with its old spec'],
    hints: ['ENABLE_ZERO_DOWNTIME=false', 'just upgraded'],
    missing: ['traffic not switched: the active cluster is still text-ml-abcde', 'no pending cluster: the operator has not prepared a new cluster'],
  },
  {
    name: 'pods not watched: the RayCluster HeadPodReady condition stands in for the head pod',
    target: { expected: 'cluster', deadline: Date.UTC(2025, 0, 1, 12, 10) },
    steps: [
      snap(1, upgrading(), { rayClusters: [cluster(A, { headReady: true }), cluster(P, { headReady: false })] }),
      snap(40, upgrading(), { rayClusters: [cluster(A, { headReady: true }), cluster(P, { headReady: true })] }),
      snap(50, upgrading(), { rayClusters: [cluster(A, { headReady: true }), cluster(P, { headReady: false })] }),
      { check: 600 },
    ],
    result: 'timeout',
    saying: ['head pod ready on text-ml-x7k2p'],
    missing: ['pending cluster text-ml-x7k2p: head pod not ready (RayCluster HeadPodReady is not True)'],
  },
  {
    name: 'the activeApps of A are emptied during a blue/green upgrade: no app line for A, no failure',
    target: { expected: 'cluster' },
    steps: [snap(1, upgrading(), { pods: [...clusterPods(A, 1, 2), pod(`${P}-head`, P, 'head', { ready: false })] }), { check: 100 }],
    result: 'pending',
    notSaying: ['Serve apps'],
  },
];

describe('cluster-level rollouts', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, row) => {
    checkRow(row, expect);
  });
});

it('the verdict names the new active cluster', () => {
  const out = checkRow({ name: 'x', target: { expected: 'cluster' }, steps: [snap(1, upgrading()), snap(90, switched())], result: 'succeeded' }, expect);
  expect(out.verdict?.activeCluster).toBe(P);
  expect(out.verdict?.durationMs).toBe(90_000);
  expect(out.verdict?.timeline.map((l) => l.elapsedMs)).toEqual([1000, 1000, 1000, 90_000, 90_000, 90_000]);
});
