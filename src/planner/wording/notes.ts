/**
 * The words of a cluster-aware plan's notes (`cluster.notes[]`, `services[].cluster.notes[]`), one
 * entry per rule id of docs/rule-ids.md. Adding a note is one entry here.
 */
import type { Catalog } from '../../util/wording.js';
import type { DryRunNotRun } from '../live/facts.js';

/** The operator as its Deployment shows it (`detail`: namespace/name and image, never credentials). */
interface Running {
  readonly version: string;
  readonly detail: string;
}

/** A RayService removed from Git that another field manager applied: whose it is. */
export interface NotOurs {
  /** Our field manager, the one that never applied it. */
  readonly fieldManager: string;
  /** `manager (operation)`, each cut short; at most a few. */
  readonly managers: readonly string[];
  /** How many more managers there are. */
  readonly more: number;
}

/** Why prune leaves a RayService running (also the apply's log line). */
export function notOursWords(d: NotOurs): string {
  const whose = d.managers.length ? `managed by ${d.managers.join(', ')}${d.more > 0 ? ` and ${d.more} more` : ''}` : 'no field manager recorded';
  return `not deleted: ${d.fieldManager} never applied it (${whose}); delete it by hand if it must go`;
}

/** A feature gate the operator runs away from its release default or from the gate input. */
interface GateAway {
  readonly gate: string;
  readonly on: boolean;
  readonly detail: string;
  /** The Deployment's --feature-gates names the gate. */
  readonly setByFlag: boolean;
  /** The gate input, when it differs from what runs. */
  readonly input?: boolean;
  readonly version: string;
}

const onOff = (on: boolean) => (on ? 'on' : 'off');

export const NOTES = {
  'cluster.unreachable': (d: { error: string }) => `Planned from Git alone: ${d.error}.`,
  'cluster.read-forbidden': (d: { read: string; unknown?: 'scale-up' }) =>
    d.unknown === 'scale-up'
      ? `Not allowed to ${d.read} (HTTP 403): whether a scale-up would make room is not known (docs/rbac.md).`
      : `Not allowed to ${d.read} (HTTP 403): that part of the plan is skipped (docs/rbac.md lists the read-only rules).`,
  'cluster.read-failed': (d: { read: string; error: string }) => `Could not ${d.read}: ${d.error}.`,
  /** An in-place update resets every group's replicas to the manifest's values (the running counts may differ). */
  'live.replica-reset': (d: { cluster: string; groups: readonly { group: string; running: number; desired: number }[] }) =>
    `The in-place update resets the replicas of the groups it does not touch to the manifest's values on ${d.cluster}: ${d.groups
      .map(
        (r) =>
          `"${r.group}" ${r.running} → ${r.desired} pod${r.desired === 1 ? '' : 's'} (${r.desired > r.running ? `${r.desired - r.running} added` : `${r.running - r.desired} removed`})`,
      )
      .join(', ')}. The pods it adds are part of the fit check.`,
  'operator.version-unknown': (d: { input: string }) =>
    `The operator's version could not be read from the cluster (no readable KubeRay Deployment, no RayCluster of these RayServices): the plan uses the kuberay-version input, ${d.input}.`,
  'operator.newer-than-known': (d: Running & { uses: string }) =>
    `KubeRay ${d.version} runs (${d.detail}), newer than the releases whose rules this tool knows: the plan uses ${d.uses}'s rules.`,
  'operator.older-than-known': (d: Running & { input: string }) =>
    `KubeRay ${d.version} runs (${d.detail}), older than any release this tool knows: the plan uses the kuberay-version input, ${d.input}.`,
  'operator.version-differs': (d: Running & { input: string }) =>
    `KubeRay ${d.version} runs in the cluster (${d.detail}); the kuberay-version input says ${d.input}: the plan follows the cluster.`,
  'operator.zero-downtime': (d: { operator: boolean; input: boolean; detail: string }) =>
    `The operator runs with ENABLE_ZERO_DOWNTIME=${d.operator} (${d.detail}); the zero-downtime input says ${d.input}: the plan follows the operator.`,
  'operator.feature-gate': (d: GateAway) => {
    const how = d.setByFlag ? d.detail : `${d.detail}: its release default, no --feature-gates for it`;
    const against = d.input !== undefined ? `the gate input says ${onOff(d.input)}` : `KubeRay ${d.version}'s default is ${onOff(!d.on)}`;
    return `The operator runs with the ${d.gate} gate ${onOff(d.on)} (${how}); ${against}: the plan follows the operator.`;
  },
  'operator.no-init-container': (d: { detail: string }) =>
    `The operator runs with ENABLE_INIT_CONTAINER_INJECTION=false (${d.detail}): its worker pods get no wait-gcs-ready init container, and the plan sizes them without it.`,
  'live.absent': () => "In Git's base but not in the cluster: the apply creates it (a new RayCluster, whatever the strategy).",
  'live.unreadable': () => "The live RayService could not be read: compared with Git's base only.",
  'live.no-cluster-yet': () => 'The RayService exists but has no RayCluster yet: the operator builds its first one from this spec.',
  'live.matches-head': () => "The live RayService already matches Git's head: this change was applied outside this pull request.",
  'live.cluster-differs-from-service': (d: { cluster: string }) =>
    `RayCluster ${d.cluster} runs a spec that differs from the RayService's in fields KubeRay hashes: a change the operator ignored (upgrade strategy None, or zero-downtime off), or an edit of the RayCluster itself. KubeRay compares with the hash it stored when it built the cluster; this plan assumes the cluster runs the spec it was built from — after a direct edit of the RayCluster, the operator sees no change where this plan does.`,
  'live.rollback-in-progress': () =>
    'A rollback is in progress (RollbackInProgress): KubeRay routes traffic back to the active cluster and prepares no new cluster until it has finished.',
  'live.incremental-rollback-first': (d: { version: string; active: string; pending: string }) =>
    `KubeRay ${d.version} does not replace ${d.pending} right away: the goal differs from it, so it first rolls traffic back to ${d.active} (RollbackInProgress) and removes ${d.pending}; only then does it build the new RayCluster.`,
  'live.upgrade-in-progress': (d: { pending: string; active?: string; pendingRead: boolean }) =>
    `A rollout is already in progress: pending RayCluster ${d.pending} is being prepared next to active ${d.active ?? '(none)'}; KubeRay compares this change with ${d.pending}${d.pendingRead ? '' : ' (not readable: compared with the live RayService)'}.`,
  'live.pending-extended': (d: { pending: string; active?: string }) =>
    `The appended worker groups are added to ${d.pending} in place (it keeps starting); ${d.active ?? 'the active cluster'} is not touched during the upgrade.`,
  'live.pending-abandoned': (d: { pending: string }) =>
    `${d.pending} is abandoned: a new pending RayCluster replaces it, and ${d.pending} is deleted after rayClusterDeletionDelaySeconds (default 60 s) — three clusters can exist for that long.`,
  'live.pending-kept': (d: { pending: string; serveChanged: boolean }) =>
    `${d.pending} already has this cluster spec: it keeps starting${d.serveChanged ? ' and the new Serve config goes to it' : ''}.`,
  'live.operator-refresh': (d: Running & { cluster: string; builtBy: string; upgradeInProgress: boolean }) =>
    `The operator (${d.version}, ${d.detail}) is not the one that last wrote active RayCluster ${d.cluster} (${d.builtBy}): on its next reconcile${d.upgradeInProgress ? ' after the upgrade in progress' : ''} it rewrites that cluster in place with the RayService's spec, once. A cluster change that reaches the operator at that moment is applied in place (pods restarted, no blue/green).`,
  'live.no-dry-run': (d: DryRunNotRun) =>
    `No server-side dry run: ${
      d.because === 'forbidden'
        ? `not allowed to apply RayServices in ${d.namespace} (HTTP 403)`
        : d.because === 'not-found'
          ? `${d.message} (the apply fails unless it exists by then)`
          : d.message
    }.`,
  'live.apply-keeps-fields': (d: { fields: readonly string[] }) =>
    `The apply keeps ${d.fields.length} field(s) that Git's head does not set, because another field manager owns them (${d.fields.slice(0, 3).join(', ')}${d.fields.length > 3 ? ', …' : ''}): the plan includes them, as the operator will see them.`,
  'live.apply-conflict': (d: { conflict: string }) => `The apply conflicts with another field manager unless forced (force-conflicts: true): ${d.conflict}`,
  'prune.gone': () => 'Not in the cluster: prune has nothing to delete.',
  'prune.not-ours': (d: NotOurs) => `Prune leaves it running: ${notOursWords(d)}.`,
} as const satisfies Catalog;

export type NoteRule = keyof typeof NOTES;
