/**
 * Failure rules: when to stop waiting before the deadline because the rollout cannot end well.
 *
 * Each rule waits for evidence that belongs to this apply (generation G, events since the apply,
 * states that lasted a grace period), because the first statuses after an apply can still describe
 * the previous spec. The operator itself never gives up on a pending cluster (no upgrade timeout,
 * no rollback in NewCluster mode), so the watcher owns the decision.
 */
import {
  BAD_STATES,
  CLUSTER_VALIDATION_WARNINGS,
  HOPELESS_WAITING,
  NO_SCALE_UP_EVENTS,
  OPERATOR_WARNINGS,
  SCALE_UP_EVENTS,
  VALIDATION_WARNINGS,
  activeName,
  allRunning,
  apps,
  condition,
  eventsSince,
  formatDuration,
  isUnschedulable,
  observedGeneration,
  pendingName,
  podsOf,
} from './observed.js';
import { appPredates, excusedPod } from './health.js';
import { settled } from './predicates.js';
import type { Condition, EventView, Hint, PodView, RayServiceView, RolloutState, ServiceStatus, Since, Snapshot } from './types.js';
import { hint } from './wording.js';

export interface Failure {
  readonly summary: string;
  readonly hints: readonly Hint[];
}

export const HINT_NO_UPGRADE_TIMEOUT = (pending: string, active: string | undefined): Hint =>
  hint('no-upgrade-timeout', { pending, ...(active ? { active } : {}) });

/** The cluster whose applications and pods decide the rollout, and its Serve status. */
export function targetOf({ kind, target, memory }: RolloutState, rs: RayServiceView): { cluster?: string; status?: ServiceStatus } {
  if (kind === 'new-cluster') {
    const pending = pendingName(rs);
    if (pending !== undefined) return { cluster: pending, status: rs.pendingServiceStatus };
    const active = activeName(rs);
    if (active !== undefined && active !== target.activeBefore && !memory.abandoned.includes(active))
      return { cluster: active, status: rs.activeServiceStatus };
    return {};
  }
  if (kind === 'app' || kind === 'inplace') return { cluster: target.activeBefore, status: rs.activeServiceStatus };
  return {};
}

/** Bad application and deployment states on the target cluster, keyed for the grace clock. */
export function badStates(state: RolloutState, rs: RayServiceView): Map<string, string> {
  const out = new Map<string, string>();
  if (observedGeneration(rs) < state.target.generation) return out; // still the previous spec's picture
  const { cluster, status } = targetOf(state, rs);
  for (const [name, app] of apps(status)) {
    // Failing before the change, and not touched by it: reported as degraded at the end, not a failure.
    if (appPredates(state.target, state.memory, cluster, name)) continue;
    if (BAD_STATES.has(app.status))
      out.set(`${cluster}/${name}:${app.status}`, `application ${name} on ${cluster} is ${app.status}${app.message ? `: ${app.message}` : ''}`);
    for (const [d, s] of Object.entries(app.serveDeploymentStatuses ?? {})) {
      if (BAD_STATES.has(s.status))
        out.set(`${cluster}/${name}/${d}:${s.status}`, `deployment ${name}/${d} on ${cluster} is ${s.status}${s.message ? `: ${s.message}` : ''}`);
    }
  }
  return out;
}

/** Pods of the target cluster that are unschedulable or stuck in a waiting state that does not heal. */
export function stuckPods(state: RolloutState, snap: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  const rs = snap.rayService;
  if (!rs) return out;
  const { cluster } = targetOf(state, rs);
  for (const p of podsOf(snap, cluster)) {
    if (p.ready || excusedPod(state.target, p)) continue;
    if (isUnschedulable(p)) out.set(`${p.name}:Unschedulable`, `${p.scheduled?.message ?? 'no node fits'}`);
    else if (p.waiting && HOPELESS_WAITING.has(p.waiting.reason)) out.set(`${p.name}:${p.waiting.reason}`, p.waiting.message ?? '');
  }
  return out;
}

/** Carry the "since" of states still present; drop the others. */
export function refresh(previous: Record<string, Since>, now: Map<string, string>, at: number): Record<string, Since> {
  const next: Record<string, Since> = {};
  for (const [key, text] of now) next[key] = { since: previous[key]?.since ?? at, text };
  return next;
}

/** What every failure rule reads: the state, its last snapshot and what is derived from it once. */
interface Evidence {
  readonly state: RolloutState;
  readonly snap: Snapshot;
  readonly rs: RayServiceView;
  readonly now: number;
  readonly ready: Condition | undefined;
  /** Events since the apply. */
  readonly recent: readonly EventView[];
  /** status.observedGeneration is below the applied generation. */
  readonly behind: boolean;
  /** The cluster that decides the rollout. */
  readonly cluster: string | undefined;
}

type FailureRule = (e: Evidence) => Failure | undefined;

/** The rules in the order they are tried: the first that holds names the failure. */
const FAILURE_RULES: readonly FailureRule[] = [
  initializingTimeout,
  specRejected,
  clusterRejected,
  outage,
  badForTooLong,
  stuckFailure,
  frozenStatus,
  noNewCluster,
];

/** Why the rollout cannot end well, judged from the state's last snapshot; undefined while it still can. */
export function failure(state: RolloutState, now: number): Failure | undefined {
  const { kind, target, last: snap } = state;
  if (kind === 'nothing' || kind === 'delete' || snap === undefined) return undefined;
  const rs = snap.rayService;
  if (rs === undefined) return undefined;
  if (rs === null) return { summary: 'the RayService was deleted while the rollout was being watched', hints: [] };
  const evidence: Evidence = {
    state,
    snap,
    rs,
    now,
    ready: condition(rs, 'Ready'),
    recent: eventsSince(snap, target.startedAt),
    behind: observedGeneration(rs) < target.generation,
    cluster: targetOf(state, rs).cluster,
  };
  for (const rule of FAILURE_RULES) {
    const failed = rule(evidence);
    if (failed) return failed;
  }
  return undefined;
}

function initializingTimeout({ ready }: Evidence): Failure | undefined {
  if (ready?.status !== 'False' || ready.reason !== 'InitializingTimeout') return undefined;
  return {
    summary: `the RayService did not become ready within its initializing timeout: ${ready.message ?? 'InitializingTimeout'}`,
    hints: [hint('initializing-timeout-terminal')],
  };
}

/** The operator validates before anything else; a rejected spec leaves observedGeneration behind. */
function specRejected({ behind, recent }: Evidence): Failure | undefined {
  if (!behind) return undefined;
  const rejected = recent.filter((e) => e.type === 'Warning' && VALIDATION_WARNINGS.has(e.reason));
  const last = rejected[rejected.length - 1];
  if (!last) return undefined;
  return {
    summary: `the operator rejected the spec (${last.reason}): ${last.message}`,
    hints: [hint('fix-the-spec')],
  };
}

function clusterRejected({ state, rs, recent, cluster }: Evidence): Failure | undefined {
  const rejected = recent.find(
    (e) => e.type === 'Warning' && CLUSTER_VALIDATION_WARNINGS.has(e.reason) && (e.involved === undefined || e.involved === cluster),
  );
  if (!rejected || cluster === undefined) return undefined;
  return {
    summary: `the RayCluster controller rejected ${cluster} (${rejected.reason}): ${rejected.message}`,
    hints: [hint('cluster-upgrade-strategy'), ...(state.kind === 'new-cluster' ? [HINT_NO_UPGRADE_TIMEOUT(cluster, activeName(rs))] : [])],
  };
}

/** Ready=False/ZeroServeEndpoints is only written when Ready was True before: an outage. */
function outage({ state, ready }: Evidence): Failure | undefined {
  if (ready?.status !== 'False' || ready.reason !== 'ZeroServeEndpoints') return undefined;
  if (!state.memory.seenReady && (ready.lastTransitionTime ?? 0) < state.target.startedAt) return undefined;
  return {
    summary: `outage: the RayService lost all its serve endpoints during the rollout (Ready=False, ZeroServeEndpoints${ready.message ? `: ${ready.message}` : ''})`,
    hints: [hint('serve-endpoints')],
  };
}

/** An application or deployment DEPLOY_FAILED or UNHEALTHY for longer than the grace period. */
function badForTooLong({ state, now }: Evidence): Failure | undefined {
  const { kind, target, memory } = state;
  for (const s of Object.values(memory.bad)) {
    if (now - s.since >= target.graceMs && (kind === 'new-cluster' || settled(state, now))) {
      return {
        summary: `${s.text} (for ${formatDuration(now - s.since)})`,
        hints: [hint('serve-logs')],
      };
    }
  }
  return undefined;
}

/** The status stayed below generation G past its grace period, and the operator says why. */
function frozenStatus({ state, rs, now, ready, recent, behind }: Evidence): Failure | undefined {
  const { target } = state;
  if (!behind || now - target.startedAt < target.frozenGraceMs) return undefined;
  const complaints = recent.filter((e) => e.type === 'Warning' && OPERATOR_WARNINGS.has(e.reason));
  const validation = ready?.status === 'False' && ready.reason === 'ValidationFailed' ? ready : undefined;
  if (complaints.length === 0 && !validation) return undefined;
  const what = validation
    ? `ValidationFailed: ${validation.message ?? ''}`
    : [...new Set(complaints.map((e) => `${e.reason}: ${e.message}`))].slice(-3).join('; ');
  return {
    summary: `the status is frozen at observedGeneration ${rs.observedGeneration ?? 'unset'} < ${target.generation} for ${formatDuration(now - target.startedAt)}; the operator reports ${what}`,
    hints: [hint('status-frozen')],
  };
}

/** Planned a new cluster, but the operator kept the old one: the change is not being applied. */
function noNewCluster({ state, rs, now, behind }: Evidence): Failure | undefined {
  const { kind, target, memory } = state;
  const keptOld =
    kind === 'new-cluster' &&
    target.activeBefore !== undefined &&
    !memory.everPending &&
    !behind &&
    pendingName(rs) === undefined &&
    activeName(rs) === target.activeBefore &&
    memory.firstObservedAt !== undefined &&
    now - memory.firstObservedAt >= target.settleMs;
  if (!keptOld) return undefined;
  return {
    summary: `the operator did not prepare a new cluster for this cluster-level change: ${target.activeBefore} stays active with its old spec`,
    hints: [hint('zero-downtime-disabled'), hint('operator-just-upgraded')],
  };
}

/** A pod that blocks the rollout stayed unschedulable or stuck past its grace period. */
function stuckFailure({ state, snap, rs, now }: Evidence): Failure | undefined {
  const { kind, target, memory } = state;
  const { cluster, status } = targetOf(state, rs);
  const pods = new Map(podsOf(snap, cluster).map((p) => [p.name, p]));
  // Worker pods only block when the applications wait for them (or when the change is the workers).
  const appsWaiting = !allRunning(status);
  for (const [key, s] of Object.entries(memory.stuck)) {
    if (now - s.since < target.stuckGraceMs) continue;
    const [podName = '', reason = ''] = splitKey(key);
    const pod = pods.get(podName);
    if (!pod) continue;
    const blocking = pod.nodeType === 'head' || kind === 'inplace' || appsWaiting;
    if (!blocking) continue;
    const stuck: StuckPod = { pod, cluster, reason, since: s, rs };
    if (reason !== 'Unschedulable') return stuckWaiting(state, stuck, now);
    const autoscaler = lastAutoscalerEvent(snap, podName);
    if (autoscaler && SCALE_UP_EVENTS.has(autoscaler.reason)) continue; // a node is coming: wait for the deadline
    return unschedulable(state, stuck, autoscaler, now);
  }
  return undefined;
}

/** One blocking pod past its grace period, and where it was seen. */
interface StuckPod {
  readonly pod: PodView;
  readonly cluster: string | undefined;
  /** Unschedulable, or the container's waiting reason. */
  readonly reason: string;
  readonly since: Since;
  readonly rs: RayServiceView;
}

function unschedulable(state: RolloutState, { pod, cluster, since, rs }: StuckPod, autoscaler: EventView | undefined, now: number): Failure {
  const { kind, target } = state;
  return {
    summary: `${describePod(pod, cluster)} cannot be scheduled (for ${formatDuration(now - since.since)}): ${since.text}${autoscaler ? `; ${autoscaler.reason}: ${autoscaler.message}` : ''}`,
    hints: [
      kind === 'new-cluster' && target.activeBefore !== undefined
        ? hint('room-for-both-clusters', { active: target.activeBefore, ...(cluster ? { pending: cluster } : {}), failed: true })
        : hint('no-room'),
      ...pendingClusterHint(state, cluster, rs),
    ],
  };
}

function stuckWaiting(state: RolloutState, { pod, cluster, reason, since, rs }: StuckPod, now: number): Failure {
  return {
    summary: `${describePod(pod, cluster)} is stuck in ${reason} (for ${formatDuration(now - since.since)})${since.text ? `: ${since.text}` : ''}`,
    hints: [
      reason === 'CrashLoopBackOff'
        ? hint('container-crashing', { namespace: state.target.namespace, pod: pod.name })
        : reason === 'CreateContainerConfigError' || reason === 'CreateContainerError'
          ? hint('missing-config')
          : hint('image-pull'),
      ...pendingClusterHint(state, cluster, rs),
    ],
  };
}

/** The no-upgrade-timeout hint, when the stuck pod belongs to a pending cluster next to the old one. */
function pendingClusterHint({ kind, target }: RolloutState, cluster: string | undefined, rs: RayServiceView): Hint[] {
  return kind === 'new-cluster' && target.activeBefore !== undefined && cluster !== undefined && pendingName(rs) === cluster
    ? [HINT_NO_UPGRADE_TIMEOUT(cluster, target.activeBefore)]
    : [];
}

function splitKey(key: string): [string, string] {
  const i = key.lastIndexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

function describePod(pod: PodView, cluster: string | undefined): string {
  return `${pod.nodeType ?? 'pod'}${pod.nodeType ? ' pod' : ''} ${pod.name}${cluster ? ` of ${cluster}` : ''}`;
}

/** The latest scale-up decision a node autoscaler announced for this pod, if any. */
function lastAutoscalerEvent(snap: Snapshot, pod: string): EventView | undefined {
  return (snap.events ?? [])
    .filter((e) => e.involved === pod && (SCALE_UP_EVENTS.has(e.reason) || NO_SCALE_UP_EVENTS.has(e.reason)))
    .sort((a, b) => a.at - b.at)
    .pop();
}
