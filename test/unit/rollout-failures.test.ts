/**
 * Failure and timeout paths, and the diagnosis they carry. The operator never gives up by itself
 * (no upgrade timeout, no rollback in NewCluster mode), so every rule here is the watcher's.
 */
import { describe, expect, it } from 'vitest';
import { checkTime, startRollout } from '../../src/rollout/index.js';
import {
  A,
  P,
  T0,
  appsIn,
  checkRow,
  cluster,
  clusterPods,
  normal,
  pod,
  rs,
  running,
  snap,
  t,
  target,
  unschedulable,
  waiting,
  warning,
  type Row,
} from '../fixtures/rollout-snapshots.js';

const GPU = '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
const upgrading = (o: Parameters<typeof rs>[0] = {}) => rs({ upgrading: true, pending: P, activeApps: {}, ...o });
const gpuWorkers = (o = unschedulable(GPU)) => [pod(`${P}-head`, P, 'head'), pod(`${P}-gpu-0`, P, 'worker', o), pod(`${P}-gpu-1`, P, 'worker', o)];
const in10min = t(600);

const rows: Row[] = [
  // Validation
  {
    name: 'ValidationFailed (1.6+): condition plus InvalidRayServiceSpec event since the apply → fails at once',
    steps: [
      snap(
        1,
        rs({
          obs: 6,
          ready: 'False',
          readyReason: 'ValidationFailed',
          readyMessage: 'The RayService spec is invalid: maxSurgePercent must be ≥ stepSizePercent',
        }),
        {
          events: [
            warning('InvalidRayServiceSpec', 'default/text-ml: The RayService spec is invalid: maxSurgePercent must be ≥ stepSizePercent', 0.5, 'text-ml'),
          ],
        },
      ),
    ],
    result: 'failed',
    at: 1,
    summary: ['the operator rejected the spec (InvalidRayServiceSpec): default/text-ml: The RayService spec is invalid: maxSurgePercent'],
    hints: ['Nothing happens until the spec changes'],
    diagnosis: {
      conditions: ['Ready=False (ValidationFailed): The RayService spec is invalid'],
      frozenStatus: ['status.observedGeneration is 6, below the applied generation 7'],
    },
  },
  {
    name: '1.3–1.5 validation: only a Warning event, no condition, status frozen → fails at once',
    steps: [snap(1, rs({ obs: 6 }), { events: [warning('InvalidRayServiceMetadata', 'RayService name should be no more than 47 characters', 0.8)] })],
    result: 'failed',
    summary: ['(InvalidRayServiceMetadata): RayService name should be no more than 47 characters'],
  },
  {
    name: 'a ValidationFailed condition left from the previous generation, no new event: not blamed on this apply',
    steps: [
      snap(0.5, rs({ obs: 5, ready: 'False', readyReason: 'ValidationFailed', readyMessage: 'old' }), {
        events: [warning('InvalidRayServiceSpec', 'old', -300)],
      }),
      snap(1.5, rs()),
      { check: 8 },
    ],
    result: 'succeeded',
  },
  {
    name: 'a ValidationFailed condition that stays below G past the frozen grace fails even without events',
    steps: [snap(0.5, rs({ obs: 6, ready: 'False', readyReason: 'ValidationFailed', readyMessage: 'bad spec' })), { check: 59.9 }, { check: 60 }],
    result: 'failed',
    at: 60,
    summary: ['the status is frozen at observedGeneration 6 < 7 for 1m00s; the operator reports ValidationFailed: bad spec'],
  },
  {
    name: 'a ValidationFailed reason lingering at generation G (spec valid, no endpoints yet) is not a failure',
    target: { expected: 'create', activeBefore: undefined, generation: 2 },
    steps: [snap(1, rs({ gen: 2, obs: 2, ready: 'False', readyReason: 'ValidationFailed', active: undefined, activeApps: {}, pending: P })), { check: 120 }],
    result: 'pending',
  },
  {
    name: 'the RayCluster controller rejects the new cluster (InvalidRayClusterSpec) → fails',
    target: { expected: 'cluster' },
    steps: [
      snap(1, upgrading(), { events: [warning('InvalidRayClusterSpec', 'upgradeStrategy cannot be set when RayCluster is created by RayService', 3, P)] }),
    ],
    result: 'failed',
    summary: [`the RayCluster controller rejected ${P} (InvalidRayClusterSpec): upgradeStrategy cannot be set`],
    hints: ['rayClusterConfig.upgradeStrategy', 'no upgrade timeout'],
  },
  // InitializingTimeout
  {
    name: 'InitializingTimeout (1.5+) is terminal → fails at once with the recreate hint',
    target: { expected: 'create', activeBefore: undefined, generation: 1 },
    steps: [
      snap(1, rs({ gen: 1, obs: 1, ready: 'False', active: undefined, activeApps: {}, pending: P })),
      snap(
        300,
        rs({
          gen: 1,
          obs: 1,
          ready: 'False',
          readyReason: 'InitializingTimeout',
          readyMessage: 'RayService failed to become ready within the configured timeout of 5m0s',
          active: undefined,
          activeApps: {},
        }),
        {
          events: [warning('RayServiceInitializingTimeout', 'RayService failed to become ready within 5m0s', 300)],
        },
      ),
    ],
    result: 'failed',
    at: 300,
    summary: ['did not become ready within its initializing timeout: RayService failed to become ready within the configured timeout of 5m0s'],
    hints: ['terminal', 'delete and re-create'],
    diagnosis: { warnings: ['RayServiceInitializingTimeout: RayService failed to become ready within 5m0s'] },
  },
  // Outage
  {
    name: 'Ready=True then ZeroServeEndpoints during the rollout: an outage → fails',
    steps: [snap(1, rs()), snap(3, rs({ ready: 'False', readyReason: 'ZeroServeEndpoints', readyMessage: 'Number of serve endpoints dropped to 0' }))],
    result: 'failed',
    at: 3,
    saying: ['not ready: Ready=False (ZeroServeEndpoints): Number of serve endpoints dropped to 0'],
    summary: ['outage: the RayService lost all its serve endpoints during the rollout'],
    hints: ['ray.io/serve=true'],
  },
  {
    name: 'ZeroServeEndpoints first seen, but the transition happened after the apply: an outage',
    target: { expected: 'cluster' },
    steps: [snap(100, rs({ active: P, ready: 'False', readyReason: 'ZeroServeEndpoints', readySince: t(95) }))],
    result: 'failed',
  },
  {
    name: 'an outage that predates the apply is not this rollout’s failure; it ends when serving again',
    steps: [snap(1, rs({ ready: 'False', readyReason: 'ZeroServeEndpoints', readySince: t(-600) })), { check: 30 }, snap(40, rs())],
    result: 'succeeded',
    at: 40,
  },
  // Unschedulable and stuck pods
  {
    name: 'GPU workers of the new cluster unschedulable, no node autoscaler: fails after the stuck grace with the capacity hint',
    target: { expected: 'cluster' },
    steps: [
      snap(1, upgrading(), { rayClusters: [cluster(A), cluster(P)] }),
      snap(30, upgrading({ pendingApps: appsIn('DEPLOYING') }), {
        pods: gpuWorkers(),
        events: [warning('FailedScheduling', GPU, 30, `${P}-gpu-0`, 4), warning('FailedScheduling', GPU, 31, `${P}-gpu-1`, 3)],
      }),
      { check: 149 },
      { check: 150 },
    ],
    result: 'failed',
    at: 150,
    saying: [`2 pods of ${P}: Unschedulable: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.`, 'warning FailedScheduling'],
    summary: [`worker pod ${P}-gpu-0 of ${P} cannot be scheduled (for 2m00s): 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.`],
    hints: [/runs the old cluster text-ml-abcde and the new cluster text-ml-x7k2p side by side/, /no upgrade timeout.*consider --on-failure rollback/],
    diagnosis: {
      pendingPods: [`${P}-gpu-0 (worker of ${P}): Unschedulable: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.`],
      warnings: [`FailedScheduling (${P}-gpu-1): ${GPU} (×7)`],
      apps: [`${P} (pending) app1: DEPLOYING`],
    },
    missing: ['traffic not switched: the active cluster is still text-ml-abcde', `${P}: 0/2 workers ready`],
  },
  {
    name: 'unschedulable pods with a scale-up under way (TriggeredScaleUp): no early failure, the deadline decides',
    target: { expected: 'cluster', deadline: in10min },
    steps: [
      snap(30, upgrading({ pendingApps: appsIn('DEPLOYING') }), {
        pods: gpuWorkers(),
        events: [
          normal('TriggeredScaleUp', 'pod triggered scale-up: [{gpu-pool 0->2 (max: 4)}]', 31, `${P}-gpu-0`),
          normal('TriggeredScaleUp', 'pod triggered scale-up', 31, `${P}-gpu-1`),
        ],
      }),
      { check: 300 },
      { check: 600 },
    ],
    result: 'timeout',
    at: 600,
    summary: ['not done after 10m00s: traffic not switched'],
    diagnosis: { pendingPods: [`${P}-gpu-1 (worker of ${P}): Unschedulable: 0/3 nodes`] },
  },
  {
    name: 'NotTriggerScaleUp: the autoscaler cannot help → fails after the grace, quoting it',
    target: { expected: 'cluster' },
    steps: [
      snap(30, upgrading({ pendingApps: appsIn('DEPLOYING') }), {
        pods: gpuWorkers(),
        events: [
          normal('TriggeredScaleUp', 'x', 31, `${P}-gpu-0`),
          normal('NotTriggerScaleUp', "pod didn't trigger scale-up: 1 max node group size reached", 60, `${P}-gpu-0`),
        ],
      }),
      { check: 150 },
    ],
    result: 'failed',
    summary: ["NotTriggerScaleUp: pod didn't trigger scale-up: 1 max node group size reached"],
  },
  {
    name: 'unschedulable workers do not block once the apps run on the new cluster (the switch does not need them)',
    target: { expected: 'cluster' },
    steps: [snap(30, upgrading({ pendingApps: running() }), { pods: gpuWorkers() }), { check: 200 }],
    result: 'pending',
  },
  {
    name: 'the new head pod unschedulable blocks whatever the apps say',
    target: { expected: 'cluster' },
    steps: [snap(30, upgrading(), { pods: [pod(`${P}-head`, P, 'head', unschedulable('0/3 nodes are available: 3 Insufficient cpu.'))] }), { check: 150 }],
    result: 'failed',
    summary: [`head pod ${P}-head of ${P} cannot be scheduled (for 2m00s): 0/3 nodes are available: 3 Insufficient cpu.`],
    missing: [`pending cluster ${P}: head pod ${P}-head not ready (Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.)`],
  },
  {
    name: 'pods of the old cluster unschedulable do not fail a blue/green rollout',
    target: { expected: 'cluster' },
    steps: [snap(30, upgrading(), { pods: [...clusterPods(P, 1, 2), pod(`${A}-worker-9`, A, 'worker', unschedulable('no room'))] }), { check: 300 }],
    result: 'pending',
  },
  {
    name: 'ImagePullBackOff on the new head → fails after the stuck grace, image hint',
    target: { expected: 'cluster' },
    steps: [
      snap(10, upgrading(), { pods: [pod(`${P}-head`, P, 'head', waiting('ImagePullBackOff', 'Back-off pulling image "rayproject/ray:2.99.0"'))] }),
      { check: 130 },
    ],
    result: 'failed',
    summary: [`head pod ${P}-head of ${P} is stuck in ImagePullBackOff (for 2m00s): Back-off pulling image "rayproject/ray:2.99.0"`],
    hints: ['image name and tag'],
  },
  {
    name: 'a pod waiting in ContainerCreating (a long image pull) is not stuck',
    target: { expected: 'cluster' },
    steps: [snap(10, upgrading(), { pods: [pod(`${P}-head`, P, 'head', waiting('ContainerCreating'))] }), { check: 600 }],
    result: 'pending',
    notSaying: ['ContainerCreating'],
  },
  {
    name: 'CrashLoopBackOff on the head → fails with a logs hint',
    target: { expected: 'cluster', stuckGraceMs: 30_000 },
    steps: [
      snap(10, upgrading(), { pods: [pod(`${P}-head`, P, 'head', waiting('CrashLoopBackOff', 'back-off 40s restarting failed container'))] }),
      { check: 40 },
    ],
    result: 'failed',
    hints: [`kubectl -n default logs ${P}-head --previous`],
  },
  // Frozen status
  {
    name: 'status frozen below G with FailedToUpdateServeApplications warnings → fails after the frozen grace',
    steps: [
      snap(1, rs({ obs: 6 }), {
        events: [
          warning(
            'FailedToUpdateServeApplications',
            `Failed to update serve applications to the RayCluster default/${A}: context deadline exceeded`,
            1,
            'text-ml',
          ),
        ],
      }),
      { check: 59 },
      snap(60, rs({ obs: 6 }), {
        events: [
          warning(
            'FailedToUpdateServeApplications',
            `Failed to update serve applications to the RayCluster default/${A}: context deadline exceeded`,
            59,
            'text-ml',
            25,
          ),
        ],
      }),
    ],
    result: 'failed',
    at: 60,
    summary: [
      'the status is frozen at observedGeneration 6 < 7 for 1m00s; the operator reports FailedToUpdateServeApplications: Failed to update serve applications',
    ],
    hints: ['freezes the whole RayService status'],
    diagnosis: { frozenStatus: ['below the applied generation 7, 1m00s after the apply'], warnings: ['(×25)'] },
  },
  {
    name: 'status frozen without any warning: waits for the deadline, then asks whether the operator runs',
    target: { deadline: in10min },
    steps: [snap(1, rs({ obs: 6 })), { check: 300 }, { check: 600 }],
    result: 'timeout',
    summary: ['not done after 10m00s: the operator has not observed generation 7 yet (status.observedGeneration 6)'],
    hints: ['is the KubeRay operator running, and does it watch namespace default?'],
    diagnosis: { frozenStatus: ['status.observedGeneration is 6'] },
  },
  {
    name: 'warnings from before the apply do not count for the frozen rule',
    steps: [snap(1, rs({ obs: 6 }), { events: [warning('FailedToUpdateServeApplications', 'old', -120)] }), { check: 200 }],
    result: 'pending',
  },
  // Timeouts
  {
    name: 'timeout mid-upgrade: what is missing, pods, apps, and the no-upgrade-timeout hint',
    target: { expected: 'cluster' },
    steps: [
      snap(1, upgrading({ pendingApps: appsIn('DEPLOYING') }), {
        pods: [...clusterPods(A, 1, 2), pod(`${P}-head`, P, 'head', { ready: false, phase: 'Running' })],
      }),
      { check: 1799 },
      { check: 1800 },
    ],
    result: 'timeout',
    at: 1800,
    summary: ['default/text-ml: not done after 30m00s: traffic not switched: the active cluster is still text-ml-abcde'],
    missing: [
      `pending cluster ${P}: head pod ${P}-head not ready (Running, not ready)`,
      'still upgrading: UpgradeInProgress=True (BothActivePendingClustersExist)',
      `Serve applications not RUNNING on pending cluster ${P}: app1 DEPLOYING`,
    ],
    hints: [/The operator has no upgrade timeout and no rollback in NewCluster mode: the pending cluster text-ml-x7k2p stays next to text-ml-abcde/],
    diagnosis: {
      conditions: ['UpgradeInProgress=True (BothActivePendingClustersExist)', 'Ready=True (NonZeroServeEndpoints)'],
      pendingPods: [`${P}-head (head of ${P}): Running, not ready`],
    },
  },
  {
    name: 'a deadline reached inside observe also times out',
    target: { deadline: t(100) },
    steps: [snap(1, rs({ obs: 6 })), snap(100, rs({ obs: 6 }))],
    result: 'timeout',
    at: 100,
  },
  // Gone
  {
    name: 'the RayService deleted during a rollout → fails',
    steps: [snap(1, rs()), snap(2, null)],
    result: 'failed',
    summary: ['the RayService was deleted while the rollout was being watched'],
  },
];

describe('failures and timeouts', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, row) => {
    checkRow(row, expect);
  });
});

describe('deadline without any snapshot', () => {
  it('checkTime before the deadline says nothing; at the deadline it times out with what it knows', () => {
    const state = startRollout(target({ expected: 'cluster' }));
    expect(checkTime(state, t(1799)).verdict).toBeUndefined();
    const { verdict, progress } = checkTime(state, t(1800));
    expect(verdict?.result).toBe('timeout');
    expect(verdict?.summary).toBe('default/text-ml: not done after 30m00s: no status of the RayService observed yet');
    expect(verdict?.diagnosis?.hints.map((h) => h.text).join(' ')).toContain('No observation of the RayService arrived');
    expect(progress.map((l) => l.text)).toEqual(['deadline reached']);
    expect(verdict?.durationMs).toBe(1_800_000);
  });

  it('the default deadline is 30 minutes after the apply; a given one wins', () => {
    expect(startRollout(target()).target.deadline).toBe(T0 + 1_800_000);
    expect(startRollout(target({ deadline: t(60) })).target.deadline).toBe(t(60));
  });
});

it('Warning events are reported once per reason and message, and deduplicated in the diagnosis', () => {
  const ev = (s: number, pod: string) => warning('FailedScheduling', GPU, s, pod);
  const out = checkRow(
    {
      name: 'dedupe',
      target: { expected: 'cluster', deadline: t(100) },
      steps: [snap(10, upgrading(), { events: [ev(10, 'a')] }), snap(20, upgrading(), { events: [ev(10, 'a'), ev(20, 'b')] }), { check: 100 }],
      result: 'timeout',
    },
    expect,
  );
  expect(out.lines.filter((l) => l.startsWith('warning FailedScheduling'))).toHaveLength(1);
  expect(out.verdict?.diagnosis?.warnings).toEqual([`FailedScheduling (b): ${GPU} (×2)`]);
});
