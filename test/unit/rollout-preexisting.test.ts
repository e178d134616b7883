/**
 * Problems that predate the change: a rollout is done when what the change asked for has happened;
 * what was already wrong, and that the change neither caused nor was meant to fix, makes it "done,
 * degraded" (or a failure with requireHealthy). `apply` (a baseline read before applying) and
 * `wait` (a baseline derived when it starts) must reach the same verdict on the same state.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/planner/plan.js';
import { clusterFindings } from '../../src/render/cluster-findings.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderOutcomes } from '../../src/render/rollout-markdown.js';
import { healthOf } from '../../src/rollout/health.js';
import { healthProblem } from '../../src/rollout/wording.js';
import { rayService, set } from '../fixtures/rayservice.js';
import { renderVerdict, specChangedAt } from '../../src/rollout/index.js';
import type { Baseline, HealthProblem, PodView, RolloutTarget } from '../../src/rollout/index.js';
import { A, P, P2, app, cluster, play, pod, rs, running, snap, t, unschedulable, type Play } from '../fixtures/rollout-snapshots.js';

const GPU_MESSAGE = '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.';
/** Created ten minutes before the apply (the base's rollout), or `seconds` after it. */
const created = (seconds = -600): Partial<PodView> => ({ createdAt: t(Math.floor(seconds)) });

const head = pod(`${A}-head`, A, 'head', created());
const cpuWorker = pod(`${A}-cpu-0`, A, 'worker', { group: 'cpu', ...created() });
/** The base's GPU worker: Pending since the base was applied (no GPU node). */
const oldGpu = pod(`${A}-gpu-l4-0`, A, 'worker', { group: 'gpu-l4', ...created(), ...unschedulable(GPU_MESSAGE) });
const basePods = [head, cpuWorker, oldGpu];
/** The RayCluster after the in-place update: its new spec observed, one of two desired workers ready. */
const updatedA = cluster(A, { generation: 2, observedGeneration: 2, desiredWorkerReplicas: 2, readyWorkerReplicas: 1 });

/** What apply read before applying: the pending GPU worker. */
const before: HealthProblem[] = healthOf(snap(-1, rs({ obs: 6, gen: 6 }), { pods: basePods }));
const applyBaseline: Baseline = { changedAt: t(0.2), problems: before, touchedApps: [] };

interface Case {
  name: string;
  target: Partial<RolloutTarget>;
  steps: Play[];
  result: 'succeeded' | 'failed' | 'timeout' | 'pending';
  at?: number;
  /** Substrings of the summary. */
  summary?: string[];
  /** Subjects of the problems named as predating the change. */
  preExisting?: string[];
  hints?: string[];
}

/** The state right after the appended (0-replica) group reached the RayCluster: nothing else changed. */
const afterAppend: Play[] = [snap(1, rs(), { pods: basePods, rayClusters: [updatedA] }), { check: 6.9 }, { check: 7 }];

const cases: Case[] = [
  {
    name: 'the sequence: an in-place update next to a GPU worker Pending since the base: done, degraded, naming the pod',
    target: { expected: 'cluster-inplace', baseline: applyBaseline },
    steps: afterAppend,
    result: 'succeeded',
    at: 7,
    summary: ['updated in place', 'degraded: 1 problem from before the change', `worker pod ${A}-gpu-l4-0 (group gpu-l4) of ${A} cannot be scheduled`],
    preExisting: [`pod:${A}-gpu-l4-0`],
  },
  {
    name: 'the same with requireHealthy: a failure that names the pod, no other cause',
    target: { expected: 'cluster-inplace', baseline: applyBaseline, requireHealthy: true },
    steps: afterAppend,
    result: 'failed',
    at: 7,
    summary: ['done but not healthy (--require-healthy)', `${A}-gpu-l4-0`],
    preExisting: [`pod:${A}-gpu-l4-0`],
    hints: ['drop --require-healthy'],
  },
  {
    name: 'wait on the very same state (no plan: an in-place Serve expectation, started two minutes later): the same verdict',
    target: { expected: 'app', startedAt: t(130), baseline: { changedAt: t(0.2), problems: [] } },
    steps: [snap(131, rs(), { pods: basePods, rayClusters: [updatedA] }), { check: 136.9 }, { check: 137 }],
    result: 'succeeded',
    at: 137,
    summary: ['Serve config applied in place', 'degraded: 1 problem from before the change', `${A}-gpu-l4-0`],
    preExisting: [`pod:${A}-gpu-l4-0`],
  },
  {
    name: 'wait with --require-healthy on that state: failed, as apply with it',
    target: { expected: 'app', startedAt: t(130), baseline: { changedAt: t(0.2), problems: [] }, requireHealthy: true },
    steps: [snap(131, rs(), { pods: basePods, rayClusters: [updatedA] }), { check: 137 }],
    result: 'failed',
    at: 137,
    preExisting: [`pod:${A}-gpu-l4-0`],
  },
  {
    name: 'without the old pod the same update is simply done',
    target: { expected: 'cluster-inplace', baseline: { changedAt: t(0.2), problems: [] } },
    steps: [
      snap(1, rs(), {
        pods: [head, cpuWorker],
        rayClusters: [cluster(A, { generation: 2, observedGeneration: 2, desiredWorkerReplicas: 1, readyWorkerReplicas: 1 })],
      }),
      { check: 7 },
    ],
    result: 'succeeded',
    at: 7,
    preExisting: [],
  },
  {
    name: 'a pod the change created (the replica reset of an untouched group) that cannot be scheduled fails it: caused by the change',
    target: { expected: 'cluster-inplace', baseline: applyBaseline },
    steps: [
      snap(1, rs(), {
        pods: [...basePods, pod(`${A}-gpu-l4-1`, A, 'worker', { group: 'gpu-l4', ...created(1), ...unschedulable(GPU_MESSAGE) })],
        rayClusters: [cluster(A, { generation: 2, observedGeneration: 2, desiredWorkerReplicas: 3, readyWorkerReplicas: 1 })],
      }),
      { check: 120.9 },
      { check: 121 },
    ],
    result: 'failed',
    at: 121,
    summary: [`worker pod ${A}-gpu-l4-1 of ${A} cannot be scheduled`],
    preExisting: [`pod:${A}-gpu-l4-0`],
  },
  {
    name: 'a pod created in the second of the change counts as the change’s (timestamps have second precision)',
    target: { expected: 'cluster-inplace', baseline: { changedAt: t(0.2), problems: [] } },
    steps: [
      snap(1, rs(), { pods: [head, cpuWorker, pod(`${A}-gpu-l4-0`, A, 'worker', { group: 'gpu-l4', createdAt: t(0), ...unschedulable(GPU_MESSAGE) })] }),
      { check: 121 },
    ],
    result: 'failed',
    at: 121,
  },
];

const ok = (name: string) => ({ [name]: app('RUNNING') });
const failedApp = (name: string) => ({ [name]: app('DEPLOY_FAILED', 'ImportError: no module named foo', { Model: ['DEPLOY_FAILED', 'ImportError'] }) });
/** Before a Serve change: app2 failing since the base. */
const serveBefore = healthOf(snap(-1, rs({ activeApps: { ...running('app1'), ...failedApp('app2') } })));
const serveTarget = (touchedApps: string[], extra: Partial<RolloutTarget> = {}): Partial<RolloutTarget> => ({
  expected: 'app',
  serveApps: ['app1', 'app2'],
  baseline: { changedAt: t(0.2), problems: serveBefore, touchedApps },
  ...extra,
});

const serveCases: Case[] = [
  {
    name: 'a failed Serve application before a Serve change to another one: done, degraded, naming it',
    target: serveTarget(['app1']),
    steps: [
      snap(1, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })),
      snap(3, rs({ activeApps: { app1: app('DEPLOYING'), ...failedApp('app2') } })),
      snap(5, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })),
      { check: 6.9 },
      { check: 7 },
    ],
    result: 'succeeded',
    at: 7,
    summary: ['degraded', 'application app2 on text-ml-abcde is DEPLOY_FAILED: ImportError: no module named foo'],
    preExisting: [`app:${A}/app2`],
  },
  {
    name: 'wait on that state (the failing application seen when it starts): the same verdict',
    target: { expected: 'app', serveApps: ['app1', 'app2'], startedAt: t(100), baseline: { changedAt: t(0.2), problems: serveBefore } },
    steps: [snap(101, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })), { check: 106.9 }, { check: 107 }],
    result: 'succeeded',
    at: 107,
    preExisting: [`app:${A}/app2`],
  },
  {
    name: 'a change meant to fix the failing application that does not: failed',
    target: serveTarget(['app2']),
    steps: [snap(1, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })), { check: 45.9 }, { check: 46 }],
    result: 'failed',
    at: 46,
    summary: ['application app2 on text-ml-abcde is DEPLOY_FAILED'],
  },
  {
    name: 'an application seen deploying after the change: its failure is the change’s (even if it failed before)',
    target: serveTarget([]),
    steps: [
      snap(1, rs({ activeApps: { ...ok('app1'), app2: app('DEPLOYING') } })),
      snap(3, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })),
      { check: 47.9 },
      { check: 48 },
    ],
    result: 'failed',
    at: 48,
  },
  {
    name: 'an application healthy before the change and failing after it: failed (caused by the change)',
    target: { ...serveTarget([]), baseline: { changedAt: t(0.2), problems: [], touchedApps: [] } },
    steps: [snap(1, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })), { check: 46 }],
    result: 'failed',
    at: 46,
  },
];

const stuckPending = pod(`${P}-gpu-0`, P, 'worker', { group: 'gpu', ...created(), ...unschedulable(GPU_MESSAGE) });
const pendingCases: Case[] = [
  {
    name: 'a stuck pending cluster before a new cluster change: the replacement becomes active, nothing predating it remains',
    target: {
      expected: 'cluster',
      baseline: { changedAt: t(0.2), problems: healthOf(snap(-1, rs({ upgrading: true, pending: P }), { pods: [stuckPending] })) },
    },
    steps: [
      snap(0.5, rs({ upgrading: true, pending: P, obs: 6 }), { pods: [stuckPending] }),
      snap(2, rs({ upgrading: true, pending: P2 }), {
        pods: [{ ...stuckPending, deleting: true }, pod(`${P2}-head`, P2, 'head', { ready: false, ...created(2) })],
      }),
      snap(40, rs({ pending: '', active: P2 }), { pods: [pod(`${P2}-head`, P2, 'head', created(2))] }),
    ],
    result: 'succeeded',
    at: 40,
    summary: [`traffic switched from ${A} to ${P2}`],
    preExisting: [],
  },
];

function check(c: Case): void {
  const out = play(c.target, c.steps);
  expect(out.verdict?.result ?? 'pending', `${out.verdict?.summary}\n${out.lines.join('\n')}`).toBe(c.result);
  if (c.at !== undefined) expect(out.verdict?.at).toBe(t(c.at));
  for (const s of c.summary ?? []) expect(out.verdict?.summary, s).toContain(s);
  if (c.preExisting) expect((out.verdict?.preExisting ?? []).map((p) => p.subject)).toEqual(c.preExisting);
  for (const h of c.hints ?? [])
    expect(
      out.verdict?.diagnosis?.hints.some((x) => x.text.includes(h)),
      h,
    ).toBe(true);
}

describe('problems from before the change', () => {
  it.each([...cases, ...serveCases, ...pendingCases].map((c) => [c.name, c] as const))('%s', (_n, c) => check(c));

  it('renders a degraded success apart, with what predates the change', () => {
    const out = play(cases[0]!.target, cases[0]!.steps);
    const text = renderVerdict(out.verdict!).join('\n');
    expect(text).toMatch(/^succeeded, degraded: /);
    expect(text).toContain('Before the change, and still there (not caused by it):');
    expect(text).toContain(`  - worker pod ${A}-gpu-l4-0 (group gpu-l4) of ${A} cannot be scheduled: ${GPU_MESSAGE}`);
  });
});

describe('healthOf: the state before a change', () => {
  it.each([
    ['healthy', snap(0, rs(), { pods: [head, cpuWorker] }), []],
    ['a Pending GPU worker', snap(0, rs(), { pods: basePods }), [['health.pod-unschedulable', `pod:${A}-gpu-l4-0`]]],
    [
      'an upgrade stuck on its pending cluster',
      snap(0, rs({ upgrading: true, pending: P }), { pods: [stuckPending] }),
      [
        ['health.upgrade-stuck', `cluster:${P}`],
        ['health.pod-unschedulable', `pod:${P}-gpu-0`],
      ],
    ],
    [
      'an upgrade under way',
      snap(0, rs({ upgrading: true, pending: P }), { pods: [pod(`${P}-head`, P, 'head', { ready: false })] }),
      [['health.upgrade-pending', `cluster:${P}`]],
    ],
    [
      'the spec refused',
      snap(0, rs({ ready: 'False', readyReason: 'ValidationFailed', readyMessage: 'spec.upgradeStrategy is invalid' })),
      [['health.validation-failed', 'service']],
    ],
    ['a failed application', snap(0, rs({ activeApps: { ...ok('app1'), ...failedApp('app2') } })), [['health.app-failed', `app:${A}/app2`]]],
    [
      'an ImagePullBackOff worker',
      snap(0, rs(), { pods: [head, pod(`${A}-w`, A, 'worker', { ready: false, waiting: { reason: 'ImagePullBackOff' } })] }),
      [['health.pod-waiting', `pod:${A}-w`]],
    ],
  ] as const)('%s', (_n, s, want) => {
    expect(healthOf(s).map((p) => [p.rule, p.subject])).toEqual(want);
  });
});

describe('reporting the health before the change', () => {
  const problem: HealthProblem = healthProblem('health.pod-unschedulable', `pod:${A}-gpu-l4-0`, {
    nodeType: 'worker',
    pod: `${A}-gpu-l4-0`,
    cluster: A,
    message: GPU_MESSAGE,
  });

  it('the apply summary shows it apart, and a degraded success as such', () => {
    const verdict = { ...play(cases[0]!.target, cases[0]!.steps).verdict! };
    const md = renderOutcomes([{ service: { namespace: 'default', name: 'text-ml', change: 'cluster-inplace', cluster: { before: [problem] } }, verdict }]);
    expect(md).toContain('| `default/text-ml` | cluster-inplace | ⚠️ succeeded, degraded |');
    expect(md).toContain('**Before the change** (not caused by it):');
    expect(md).toContain('**Still there at the end** (the rollout is done, degraded):');
  });

  it('the plan comment and the apply log show it under "Before the change"', () => {
    const p = plan(set([rayService()]), set([rayService((rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 2))]));
    const fit = { verdict: 'nothing-to-place' as const, summary: '', pods: 0, problems: [], scaleUp: [] };
    const view = { live: 'found' as const, drift: [], dryRun: 'ok' as const, dryRunErrors: [], keptByApply: [], fit, notes: [], before: [problem] };
    const live = { ...p, cluster: { mode: 'live' as const, notes: [] }, services: p.services.map((s) => ({ ...s, cluster: view })) };
    expect(renderMarkdown(live)).toContain('**Before the change**');
    expect(renderMarkdown(live)).toContain(`worker pod`);
    expect(clusterFindings(live)).toContainEqual({ level: 'warning', text: `default/demo: before the change: ${problem.text}` });
  });
});

describe('specChangedAt: when the spec was last written (what wait can know)', () => {
  const entry = (time: string | Date, o: Record<string, unknown> = {}) => ({
    manager: 'm',
    operation: 'Apply',
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:spec': {} },
    ...o,
  });
  it.each([
    ['the newest write that owns spec fields', [entry('2026-01-01T10:00:00Z'), entry('2026-01-01T10:05:00Z')], Date.UTC(2026, 0, 1, 10, 5)],
    ['a status write does not count', [entry('2026-01-01T10:00:00Z'), entry('2026-01-01T11:00:00Z', { subresource: 'status' })], Date.UTC(2026, 0, 1, 10)],
    [
      'a metadata-only write does not count',
      [entry('2026-01-01T10:00:00Z'), entry('2026-01-01T11:00:00Z', { fieldsV1: { 'f:metadata': {} } })],
      Date.UTC(2026, 0, 1, 10),
    ],
    ['a Date from the typed client', [entry(new Date(Date.UTC(2026, 0, 1, 9)))], Date.UTC(2026, 0, 1, 9)],
    ['nothing to tell', [], undefined],
    ['hostile values read as absent', [entry('not a time'), { time: 7 }, 'x', null], undefined],
  ] as const)('%s', (_n, managedFields, want) => {
    expect(specChangedAt({ metadata: { managedFields: managedFields as readonly unknown[] } })).toBe(want);
  });
});
