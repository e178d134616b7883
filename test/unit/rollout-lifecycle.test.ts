/** Nothing to wait for, deletion, rendering, and the machine's contract: pure, final verdicts. */
import { describe, expect, it } from 'vitest';
import { checkTime, observe, renderTimeline, renderVerdict, startRollout, formatDuration } from '../../src/rollout/index.js';
import type { RolloutState, Snapshot } from '../../src/rollout/index.js';
import { A, P, checkRow, cluster, rs, snap, t, target, upgradingFixture, type Row } from '../fixtures/rollout-snapshots.js';

describe('nothing to wait for', () => {
  it.each([
    ['none', 'nothing to wait for: no change reaches the operator'],
    ['ignored', 'nothing to wait for: the operator ignores this change (see the plan)'],
  ] as const)('%s: startRollout returns the verdict at once', (expected, text) => {
    const state = startRollout(target({ expected }));
    expect(state.verdict).toMatchObject({ result: 'succeeded', summary: text, durationMs: 0 });
    expect(state.verdict?.timeline.map((l) => l.text)).toEqual([text]);
    // Later snapshots change nothing.
    expect(observe(state, snap(5, rs())).state).toBe(state);
  });
});

const deleteRows: Row[] = [
  {
    name: 'delete: finalizer, clusters going, RayService gone',
    target: { expected: 'delete' },
    steps: [
      snap(0.5, rs({ deleting: true }), { rayClusters: [cluster(A)] }),
      snap(2, rs({ deleting: true }), { rayClusters: [cluster(A, { deleting: true })] }),
      snap(4, rs({ deleting: true }), { rayClusters: [] }),
      snap(5, null, { rayClusters: [] }),
    ],
    result: 'succeeded',
    at: 5,
    lines: [
      'RayService deletion started: its finalizer waits for the RayClusters to go',
      'RayCluster text-ml-abcde deleted',
      'RayService deleted',
      'rollout done',
    ],
    summary: ['default/text-ml: RayService deleted in 5.0s'],
  },
  {
    name: 'delete: stuck on its finalizer past the deadline',
    target: { expected: 'delete', deadline: t(120) },
    steps: [snap(1, rs({ deleting: true }), { rayClusters: [cluster(A, { deleting: true })] }), { check: 120 }],
    result: 'timeout',
    missing: ['the RayService is being deleted: its finalizer waits for RayClusters text-ml-abcde to go'],
  },
  {
    name: 'delete: Ready dropping to ZeroServeEndpoints on the way out is not an outage',
    target: { expected: 'delete' },
    steps: [snap(1, rs({ deleting: true, ready: 'False', readyReason: 'ZeroServeEndpoints' }))],
    result: 'pending',
  },
];

describe('deletion', () => {
  it.each(deleteRows.map((r) => [r.name, r] as const))('%s', (_n, row) => {
    checkRow(row, expect);
  });
});

/** Freeze a value deeply, so that any mutation throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('the machine', () => {
  it('never mutates its inputs: the same state and snapshot give the same step', () => {
    const snaps: Snapshot[] = [snap(1, upgradingFixture()), snap(30, upgradingFixture()), snap(90, rs({ active: P }))].map(deepFreeze);
    let state: RolloutState = deepFreeze(startRollout(target({ expected: 'cluster' })));
    for (const s of snaps) {
      const a = observe(state, s);
      const b = observe(state, s);
      expect(b).toEqual(a);
      state = deepFreeze(a.state);
    }
    expect(state.verdict?.result).toBe('succeeded');
    expect(deepFreeze(checkTime(state, t(5000))).state).toBe(state);
  });

  it('a verdict is final: later snapshots and times are ignored', () => {
    let { state } = observe(startRollout(target({ expected: 'cluster' })), snap(90, rs({ active: P })));
    expect(state.verdict?.result).toBe('succeeded');
    const again = observe(state, snap(95, null));
    expect(again).toEqual({ state, progress: [] });
    state = again.state;
    expect(checkTime(state, t(99_999)).verdict).toBeUndefined();
  });

  it('identical snapshots print nothing new', () => {
    let state = startRollout(target({ expected: 'cluster', deadline: t(1000) }));
    const lines: string[] = [];
    for (const s of [1, 2, 3, 4]) {
      const step = observe(state, snap(s, upgradingFixture()));
      lines.push(...step.progress.map((l) => l.text));
      state = step.state;
    }
    expect(lines).toEqual(['operator observed generation 7', 'pending cluster text-ml-x7k2p created', 'upgrade in progress: both clusters exist']);
  });

  it('states are plain data (JSON round trip keeps them usable)', () => {
    const { state } = observe(startRollout(target({ expected: 'cluster' })), snap(1, upgradingFixture()));
    const revived = JSON.parse(JSON.stringify(state)) as RolloutState;
    expect(observe(revived, snap(90, rs({ active: P }))).verdict?.result).toBe('succeeded');
  });
});

describe('rendering', () => {
  it.each([
    [0, '0.0s'],
    [12_345, '12.3s'],
    [59_999, '60.0s'],
    [60_000, '1m00s'],
    [252_000, '4m12s'],
    [3_723_000, '1h02m'],
  ])('formatDuration(%i) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('timeline lines: elapsed time right-aligned, then the text', () => {
    expect(
      renderTimeline([
        { at: t(1.2), elapsedMs: 1200, text: 'pending cluster rs-abc created' },
        { at: t(252), elapsedMs: 252_000, text: 'traffic switched to rs-abc' },
      ]),
    ).toEqual(['   1.2s  pending cluster rs-abc created', '  4m12s  traffic switched to rs-abc']);
  });

  it('a failed verdict renders its summary, timeline and the diagnosis sections that have content', () => {
    const out = checkRow({ name: 'r', target: { deadline: t(60) }, steps: [snap(1, rs({ obs: 6 })), { check: 60 }], result: 'timeout' }, expect);
    const text = renderVerdict(out.verdict!);
    expect(text[0]).toBe('TIMED OUT: default/text-ml: not done after 1m00s: the operator has not observed generation 7 yet (status.observedGeneration 6)');
    expect(text).toContain('Timeline:');
    expect(text).toContain('    1m00s  deadline reached');
    expect(text).toContain('Still missing:');
    expect(text).toContain('Frozen status:');
    expect(text).toContain('What to do:');
    expect(text).not.toContain('Pods not ready:');
  });

  it('a success renders summary and timeline only', () => {
    const out = checkRow({ name: 's', target: { expected: 'cluster' }, steps: [snap(90, rs({ active: P }))], result: 'succeeded' }, expect);
    expect(renderVerdict(out.verdict!)).toEqual([
      'succeeded: default/text-ml: traffic switched from text-ml-abcde to text-ml-x7k2p in 1m30s (app1 RUNNING)',
      '',
      'Timeline:',
      '    1m30s  operator observed generation 7',
      '    1m30s  traffic switched to text-ml-x7k2p',
      '    1m30s  Serve apps RUNNING on text-ml-x7k2p',
      '    1m30s  rollout done',
    ]);
  });
});
