/**
 * One RayService, base → head: what the operator will do, why, which fields cause it, and what
 * capacity the rollout holds. Pure: manifests and settings in, a ServicePlan out. The steps live in
 * sibling modules: read-manifest (reading), field-changes and plan-update (an update's verdict),
 * explain (its reasons); this module handles create, delete and what the operator refuses outright.
 */
import { clusterSize } from '../capacity/capacity.js';
import { pruneUnknownFields } from '../kuberay/crd-defaults.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import { effectiveStrategy, type EffectiveStrategy, type OperatorSettings } from '../kuberay/upgrade-strategy.js';
import { externallyManaged, operatorRejection } from '../kuberay/validation.js';
import { InputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { isPlainObject } from '../util/objects.js';
import { formatPath } from '../util/structural-diff.js';
import { describeSize } from './describe-size.js';
import { clusterUpgradeStrategyWarning, planUpdate } from './plan-update.js';
import { measure, metadataOf, readManifest, type ReadManifest, type ServiceId } from './read-manifest.js';
import type { ServicePlan } from './types.js';

// The rendered comment sizes capacity in the same words as the reasons.
export { describeSize, formatBytes } from './describe-size.js';

export interface PlanSettings extends OperatorSettings {
  readonly release: KubeRayRelease;
  /** apply deletes what Git removed (and this tool applied). */
  readonly prune?: boolean;
}

export function planService(base: RayServiceManifest | undefined, head: RayServiceManifest | undefined, settings: PlanSettings): ServicePlan {
  const release = settings.release;
  const any = (head ?? base)!;
  const b = base && readManifest(base, release);
  const h = head && readManifest(head, release);
  const strategy = effectiveStrategy((h ?? b)!.spec, release, settings);
  const id: ServiceId = { namespace: any.namespace, name: any.name, file: any.source.file };
  if (h) checkUnknownFields(h, release);
  if (!h) return planDelete(b!, strategy, id, settings.prune === true);
  const planned = b ? planUpdate(b, h, strategy, release, id) : planCreate(h, strategy, release, id);
  return ignoredWhereOperatorSkips(withHeadPortWarning(planned, h), b, h, strategy, settings);
}

/**
 * Fields the release's CRD does not define: a server-side apply refuses them ("field not declared
 * in schema", seen on the real API server), and client-side tools drop them with a warning at
 * best. Either way the manifest cannot do what it says: refuse it, naming the field and line.
 */
function checkUnknownFields(h: ReadManifest, release: KubeRayRelease): void {
  const { pruned } = pruneUnknownFields(h.m.object.spec, release.minor);
  const first = pruned[0];
  if (!first) return;
  const path = ['spec', ...first];
  const others = pruned.slice(1, 4).map((q) => `spec.${formatPath(q)}`);
  const more = pruned.length > 1 ? ` (and ${others.join(', ')}${pruned.length > 4 ? ', …' : ''})` : '';
  throw new InputError(
    h.m.source.file,
    h.lineOf(path),
    formatPath(path),
    `not a field of the RayService in KubeRay ${release.version}: the API server refuses it${more}`,
    'fix the spelling, or plan for the operator release that has this field (--kuberay-version)',
  );
}

function planCreate(h: ReadManifest, strategy: EffectiveStrategy, release: KubeRayRelease, id: ServiceId): ServicePlan {
  const size = measure(h, () => clusterSize(h.cluster));
  return {
    ...id,
    change: 'create',
    reasons: [
      `New RayService: the operator builds its first RayCluster (${describeSize(size.total)}) and deploys the Serve config on it, whatever the upgrade strategy.`,
      ...clusterUpgradeStrategyWarning(h, release),
    ],
    changes: [],
    capacity: { strategy: strategy.type, current: null, new: size.total, peak: size.total },
  };
}

function planDelete(b: ReadManifest, strategy: EffectiveStrategy, id: ServiceId, prune: boolean): ServicePlan {
  const size = measure(b, () => clusterSize(b.cluster));
  return {
    ...id,
    change: 'delete',
    removal: prune ? 'prune' : 'left-running',
    reasons: [
      prune
        ? 'The manifest is gone from head and prune is on: apply deletes the RayService if its field manager applied it (a dry run first, with the other changes), and KubeRay deletes its RayClusters. One that someone else applied is left running, with a note.'
        : 'The manifest is gone from head. apply never deletes without prune: the RayService and its RayClusters keep running, no longer tracked by Git, until someone deletes them (`kubectl delete rayservice`) or apply runs with prune.',
    ],
    changes: [],
    capacity: { strategy: strategy.type, current: size.total, new: null, peak: size.total },
  };
}

/**
 * A head container that lists ports but none named `dashboard`: KubeRay builds the head Service
 * from the listed ports only, never finds the dashboard ("dashboard port is not found" in its log,
 * no event, no condition), and a new cluster never leaves Initializing. Seen on the real operator.
 */
function withHeadPortWarning(p: ServicePlan, h: ReadManifest): ServicePlan {
  const containers = (h.cluster.headGroupSpec as { template?: { spec?: { containers?: { ports?: { name?: string }[] }[] } } } | undefined)?.template?.spec
    ?.containers;
  const ports = containers?.[0]?.ports;
  if (!ports?.length || ports.some((x) => x.name === 'dashboard')) return p;
  const line = h.lineOf(['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'spec', 'containers', 0, 'ports']);
  return {
    ...p,
    reasons: [
      ...p.reasons,
      `The head container lists ports (line ${line}) but none named \`dashboard\`: KubeRay then builds the head Service from those ports only, cannot reach the Ray dashboard, and a new cluster never leaves Initializing (the operator only logs "dashboard port is not found"). Add {containerPort: 8265, name: dashboard}.`,
    ],
  };
}

/** A head the operator refuses, or leaves to another controller: nothing of the change is applied. */
function ignoredWhereOperatorSkips(
  planned: ServicePlan,
  b: ReadManifest | undefined,
  h: ReadManifest,
  strategy: EffectiveStrategy,
  settings: PlanSettings,
): ServicePlan {
  const why = whyOperatorSkips(h, settings);
  if (!why) return planned;
  const current = b ? measure(b, () => clusterSize(b.cluster).total) : null;
  return {
    ...planned,
    change: 'ignored',
    reasons: [why, ...planned.reasons.map((r) => `Were it accepted: ${r}`)],
    changes: planned.changes.map((c) => ({ ...c, effect: c.effect === 'none' ? 'none' : 'ignored' })),
    capacity: { strategy: strategy.type, current, new: current, peak: current ?? {} },
  };
}

function whyOperatorSkips(h: ReadManifest, settings: PlanSettings): string | undefined {
  const release = settings.release;
  const annotations = isPlainObject(metadataOf(h).annotations) ? metadataOf(h).annotations! : {};
  const refusal = operatorRejection(h.m.name, annotations, h.spec, release, settings);
  if (refusal) {
    const shown = release.validationFailureReported === 'event-and-condition' ? 'Ready=False with reason ValidationFailed and' : 'only';
    return `KubeRay ${release.version} rejects this RayService: ${refusal}. It is not reconciled at all until that is fixed: no cluster is built or changed and no Serve config is sent (${shown} a Warning event InvalidRayServiceSpec).`;
  }
  const skipped = externallyManaged(h.spec, release);
  return skipped && `${skipped}. Nothing in this change is applied by KubeRay.`;
}
