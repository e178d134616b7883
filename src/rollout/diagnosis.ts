/**
 * What to tell a user whose rollout failed or timed out: which clauses of the completion predicate
 * do not hold, the conditions, the applications and deployments that are not fine, the pods that
 * are not ready and why, the Warning events since the apply, a frozen-status note, and hints that
 * say what to do next.
 */
import { HINT_NO_UPGRADE_TIMEOUT } from './judge.js';
import {
  APP_DONE,
  DEPLOYMENT_OK,
  OPERATOR_WARNINGS,
  activeName,
  apps,
  conditionText,
  dedupeWarnings,
  eventsSince,
  formatDuration,
  isUnschedulable,
  observedGeneration,
  pendingName,
  podsOf,
  podTrouble,
} from './observed.js';
import type { Diagnosis, EventView, Hint, HintId, RayServiceView, RolloutState, Snapshot } from './types.js';
import { hint } from './wording.js';

/** Hints by id: the first one given for an id stands (the failure rule's, worded for its case). */
type Hints = Map<HintId, Hint>;

const MAX_PODS = 20;

export function diagnose(state: RolloutState, now: number, missing: readonly string[], failureHints: readonly Hint[] = []): Diagnosis {
  const { target, memory, last: snap } = state;
  const hints: Hints = new Map();
  for (const h of failureHints) add(hints, h);
  if (!snap || snap.rayService === undefined) {
    add(hints, hint('no-observation'));
    return { missing, conditions: [], apps: [], pendingPods: [], warnings: [], hints: [...hints.values()] };
  }
  const rs = snap.rayService;
  const recent = eventsSince(snap, target.startedAt);
  const { lines: appLines, clusters } = appsOf(rs);
  // Pods of the pending cluster tracked and of the old one matter even when the status no longer names them.
  for (const c of [memory.pending, target.activeBefore]) if (c !== undefined && !clusters.includes(c)) clusters.push(c);
  const frozenStatus = rs ? frozen(state, rs, recent, now, hints) : undefined;
  if (rs && state.kind === 'new-cluster') addBlueGreenHints(state, rs, snap, hints);
  return {
    missing,
    conditions: (rs?.conditions ?? []).map(conditionText),
    apps: appLines,
    pendingPods: pendingPods(snap, clusters),
    warnings: dedupeWarnings(recent),
    ...(frozenStatus ? { frozenStatus } : {}),
    hints: [...hints.values()],
  };
}

function add(hints: Hints, h: Hint): void {
  if (!hints.has(h.id)) hints.set(h.id, h);
}

/** Applications and deployments that are not fine, on the active and the pending cluster, and those clusters. */
function appsOf(rs: RayServiceView | null): { lines: string[]; clusters: string[] } {
  const lines: string[] = [];
  const clusters: string[] = [];
  for (const [role, status] of [
    ['active', rs?.activeServiceStatus],
    ['pending', rs?.pendingServiceStatus],
  ] as const) {
    const cluster = status?.rayClusterName;
    if (!cluster) continue;
    clusters.push(cluster);
    for (const [name, app] of apps(status)) {
      if (app.status !== APP_DONE || app.message) lines.push(`${cluster} (${role}) ${name}: ${app.status}${app.message ? ` — ${app.message}` : ''}`);
      for (const [d, s] of Object.entries(app.serveDeploymentStatuses ?? {})) {
        if (!DEPLOYMENT_OK.has(s.status)) lines.push(`${cluster} (${role}) ${name}/${d}: ${s.status}${s.message ? ` — ${s.message}` : ''}`);
      }
    }
  }
  return { lines, clusters };
}

/** Pods of these clusters that are not ready, and why; at most MAX_PODS of them. */
function pendingPods(snap: Snapshot, clusters: readonly string[]): string[] {
  const out: string[] = [];
  for (const cluster of clusters) {
    for (const p of podsOf(snap, cluster)) {
      if (!p.ready) out.push(`${p.name} (${p.nodeType ?? 'pod'} of ${cluster}): ${podTrouble(p)}`);
    }
  }
  if (out.length > MAX_PODS) out.splice(MAX_PODS, out.length - MAX_PODS, `… and ${out.length - MAX_PODS} more`);
  return out;
}

/** The frozen-status note when observedGeneration is behind, and a hint when no operator Warning explains it. */
function frozen({ target }: RolloutState, rs: RayServiceView, recent: readonly EventView[], now: number, hints: Hints): string | undefined {
  if (observedGeneration(rs) >= target.generation) return undefined;
  if (!recent.some((e) => e.type === 'Warning' && OPERATOR_WARNINGS.has(e.reason))) {
    add(hints, hint('operator-not-watching', { namespace: target.namespace }));
  }
  return `status.observedGeneration is ${rs.observedGeneration ?? 'unset'}, below the applied generation ${target.generation}, ${formatDuration(now - target.startedAt)} after the apply: the operator has not completed a reconcile pass of the new spec (an error early in a pass freezes the whole status, observedGeneration included).`;
}

/** A pending cluster: room for both clusters, and no upgrade timeout (unless a failure hint said so already). */
function addBlueGreenHints({ target }: RolloutState, rs: RayServiceView, snap: Snapshot, hints: Hints): void {
  const pending = pendingName(rs);
  if (pending === undefined) return;
  if (podsOf(snap, pending).some(isUnschedulable) && target.activeBefore !== undefined) {
    add(hints, hint('room-for-both-clusters', { active: target.activeBefore, pending, failed: false }));
  }
  add(hints, HINT_NO_UPGRADE_TIMEOUT(pending, activeName(rs)));
}
