/**
 * What the cluster's state does to a planned change: a RayService in which KubeRay applies nothing,
 * an upgrade already in progress (its pending cluster kept, extended or abandoned; a rollback during
 * an incremental upgrade), and an operator that rewrites a cluster another version wrote.
 */
import { compareClusterSpecs, comparisonBase } from '../../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../../kuberay/releases.js';
import { type Change, type Note, note, overridden, reason, type ServicePlan } from '../types.js';
import { type ComparisonTarget, type Halted, storedCluster } from './compare-with-live.js';
import type { LiveService } from './facts.js';
import { KUBERAY_VERSION_ANNOTATION, normalizeVersion, type OperatorVersion } from './operator-version.js';

/** The plan turned `ignored`, its reasons kept as what would otherwise happen. */
export function haltedPlan(p: ServicePlan, halted: Halted): ServicePlan {
  return {
    ...p,
    change: 'ignored',
    reasons: [halted, ...overridden(p.reasons, halted.rule)],
    changes: p.changes.map((c) => ({ ...c, effect: c.effect === 'none' ? 'none' : 'ignored' })),
  };
}

/**
 * Releases with `incrementalRollback`: during an incremental upgrade, a goal that differs from the
 * pending cluster starts a rollback first (`reconcileRollbackState`: RollbackInProgress, traffic back
 * to the active cluster, the pending one removed); a new cluster is prepared only after that, and
 * only if the goal differs from the active cluster. A revert to the active spec therefore builds nothing.
 */
export function incrementalRollback(
  p: ServicePlan,
  live: LiveService | undefined,
  headCluster: Record<string, unknown> | undefined,
  release: KubeRayRelease,
  notes: Note[],
): ServicePlan {
  if (p.change !== 'cluster-incremental' || !live?.pending || !live.active || !release.incrementalRollback || !headCluster) return p;
  const pendingName = String(live.pending.metadata?.name);
  const activeName = String(live.active.metadata?.name);
  const active = comparisonBase(storedCluster(live.active.spec, release), storedCluster(live.rayService?.spec?.rayClusterConfig, release), release);
  if (compareClusterSpecs(active, headCluster, release).kind === 'equal') {
    return {
      ...p,
      change: 'none',
      reasons: [
        reason('live.incremental-revert', { version: release.version, active: activeName, pending: pendingName }),
        ...overridden(p.reasons, 'live.incremental-revert'),
      ],
    };
  }
  notes.push(note('live.incremental-rollback-first', { version: release.version, active: activeName, pending: pendingName }));
  return p;
}

/** An upgrade in progress: the change is compared with its pending cluster, which it extends, keeps or abandons. */
export function upgradeInProgressNotes(target: ComparisonTarget, live: LiveService | undefined, change: Change, release: KubeRayRelease): Note[] {
  const { pendingName, activeName } = target;
  if (!target.found || !pendingName) return [];
  const pending = pendingName;
  const active = activeName ? { active: activeName } : {};
  const notes: Note[] = [note('live.upgrade-in-progress', { pending, ...active, pendingRead: Boolean(live?.pending) })];
  if (change === 'cluster-inplace') {
    notes.push(note('live.pending-extended', { pending, ...active }));
  } else if (change === 'cluster' || (change === 'cluster-incremental' && !release.incrementalRollback)) {
    notes.push(note('live.pending-abandoned', { pending }));
  } else if (change === 'none' || change === 'app') {
    notes.push(note('live.pending-kept', { pending, serveChanged: change === 'app' }));
  }
  return notes;
}

/** An active cluster last written by another operator version is rewritten in place, once, by this one. */
export function operatorRefreshNotes(operator: OperatorVersion | undefined, live: LiveService | undefined, pendingName: string | undefined): Note[] {
  if (!operator || !live?.active) return [];
  const built = normalizeVersion(live.active.metadata?.annotations?.[KUBERAY_VERSION_ANNOTATION]);
  if (!built || built === operator.version) return [];
  const cluster = `${live.active.metadata?.name}`;
  return [
    note('live.operator-refresh', {
      version: operator.version,
      detail: operator.detail,
      cluster,
      builtBy: built,
      upgradeInProgress: pendingName !== undefined,
    }),
  ];
}
