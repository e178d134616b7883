/**
 * The rollout state machine: status snapshots and time in, progress lines and one verdict out.
 *
 *   let state = startRollout(target);            // verdict at once for 'none' / 'ignored'
 *   ({ state, progress, verdict } = observe(state, snapshot));   // on every change seen
 *   ({ state, progress, verdict } = checkTime(state, Date.now())); // on a timer, between changes
 *
 * Pure: no I/O, no clock, no timers; states are plain data and never mutated. Between snapshots the
 * world is taken to be as the last snapshot showed it (that is what a live watch means), so
 * checkTime can both end a settle window with success and let a grace period expire into a failure.
 */
import { diagnose } from './diagnosis.js';
import { preExisting } from './health.js';
import { failure } from './judge.js';
import { activeName, appsLine, formatDuration } from './observed.js';
import { unmet } from './predicates.js';
import { initialMemory, track } from './progress.js';
import { hint } from './wording.js';
import type { Hint, Milestones, ProgressLine, ResolvedTarget, RolloutKind, RolloutState, RolloutTarget, Snapshot, Step, Verdict } from './types.js';
import { serviceKey } from '../util/objects.js';

export const DEFAULTS = {
  timeoutMs: 30 * 60_000,
  /** Three of the operator's 2 s reconcile passes. */
  settleMs: 6_000,
  graceMs: 45_000,
  stuckGraceMs: 120_000,
  frozenGraceMs: 60_000,
} as const;

export function startRollout(target: RolloutTarget): RolloutState {
  const resolved: ResolvedTarget = {
    ...target,
    deadline: target.deadline ?? target.startedAt + DEFAULTS.timeoutMs,
    settleMs: target.settleMs ?? DEFAULTS.settleMs,
    graceMs: target.graceMs ?? DEFAULTS.graceMs,
    stuckGraceMs: target.stuckGraceMs ?? DEFAULTS.stuckGraceMs,
    frozenGraceMs: target.frozenGraceMs ?? DEFAULTS.frozenGraceMs,
  };
  const kind = initialKind(resolved);
  const state: RolloutState = { target: resolved, kind, memory: initialMemory(resolved), timeline: [] };
  if (kind !== 'nothing') return state;
  const text =
    target.expected === 'ignored'
      ? 'nothing to wait for: the operator ignores this change (see the plan)'
      : 'nothing to wait for: no change reaches the operator';
  const line = lineAt(resolved, resolved.startedAt, text);
  return { ...state, timeline: [line], verdict: verdictOf(state, 'succeeded', text, resolved.startedAt, [line]) };
}

function initialKind(target: ResolvedTarget): RolloutKind {
  switch (target.expected) {
    case 'none':
    case 'ignored':
    case 'rejected':
      return 'nothing';
    case 'delete':
      return 'delete';
    // Without an active cluster before the apply, any change ends with a cluster becoming active.
    case 'app':
      return target.activeBefore === undefined ? 'new-cluster' : 'app';
    case 'cluster-inplace':
      return target.activeBefore === undefined ? 'new-cluster' : 'inplace';
    case 'create':
    case 'cluster':
    case 'cluster-incremental':
      return 'new-cluster';
  }
}

export function observe(state: RolloutState, snap: Snapshot): Step {
  if (state.verdict) return { state, progress: [] };
  const lines: ProgressLine[] = [];
  const tracked = track(state, snap, (text, warning) => lines.push(lineAt(state.target, snap.at, text, warning)));
  return decide({ ...tracked, timeline: [...state.timeline, ...lines] }, snap.at, lines);
}

export function checkTime(state: RolloutState, now: number): Step {
  if (state.verdict) return { state, progress: [] };
  return decide(state, Math.max(now, state.last?.at ?? now), []);
}

/** The step at `now`: the state with its verdict when done, failed or out of time; else the lines only. */
function decide(state: RolloutState, now: number, lines: ProgressLine[]): Step {
  const judged = judge(state, now);
  if (!judged) return { state, progress: lines };
  const { target } = state;
  const end = lineAt(
    target,
    now,
    judged.result === 'succeeded' ? 'rollout done' : judged.result === 'failed' ? 'rollout failed' : 'deadline reached',
    judged.result !== 'succeeded',
  );
  const timeline = [...state.timeline, end];
  const verdict = { ...judged, timeline };
  return { state: { ...state, timeline, verdict }, progress: [...lines, end], verdict };
}

/** Done, failed, timed out, or (undefined) still under way. */
function judge(state: RolloutState, now: number): Verdict | undefined {
  const { target } = state;
  const missing = unmet(state, now);
  if (missing.length === 0) return done(state, now);
  const failed = failure(state, now);
  if (failed) {
    const summary = `${name(target)}: failed after ${formatDuration(now - target.startedAt)}: ${failed.summary}`;
    return finish(state, 'failed', summary, now, missing, failed.hints);
  }
  if (now >= target.deadline)
    return finish(state, 'timeout', `${name(target)}: not done after ${formatDuration(target.deadline - target.startedAt)}: ${missing[0]}`, now, missing);
  return undefined;
}

/**
 * What the change asked for has happened. Problems from before the change that are still there make
 * it done, degraded (a success that names them), or a failure with --require-healthy.
 */
function done(state: RolloutState, now: number): Verdict {
  const { target } = state;
  const before = preExisting(target, state.memory, state.last);
  if (before.length === 0) return finish(state, 'succeeded', success(state, now), now);
  const named = `${before.length} problem${before.length === 1 ? '' : 's'} from before the change, not caused by it: ${before.map((p) => p.text).join('; ')}`;
  if (!target.requireHealthy) return finish(state, 'succeeded', `${success(state, now)}; degraded: ${named}`, now);
  return finish(state, 'failed', `${name(target)}: done but not healthy (--require-healthy): ${named}`, now, [], [hint('unhealthy-before')]);
}

function finish(
  state: RolloutState,
  result: Verdict['result'],
  summary: string,
  now: number,
  missing: readonly string[] = [],
  hints: readonly Hint[] = [],
): Verdict {
  const diagnosis = result === 'succeeded' ? undefined : diagnose(state, now, missing, hints);
  const before = preExisting(state.target, state.memory, state.last);
  return { ...verdictOf(state, result, summary, now, state.timeline, diagnosis), ...(before.length > 0 ? { preExisting: before } : {}) };
}

function verdictOf(
  state: RolloutState,
  result: Verdict['result'],
  summary: string,
  at: number,
  timeline: readonly ProgressLine[],
  diagnosis?: Verdict['diagnosis'],
): Verdict {
  const rs = state.last?.rayService;
  const activeCluster = rs ? activeName(rs) : undefined;
  return {
    result,
    summary,
    at,
    durationMs: at - state.target.startedAt,
    ...(activeCluster !== undefined ? { activeCluster } : {}),
    timeline,
    ...(diagnosis ? { diagnosis } : {}),
    milestones: milestonesOf(state),
  };
}

/** The times the memory kept, as the steps of the rollout's picture. */
function milestonesOf({ kind, target, memory: m }: RolloutState): Milestones {
  const at = (k: keyof Milestones, v: number | undefined) => (v === undefined ? {} : { [k]: v });
  return {
    kind,
    appliedAt: target.startedAt,
    ...at('observedAt', m.firstObservedAt),
    ...at('pendingAt', m.pendingAt),
    ...at('podsReadyAt', m.podsReadyAt),
    ...at('serveReadyAt', m.serveReadyAt),
    ...at('switchedAt', m.switchedAt),
    ...at('oldDeletedAt', m.oldClusterGoneAt),
  };
}

function success(state: RolloutState, now: number): string {
  const { target, kind, memory, last } = state;
  const took = `in ${formatDuration(now - target.startedAt)}`;
  const rs = last?.rayService;
  const A = target.activeBefore;
  const replanned = followedOperator(target.expected, kind) ? ` (the plan expected ${target.expected})` : '';
  if (kind === 'delete' || !rs) return `${name(target)}: RayService deleted ${took}`;
  const active = activeName(rs) ?? '';
  const apps = appsLine(rs.activeServiceStatus);
  if (kind === 'app') return `${name(target)}: Serve config applied in place on ${active} ${took}${apps ? `: ${apps}` : ''}`;
  if (kind === 'inplace') return `${name(target)}: ${active} updated in place ${took}: all pods ready${apps ? `, ${apps}` : ''}`;
  if (A === undefined) return `${name(target)}: ${active} is serving ${took}${apps ? `: ${apps}` : ''}${replanned}`;
  const deleted = memory.oldClusterGoneAt !== undefined ? `; ${A} deleted` : '';
  return `${name(target)}: traffic switched from ${A} to ${active} ${took}${apps ? ` (${apps})` : ''}${deleted}${replanned}`;
}

function followedOperator(expected: RolloutTarget['expected'], kind: RolloutKind): boolean {
  return kind === 'new-cluster' && (expected === 'app' || expected === 'cluster-inplace');
}

const name = (t: ResolvedTarget) => serviceKey(t);

function lineAt(target: ResolvedTarget, at: number, text: string, warning?: boolean): ProgressLine {
  return { at, elapsedMs: at - target.startedAt, text, ...(warning ? { warning: true } : {}) };
}
