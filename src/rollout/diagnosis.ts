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
import type { Diagnosis, Memory, Mode, ResolvedTarget, Snapshot } from './types.js';

const MAX_PODS = 20;

export function diagnose(
  mode: Mode,
  target: ResolvedTarget,
  memory: Memory,
  snap: Snapshot | undefined,
  now: number,
  missing: readonly string[],
  failureHints: readonly string[] = [],
): Diagnosis {
  const hints = new Set(failureHints);
  if (!snap || snap.rayService === undefined) {
    hints.add('No observation of the RayService arrived: check that the watcher can read RayServices in this namespace.');
    return { missing, conditions: [], apps: [], pendingPods: [], warnings: [], hints: [...hints] };
  }
  const rs = snap.rayService;
  const recent = eventsSince(snap, target.startedAt);
  const conditions = (rs?.conditions ?? []).map(conditionText);

  const appLines: string[] = [];
  const clusters: string[] = [];
  for (const [role, status] of [
    ['active', rs?.activeServiceStatus],
    ['pending', rs?.pendingServiceStatus],
  ] as const) {
    const cluster = status?.rayClusterName;
    if (!cluster) continue;
    clusters.push(cluster);
    for (const [name, app] of apps(status)) {
      if (app.status !== APP_DONE || app.message) appLines.push(`${cluster} (${role}) ${name}: ${app.status}${app.message ? ` — ${app.message}` : ''}`);
      for (const [d, s] of Object.entries(app.serveDeploymentStatuses ?? {})) {
        if (!DEPLOYMENT_OK.has(s.status)) appLines.push(`${cluster} (${role}) ${name}/${d}: ${s.status}${s.message ? ` — ${s.message}` : ''}`);
      }
    }
  }
  if (memory.pending !== undefined && !clusters.includes(memory.pending)) clusters.push(memory.pending);
  if (target.activeBefore !== undefined && !clusters.includes(target.activeBefore)) clusters.push(target.activeBefore);

  const pendingPods: string[] = [];
  for (const cluster of clusters) {
    for (const p of podsOf(snap, cluster)) {
      if (!p.ready) pendingPods.push(`${p.name} (${p.nodeType ?? 'pod'} of ${cluster}): ${podTrouble(p)}`);
    }
  }
  if (pendingPods.length > MAX_PODS) pendingPods.splice(MAX_PODS, pendingPods.length - MAX_PODS, `… and ${pendingPods.length - MAX_PODS} more`);

  let frozenStatus: string | undefined;
  if (rs && observedGeneration(rs) < target.generation) {
    frozenStatus = `status.observedGeneration is ${rs.observedGeneration ?? 'unset'}, below the applied generation ${target.generation}, ${formatDuration(now - target.startedAt)} after the apply: the operator has not completed a reconcile pass of the new spec (an error early in a pass freezes the whole status, observedGeneration included).`;
    if (!recent.some((e) => e.type === 'Warning' && OPERATOR_WARNINGS.has(e.reason))) {
      hints.add(`No operator Warning event explains it: is the KubeRay operator running, and does it watch namespace ${target.namespace}?`);
    }
  }

  if (rs && mode === 'new-cluster') {
    const pending = pendingName(rs);
    const active = activeName(rs);
    if (pending !== undefined) {
      if (podsOf(snap, pending).some(isUnschedulable) && target.activeBefore !== undefined && ![...hints].some((h) => h.includes('side by side'))) {
        hints.add(
          `Pods of ${pending} cannot be scheduled: a blue/green upgrade needs the old cluster ${target.activeBefore} and the new one side by side (the old one until 60 s after the switch).`,
        );
      }
      if (![...hints].some((h) => h.startsWith('The operator has no upgrade timeout'))) hints.add(HINT_NO_UPGRADE_TIMEOUT(pending, active));
    }
  }

  return {
    missing,
    conditions,
    apps: appLines,
    pendingPods,
    warnings: dedupeWarnings(recent),
    ...(frozenStatus ? { frozenStatus } : {}),
    hints: [...hints],
  };
}
