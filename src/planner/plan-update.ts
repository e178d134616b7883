/**
 * A RayService in base and head: the verdict over its changed fields, strongest rule first (a
 * suspend, a rebuilt cluster, appended groups, a Serve redeploy, ignored fields), its reasons and
 * the capacity the rollout holds.
 */
import { clusterSize, maxFigures, type ResourceFigures, type SizeOptions, sumFigures } from '../capacity/capacity.js';
import { compareClusterSpecs, type ClusterSpecComparison } from '../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import type { EffectiveStrategy } from '../kuberay/upgrade-strategy.js';
import { diffServeConfigs, type ServeChange } from '../serve/serve-config.js';
import { explain, type UpdateFacts } from './explain.js';
import { clusterFieldChanges, metadataChanges, rayServiceSettingChanges, serveFieldChanges } from './field-changes.js';
import { deletionDelay, measure, type ReadManifest, type ServiceId } from './read-manifest.js';
import { type CapacityPlan, type Change, type FieldChange, fieldNote, type Reason, reason, type ServicePlan } from './types.js';

/** A suspend change that overrides the other rules (each needs the release that has it). */
interface SuspendRules {
  /** rayClusterConfig.suspend toggled where the release applies the toggle in place, whole spec included. */
  readonly clusterToggledInPlace: boolean;
  /** The RayService-level spec.suspend set or cleared. */
  readonly service: 'suspend' | 'resume' | undefined;
}

export function planUpdate(
  b: ReadManifest,
  h: ReadManifest,
  strategy: EffectiveStrategy,
  release: KubeRayRelease,
  id: ServiceId,
  sizing: SizeOptions,
): ServicePlan {
  const cmp = compareClusterSpecs(b.cluster, h.cluster, release);
  const clusterEffect = clusterChangeEffect(strategy);
  const cluster = clusterFieldChanges(b, h, cmp, clusterEffect, release);
  const serveChanges = diffServeConfigs(b.serve, h.serve, h.lineOf(['spec', 'serveConfigV2']));
  const serveOnNewClusterOnly = rebuildsCluster(cmp, strategy) && !release.serveConfigAlsoToOldCluster;
  const changes: FieldChange[] = [
    ...cluster.all,
    ...serveFieldChanges(serveChanges, serveOnNewClusterOnly ? clusterEffect : 'app'),
    ...rayServiceSettingChanges(b, h, release),
    ...metadataChanges(b, h, release),
  ];
  const appliedServe = serveChanges.filter((s) => s.effect !== 'serve-fixed-at-start');
  const suspend = suspendRules(b, h, release);
  const change = verdict(suspend, cmp, strategy, appliedServe, changes);
  const facts: UpdateFacts = { change, cmp, strategy, release, hashed: cluster.hashed, blanked: cluster.blanked, serveChanges, appliedServe, b, h, changes };
  const capacity = capacityOf(change, b, h, strategy, sizing);
  const reasons = [...verdictReasons(suspend, facts), ...newClusterReasons(change, h, release, capacity)];
  return { ...id, change, reasons, changes: suspend.clusterToggledInPlace ? appliedWithToggle(changes) : changes, capacity };
}

/** What a change in hashed cluster fields does under the strategy in force. */
function clusterChangeEffect(strategy: EffectiveStrategy): Change {
  if (strategy.type === 'None') return 'ignored';
  return strategy.type === 'NewClusterWithIncrementalUpgrade' ? 'cluster-incremental' : 'cluster';
}

function rebuildsCluster(cmp: ClusterSpecComparison, strategy: EffectiveStrategy): boolean {
  return cmp.kind === 'different' && strategy.type !== 'None';
}

function suspendRules(b: ReadManifest, h: ReadManifest, release: KubeRayRelease): SuspendRules {
  const clusterToggledInPlace = release.suspendToggleInPlace && (b.cluster.suspend === true) !== (h.cluster.suspend === true);
  const serviceToggled = release.rayServiceSuspend && (b.spec.suspend === true) !== (h.spec.suspend === true);
  return { clusterToggledInPlace, service: serviceToggled ? (h.spec.suspend === true ? 'suspend' : 'resume') : undefined };
}

/** The plan's change: the strongest rule that applies. */
function verdict(
  suspend: SuspendRules,
  cmp: ClusterSpecComparison,
  strategy: EffectiveStrategy,
  appliedServe: readonly ServeChange[],
  changes: readonly FieldChange[],
): Change {
  if (suspend.service) return suspend.service === 'suspend' ? 'delete' : 'create';
  if (suspend.clusterToggledInPlace) return 'cluster-inplace';
  if (rebuildsCluster(cmp, strategy)) return clusterChangeEffect(strategy);
  if (cmp.kind === 'appended') return 'cluster-inplace';
  if (appliedServe.length) return 'app';
  if (changes.some((c) => c.effect === 'ignored')) return 'ignored';
  return 'none';
}

/** With the in-place suspend toggle, every effective RayCluster change goes to the running cluster. */
function appliedWithToggle(changes: readonly FieldChange[]): FieldChange[] {
  return changes.map((c) =>
    c.rule.startsWith('cluster.') && c.effect !== 'none'
      ? { ...c, effect: 'cluster-inplace', rule: 'cluster.suspend-toggle-in-place', ...fieldNote('cluster.suspend-toggle-in-place') }
      : c,
  );
}

/** A suspend rule explains itself; otherwise every step of the update is explained. */
function verdictReasons(suspend: SuspendRules, x: UpdateFacts): Reason[] {
  if (suspend.clusterToggledInPlace) {
    return [reason('cluster.suspend-toggle-in-place', { version: x.release.version })];
  }
  if (suspend.service) return [serviceSuspendReason(suspend.service, x.release)];
  return explain(x);
}

function serviceSuspendReason(service: 'suspend' | 'resume', release: KubeRayRelease): Reason {
  return service === 'suspend' ? reason('service.suspend', { version: release.version }) : reason('service.resume', { version: release.version });
}

/** A second cluster is built: what can keep it from starting, and how long both clusters run. */
function newClusterReasons(change: Change, h: ReadManifest, release: KubeRayRelease, capacity: CapacityPlan): Reason[] {
  if (change !== 'cluster' && change !== 'cluster-incremental') return [];
  return [...clusterUpgradeStrategyWarning(h, release), reason('capacity.both-clusters', { peak: capacity.peak, deletionDelaySeconds: deletionDelay(h) })];
}

export function clusterUpgradeStrategyWarning(h: ReadManifest, release: KubeRayRelease): Reason[] {
  if (!release.rejectsClusterUpgradeStrategy || h.cluster.upgradeStrategy === undefined) return [];
  return [reason('cluster.upgrade-strategy-refused', { version: release.version })];
}

/** What runs before, what the changed cluster starts with, and the most held at once. */
function capacityOf(change: Change, b: ReadManifest, h: ReadManifest, strategy: EffectiveStrategy, sizing: SizeOptions): CapacityPlan {
  const current = measure(b, () => clusterSize(b.cluster, sizing).total);
  const headSize = (atMinReplicas = false) => measure(h, () => clusterSize(h.cluster, { ...sizing, atMinReplicas }).total);
  const of = (next: ResourceFigures | null, peak: ResourceFigures): CapacityPlan => ({ strategy: strategy.type, current, new: next, peak });
  switch (change) {
    case 'delete':
      return of(null, current);
    case 'create': {
      const next = headSize();
      return { strategy: strategy.type, current: null, new: next, peak: next };
    }
    case 'cluster': {
      const next = headSize();
      return of(next, sumFigures(current, next));
    }
    case 'cluster-incremental': {
      const next = headSize(true);
      return of(next, sumFigures(current, next));
    }
    case 'cluster-inplace': {
      const next = headSize();
      return of(next, maxFigures(current, next));
    }
    default:
      return of(current, current);
  }
}
