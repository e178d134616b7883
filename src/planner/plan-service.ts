/**
 * One RayService, base → head: what the operator will do, why, which fields cause it, and what
 * capacity the rollout holds. Pure: manifests and settings in, a ServicePlan out. The steps live in
 * sibling modules: read-manifest (reading), field-changes and plan-update (an update's verdict),
 * explain (its reasons); this module handles create, delete and what the operator refuses outright.
 */
import { clusterSize, type SizeOptions } from '../capacity/capacity.js';
import { pruneUnknownFields } from '../kuberay/crd-defaults.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import { effectiveStrategy, type EffectiveStrategy, type OperatorSettings } from '../kuberay/upgrade-strategy.js';
import { externallyManaged, operatorRejection, type Rejection } from '../kuberay/validation.js';
import { InputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { isPlainObject } from '../util/objects.js';
import { formatPath } from '../util/structural-diff.js';
import { refuseWhatTheApiServerRefuses } from './api-server-refusal.js';
import { clusterUpgradeStrategyWarning, planUpdate } from './plan-update.js';
import { refusePodsTheApiServerRefuses } from './pod-refusal.js';
import { measure, metadataOf, readManifest, type ReadManifest, type ServiceId } from './read-manifest.js';
import { type Change, fieldNote, type OperatorRejectionView, overridden, type Reason, reason, type ServicePlan } from './types.js';
import type { OverridingRule } from './wording/index.js';

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
  const sizing = sizingOf(settings);
  if (h) checkUnknownFields(h, release);
  if (head) refuseWhatTheApiServerRefuses(head, base, release);
  if (!h) return planDelete(b!, strategy, id, sizing, settings.prune === true);
  const planned =
    whileSuspended(b, h, strategy, release) ?? (b ? planUpdate(b, h, strategy, release, id, sizing) : planCreate(h, strategy, release, id, sizing));
  const judged = ignoredWhereOperatorSkips(withHeadPortWarning(planned, h), b, h, strategy, settings);
  return withApiVersionNote(refusePodsTheApiServerRefuses(judged, b, h, release, sizingOf(settings).initContainerInjection !== false), h, release);
}

/** How pods are sized: with the operator's wait-gcs-ready init container unless it runs with injection off. */
export function sizingOf(settings: PlanSettings): SizeOptions {
  return { initContainerInjection: settings.initContainerInjection !== false };
}

/** ray.io/v1alpha1 is served by every 1.x CRD (stored as v1); 1.7.0's CRD marks it deprecated. */
function withApiVersionNote(p: ServicePlan, h: ReadManifest, release: KubeRayRelease): ServicePlan {
  if (h.m.object.apiVersion !== 'ray.io/v1alpha1') return p;
  return { ...p, reasons: [...p.reasons, reason('service.api-version-v1alpha1', { deprecated: release.minor === '1.7' })] };
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

/**
 * 1.7: a RayService whose spec.suspend is true, created so or staying so (handleSuspend in
 * rayservice_controller.go): no cluster exists and none is built; changes wait for the resume.
 */
function whileSuspended(b: ReadManifest | undefined, h: ReadManifest, strategy: EffectiveStrategy, release: KubeRayRelease): ServicePlan | undefined {
  if (!release.rayServiceSuspend || h.spec.suspend !== true || (b && b.spec.suspend !== true)) return undefined;
  const id: ServiceId = { namespace: h.m.namespace, name: h.m.name, file: h.m.source.file };
  const capacity = { strategy: strategy.type, current: b ? {} : null, new: null, peak: {} };
  if (!b) {
    return { ...id, change: 'none', reasons: [reason('service.created-suspended', { version: release.version })], changes: [], capacity };
  }
  const changes = planUpdate(b, h, strategy, release, id, {}).changes.map((c) =>
    c.rule.startsWith('metadata.') ? c : { ...c, effect: 'ignored' as const, rule: 'service.stays-suspended', ...fieldNote('service.stays-suspended') },
  );
  const effective = changes.some((c) => c.effect === 'ignored');
  const why = reason('service.stays-suspended', { version: release.version, changesWait: effective });
  return { ...id, change: effective ? 'ignored' : 'none', reasons: [why], changes, capacity };
}

function planCreate(h: ReadManifest, strategy: EffectiveStrategy, release: KubeRayRelease, id: ServiceId, sizing: SizeOptions): ServicePlan {
  const size = measure(h, () => clusterSize(h.cluster, sizing));
  return {
    ...id,
    change: 'create',
    reasons: [reason('service.create', { size: size.total }), ...clusterUpgradeStrategyWarning(h, release)],
    changes: [],
    capacity: { strategy: strategy.type, current: null, new: size.total, peak: size.total },
  };
}

function planDelete(b: ReadManifest, strategy: EffectiveStrategy, id: ServiceId, sizing: SizeOptions, prune: boolean): ServicePlan {
  const size = measure(b, () => clusterSize(b.cluster, sizing));
  return {
    ...id,
    change: 'delete',
    removal: prune ? 'prune' : 'left-running',
    reasons: [reason('service.delete', { prune })],
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
  return { ...p, reasons: [...p.reasons, reason('cluster.head-no-dashboard-port', { line })] };
}

/** A head the operator leaves to another controller, or refuses: nothing of the change is applied. */
function ignoredWhereOperatorSkips(
  planned: ServicePlan,
  b: ReadManifest | undefined,
  h: ReadManifest,
  strategy: EffectiveStrategy,
  settings: PlanSettings,
): ServicePlan {
  const release = settings.release;
  const manager = externallyManaged(h.spec, release);
  if (manager) {
    return nothingApplied(planned, b, strategy, 'ignored', reason('service.managed-by', { manager }), sizingOf(settings));
  }
  const annotations = isPlainObject(metadataOf(h).annotations) ? metadataOf(h).annotations! : {};
  const rejection = operatorRejection({ namespace: h.m.namespace, name: h.m.name, annotations, spec: h.spec }, release, settings);
  if (!rejection) return planned;
  const view = rejectionView(rejection, h);
  if (b && planned.change === 'none' && planned.changes.length === 0) {
    // Nothing changes: the operator goes on refusing what it refused before; the plan says so.
    return { ...planned, reasons: [...planned.reasons, reason('validation.still-rejected', rejectionData(rejection, release))], rejection: view };
  }
  return {
    ...nothingApplied(planned, b, strategy, 'rejected', reason('validation.rejected', rejectionData(rejection, release)), sizingOf(settings)),
    rejection: view,
  };
}

/** The plan of a change the operator does not act on (by the rule of `why`): its reasons say what would have happened. */
function nothingApplied(
  planned: ServicePlan,
  b: ReadManifest | undefined,
  strategy: EffectiveStrategy,
  change: Change,
  why: Reason & { readonly rule: OverridingRule },
  sizing: SizeOptions,
): ServicePlan {
  const rule = why.rule;
  const current = b ? measure(b, () => clusterSize(b.cluster, sizing).total) : null;
  return {
    ...planned,
    change,
    reasons: [why, ...overridden(planned.reasons, rule)],
    changes: planned.changes.map((c) => (c.effect === 'none' ? c : { ...c, effect: change, rule })),
    capacity: { strategy: strategy.type, current, new: current, peak: current ?? {} },
  };
}

function rejectionView(r: Rejection, h: ReadManifest): OperatorRejectionView {
  return {
    rule: r.rule,
    eventReason: r.eventReason,
    eventMessage: r.eventMessage,
    ...(r.conditionMessage !== undefined ? { conditionMessage: r.conditionMessage } : {}),
    path: formatPath(r.path),
    line: h.lineOf(r.path),
    ...(r.assumedGates?.length ? { assumedGates: r.assumedGates } : {}),
  };
}

/**
 * The operator's refusal in its own words, where it shows it, and what the plan had to assume
 * (`validation.rejected`, or `validation.still-rejected` when the manifest does not change).
 */
function rejectionData(r: Rejection, release: KubeRayRelease) {
  return {
    version: release.version,
    error: r.error,
    eventReason: r.eventReason,
    condition: r.conditionMessage !== undefined,
    assumedGates: r.assumedGates ?? [],
  };
}
