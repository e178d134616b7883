/**
 * What the cluster's state does to a planned change: a RayService in which KubeRay applies nothing,
 * an upgrade already in progress (its pending cluster kept, extended or abandoned; a rollback during
 * an incremental upgrade), and an operator that rewrites a cluster another version wrote.
 */
import { compareClusterSpecs, comparisonBase } from '../../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../../kuberay/releases.js';
import { type Change, type Note, overridden, type Reason, reason, type ServicePlan } from '../types.js';
import { type ComparisonTarget, storedCluster } from './compare-with-live.js';
import type { LiveService } from './facts.js';
import { KUBERAY_VERSION_ANNOTATION, normalizeVersion, type OperatorVersion } from './operator-version.js';

/** The plan turned `ignored`, its reasons kept as what would otherwise happen. */
export function haltedPlan(p: ServicePlan, halted: Reason): ServicePlan {
  return {
    ...p,
    change: 'ignored',
    reasons: [halted, ...overridden(p.reasons, halted.rule, 'Otherwise')],
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
        reason(
          'live.incremental-revert',
          `A revert to what ${activeName} runs, in the middle of an incremental upgrade: KubeRay ${release.version} rolls traffic back to ${activeName} (RollbackInProgress) and removes ${pendingName}; no new RayCluster is built.`,
        ),
        ...overridden(p.reasons, 'live.incremental-revert', 'Without the rollback'),
      ],
    };
  }
  notes.push(
    reason(
      'live.incremental-rollback-first',
      `KubeRay ${release.version} does not replace ${pendingName} right away: the goal differs from it, so it first rolls traffic back to ${activeName} (RollbackInProgress) and removes ${pendingName}; only then does it build the new RayCluster.`,
    ),
  );
  return p;
}

/** An upgrade in progress: the change is compared with its pending cluster, which it extends, keeps or abandons. */
export function upgradeInProgressNotes(target: ComparisonTarget, live: LiveService | undefined, change: Change, release: KubeRayRelease): Note[] {
  const { pendingName, activeName } = target;
  if (!target.found || !pendingName) return [];
  const readable = live?.pending ? '' : ' (not readable: compared with the live RayService)';
  const notes = [
    reason(
      'live.upgrade-in-progress',
      `A rollout is already in progress: pending RayCluster ${pendingName} is being prepared next to active ${activeName ?? '(none)'}; KubeRay compares this change with ${pendingName}${readable}.`,
    ),
  ];
  if (change === 'cluster-inplace') {
    notes.push(
      reason(
        'live.pending-extended',
        `The appended worker groups are added to ${pendingName} in place (it keeps starting); ${activeName ?? 'the active cluster'} is not touched during the upgrade.`,
      ),
    );
  } else if (change === 'cluster' || (change === 'cluster-incremental' && !release.incrementalRollback)) {
    notes.push(
      reason(
        'live.pending-abandoned',
        `${pendingName} is abandoned: a new pending RayCluster replaces it, and ${pendingName} is deleted after rayClusterDeletionDelaySeconds (default 60 s) — three clusters can exist for that long.`,
      ),
    );
  } else if (change === 'none' || change === 'app') {
    notes.push(
      reason(
        'live.pending-kept',
        `${pendingName} already has this cluster spec: it keeps starting${change === 'app' ? ' and the new Serve config goes to it' : ''}.`,
      ),
    );
  }
  return notes;
}

/** An active cluster last written by another operator version is rewritten in place, once, by this one. */
export function operatorRefreshNotes(operator: OperatorVersion | undefined, live: LiveService | undefined, pendingName: string | undefined): Note[] {
  if (!operator || !live?.active) return [];
  const built = normalizeVersion(live.active.metadata?.annotations?.[KUBERAY_VERSION_ANNOTATION]);
  if (!built || built === operator.version) return [];
  return [
    reason(
      'live.operator-refresh',
      `The operator (${operator.version}, ${operator.detail}) is not the one that last wrote active RayCluster ${live.active.metadata?.name} (${built}): on its next reconcile${pendingName ? ' after the upgrade in progress' : ''} it rewrites that cluster in place with the RayService's spec, once. A cluster change that reaches the operator at that moment is applied in place (pods restarted, no blue/green).`,
    ),
  ];
}
