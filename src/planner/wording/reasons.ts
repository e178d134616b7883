/**
 * The words of a plan's reasons (`reasons[]`), one entry per rule id of docs/rule-ids.md: the data
 * the producer hands over, and the English rendered from it. Adding a rule is one entry here.
 */
import type { ResourceFigures } from '../../capacity/capacity.js';
import type { StrategyDisabledBy } from '../../kuberay/upgrade-strategy.js';
import type { Catalog } from '../../util/wording.js';
import { describeSize } from '../describe-size.js';
import { type ServeApp, serveApps, summarizePaths, type WorkerGroupMoves, workerGroupMovesWords } from './phrases.js';

/** A hashed cluster change: the changed rayClusterConfig fields and how the worker groups moved. */
interface HashedChange {
  readonly fields: readonly string[];
  readonly groups: WorkerGroupMoves;
}

const hashedWhat = (d: HashedChange): string => {
  const groupNotes = workerGroupMovesWords(d.groups);
  return `The RayCluster spec changed in fields the operator hashes (${summarizePaths(d.fields)})${groupNotes.length ? `; ${groupNotes.join('; ')}` : ''}.`;
};

/** Why the operator ignores cluster changes (EffectiveStrategy of kuberay/upgrade-strategy.ts). */
interface StrategyOff {
  readonly disabledBy?: StrategyDisabledBy;
  /** The manifest's upgradeStrategy.type. */
  readonly requested?: string;
  readonly version: string;
  readonly minor: string;
}

function strategyOffWords(d: StrategyOff): string {
  switch (d.disabledBy) {
    case 'incremental-unsupported':
      return `upgradeStrategy.type is NewClusterWithIncrementalUpgrade but KubeRay ${d.version} has no incremental upgrade, so the operator treats it like None`;
    case 'incremental-gate-off':
      return `upgradeStrategy.type is NewClusterWithIncrementalUpgrade but the RayServiceIncrementalUpgrade feature gate is off (its default in KubeRay ${d.minor}), so the operator treats it like None`;
    case 'type-unknown':
      return `upgradeStrategy.type is ${JSON.stringify(d.requested)}`;
    case 'zero-downtime-off':
      return 'the operator runs with ENABLE_ZERO_DOWNTIME=false and the RayService sets no upgradeStrategy.type';
    default:
      return 'upgradeStrategy.type is None';
  }
}

/** The operator's refusal: its message, where it shows it, and the gates the verdict assumed. */
interface Refusal {
  readonly version: string;
  readonly error: string;
  readonly eventReason: string;
  /** 1.6+: Ready=False with reason ValidationFailed as well as the event. */
  readonly condition: boolean;
  readonly assumedGates: readonly string[];
}

const refused =
  (unchanged: boolean) =>
  (d: Refusal): string => {
    const shown = d.condition ? `Ready=False with reason ValidationFailed and a Warning event ${d.eventReason}` : `only a Warning event ${d.eventReason}`;
    const effect = unchanged
      ? 'The manifest does not change, and the operator goes on refusing it as it stands: nothing is reconciled until that is fixed.'
      : 'Nothing is built or updated: the running cluster (if any) keeps serving its old spec.';
    const gates = d.assumedGates.length
      ? ` This assumes the feature gate${d.assumedGates.length > 1 ? 's' : ''} ${d.assumedGates.join(', ')} at ${d.version}'s default; only the running operator's --feature-gates settle it (plan --live reads them).`
      : '';
    return `KubeRay ${d.version} rejects this RayService: "${d.error}" (${shown}). ${effect}${gates}`;
  };

/** Fields outside the hash: which kinds changed decides the advice. */
interface Blanked {
  readonly version: string;
  readonly fields: readonly string[];
  /** Replica counts (replicas, minReplicas, maxReplicas, scaleStrategy) among them. */
  readonly replicas: boolean;
  /** Other fields among them. */
  readonly others: boolean;
  /** The head enables in-tree autoscaling. */
  readonly autoscaling: boolean;
}

const blankedAdvice = (d: Blanked): string =>
  (d.replicas
    ? d.autoscaling
      ? ' With in-tree autoscaling the autoscaler owns the replica counts anyway.'
      : ' To apply a replica change, scale the RayCluster directly, or ship it together with a change that builds a new cluster.'
    : '') + (d.others ? ' The running pods keep the old values: they take effect when a later change builds a new cluster.' : '');

export const REASONS = {
  'service.create': (d: { size: ResourceFigures }) =>
    `New RayService: the operator builds its first RayCluster (${describeSize(d.size)}) and deploys the Serve config on it, whatever the upgrade strategy.`,
  'service.delete': (d: { prune: boolean }) =>
    d.prune
      ? 'The manifest is gone from head and prune is on: apply deletes the RayService if its field manager applied it (a dry run first, with the other changes), and KubeRay deletes its RayClusters. One that someone else applied is left running, with a note.'
      : 'The manifest is gone from head. apply never deletes without prune: the RayService and its RayClusters keep running, no longer tracked by Git, until someone deletes them (`kubectl delete rayservice`) or apply runs with prune.',
  'service.created-suspended': (d: { version: string }) =>
    `New RayService with spec.suspend: true: KubeRay ${d.version} builds no RayCluster and sends no Serve config until spec.suspend is cleared.`,
  'service.stays-suspended': (d: { version: string; changesWait: boolean }) =>
    d.changesWait
      ? `The RayService stays suspended (spec.suspend: true in base and head): KubeRay ${d.version} reconciles nothing while it is suspended, so this change builds and updates nothing; it takes effect when spec.suspend is cleared (a new RayCluster from the spec of that time).`
      : `The RayService stays suspended (spec.suspend: true in base and head): nothing runs and nothing changes.`,
  'service.suspend': (d: { version: string }) =>
    `spec.suspend set: KubeRay ${d.version} deletes the RayService's RayClusters and Services (the applications stop serving) and keeps the RayService.`,
  'service.resume': (d: { version: string }) =>
    `spec.suspend cleared: KubeRay ${d.version} builds a new RayCluster for the RayService and deploys its Serve config.`,
  'service.managed-by': (d: { manager: string }) =>
    `spec.managedBy is ${JSON.stringify(d.manager)}: KubeRay skips this RayService and leaves it to that controller. Nothing in this change is applied by KubeRay.`,
  'service.api-version-v1alpha1': (d: { deprecated: boolean }) =>
    `apiVersion ray.io/v1alpha1: ${d.deprecated ? 'deprecated in KubeRay 1.7 (the API server warns on every request; it is to be removed in 1.9)' : 'served by this release, deprecated from 1.7'}. The API server stores it as ray.io/v1 and the operator treats it the same; its schema gets no new fields, so switch to apiVersion: ray.io/v1.`,
  'validation.rejected': refused(false),
  'validation.still-rejected': refused(true),
  'pod.still-refused': (d: { object: 'Pod' | 'Service'; group: string; message: string; more: number }) =>
    `The API server refuses ${d.object === 'Service' ? 'the head Service' : `the pods of ${d.group === 'head' ? 'the head group' : `worker group ${JSON.stringify(d.group)}`}`} (${JSON.stringify(d.message)}${d.more > 0 ? ` and ${d.more} more` : ''}), as it did before: this change builds no new pods, and the cluster built from the old spec stays without them until the template is fixed.`,
  'cluster.hash-changed': (d: HashedChange & { version: string }) =>
    `${hashedWhat(d)} KubeRay ${d.version} builds a new RayCluster next to the running one and switches traffic once its Serve applications are ready (blue/green, NewCluster). The operator has no upgrade timeout: if the new cluster never becomes ready, it waits forever.`,
  'cluster.hash-changed-incremental': (
    d: HashedChange & { version: string; stepSizePercent?: unknown; intervalSeconds?: unknown; maxSurgePercent?: unknown },
  ) =>
    `${hashedWhat(d)} KubeRay ${d.version} builds a new RayCluster with every worker group at minReplicas and moves traffic step by step through the Gateway (${d.stepSizePercent ?? '?'}% every ${d.intervalSeconds ?? '?'} s, capacity surging by at most ${d.maxSurgePercent ?? 100}%); the autoscaler grows the new cluster as traffic arrives.`,
  'cluster.hash-changed-ignored': (d: HashedChange & StrategyOff) =>
    `${hashedWhat(d)} The change is silently ignored${d.disabledBy ? `: ${strategyOffWords(d)}` : ''}. No RayCluster is updated or created, and nothing tells you so in the status. To roll it out, set spec.upgradeStrategy.type: NewCluster (needs room for two clusters) or delete and recreate the RayService (downtime).`,
  'cluster.appended-group': (d: { version: string; groups: readonly string[] }) =>
    `Worker group${d.groups.length > 1 ? 's' : ''} ${d.groups.map((g) => `"${g}"`).join(', ')} appended at the end: KubeRay ${d.version} updates the running RayCluster in place, no second cluster. It replaces the whole RayCluster spec, so the existing groups' replicas are reset to the manifest's values, overriding the autoscaler (kuberay#1769).`,
  'cluster.hash-blanked': (d: Blanked) =>
    `Only fields that KubeRay ${d.version} leaves out of the cluster hash changed in the RayCluster spec (${summarizePaths(d.fields)}): they are not copied to the running RayCluster and do not build a new one (kuberay#4568).${blankedAdvice(d)}`,
  'cluster.suspend-toggle-in-place': (d: { version: string }) =>
    `rayClusterConfig.suspend toggled: KubeRay ${d.version} updates the running RayCluster in place before any hash check, replacing its whole spec, so every RayCluster change of this diff (replicas and fields that would otherwise build a new cluster included) is applied to the running cluster in place, without blue/green.`,
  'cluster.upgrade-strategy-refused': (d: { version: string }) =>
    `rayClusterConfig.upgradeStrategy is set: KubeRay ${d.version}'s RayCluster controller refuses it on clusters created by a RayService (event InvalidRayClusterSpec), so the new cluster gets no pods. Remove it; the RayService's own spec.upgradeStrategy is the one that counts.`,
  'cluster.head-no-dashboard-port': (d: { line: number }) =>
    `The head container lists ports (line ${d.line}) but none named \`dashboard\`: KubeRay then builds the head Service from those ports only, cannot reach the Ray dashboard, and a new cluster never leaves Initializing (the operator only logs "dashboard port is not found"). Add {containerPort: 8265, name: dashboard}.`,
  'capacity.both-clusters': (d: { peak: ResourceFigures; deletionDelaySeconds: number }) =>
    `During the rollout both clusters run side by side: up to ${describeSize(d.peak)} at once, for as long as the new cluster takes to become ready plus rayClusterDeletionDelaySeconds (${d.deletionDelaySeconds} s) after the switch.`,
  'serve.in-place': (d: { apps: readonly ServeApp[] }) =>
    `Serve config changed (${serveApps(d.apps)}): the operator submits it to the running cluster's dashboard and Ray Serve updates the applications in place.`,
  'serve.serve-fixed-at-start': () =>
    'http_options/grpc_options changed: Ray Serve keeps the options it started with, so a running cluster ignores them; they take effect only on a new cluster.',
  'serve.also-to-old-cluster': (d: { version: string }) =>
    `The Serve config changed too: KubeRay ${d.version} also sends it to the running cluster before the switch (kuberay#3423), so the old cluster serves the new config while the new one starts.`,
  'serve.new-cluster-only': () =>
    'The Serve config changed too: it is deployed on the new cluster only; the running cluster keeps serving the old config until traffic switches.',
  'none.formatting-only': () =>
    'No change reaches the operator: the manifests differ only in formatting, key order, comments or equivalent values (equal quantities, CRD defaults written out).',
  'none.metadata-only': () => 'Only the RayService metadata changed: no generation bump, not copied to the RayClusters, nothing rolls out.',
  'none.settings-only': (d: { paths: readonly string[] }) =>
    `Only RayService settings changed (${summarizePaths(d.paths)}): they take effect on the next reconcile; no cluster rolls out.`,
  'metadata.annotation-read': (d: { annotation: string }) =>
    `Annotation ${d.annotation} is read by the operator: it changes how it treats this RayService from now on.`,
  'live.being-deleted': () =>
    'The RayService is being deleted in the cluster: the operator only cleans up, and the apply changes nothing until the deletion finishes.',
  'live.initializing-timeout': () =>
    'The RayService is in the terminal state InitializingTimeout (Ready=False): KubeRay no longer reconciles it, so this change is not applied. Delete and re-create the RayService to recover.',
  'live.incremental-revert': (d: { version: string; active: string; pending: string }) =>
    `A revert to what ${d.active} runs, in the middle of an incremental upgrade: KubeRay ${d.version} rolls traffic back to ${d.active} (RollbackInProgress) and removes ${d.pending}; no new RayCluster is built.`,
} as const satisfies Catalog;

export type ReasonRule = keyof typeof REASONS;

/**
 * The reasons another rule overrides are kept as what would otherwise happen, each prefixed with
 * the words of the overriding rule (`overriddenBy`): the prefix is rendered from that id.
 */
export const OVERRIDDEN_AS = {
  'validation.rejected': 'Were it accepted',
  'service.managed-by': 'Were it accepted',
  'live.being-deleted': 'Otherwise',
  'live.initializing-timeout': 'Otherwise',
  'live.incremental-revert': 'Without the rollback',
} as const satisfies Partial<Record<ReasonRule, string>>;

export type OverridingRule = keyof typeof OVERRIDDEN_AS;
