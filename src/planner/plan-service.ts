/**
 * One RayService, base → head: what the operator will do, why, which fields cause it, and what
 * capacity the rollout holds. Pure: manifests and settings in, a ServicePlan out.
 */
import { clusterSize, maxFigures, sumFigures, type ResourceFigures } from '../capacity/capacity.js';
import { compareClusterSpecs, isHashBlanked, type ClusterSpecComparison } from '../kuberay/cluster-hash.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import { SpecError, storedSpec } from '../kuberay/stored-spec.js';
import { pruneUnknownFields } from '../kuberay/crd-defaults.js';
import { effectiveStrategy, type EffectiveStrategy, type OperatorSettings } from '../kuberay/upgrade-strategy.js';
import { InputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import type { PathSegment } from '../manifests/yaml-documents.js';
import { describeServeEffect, diffServeConfigs, parseServeConfig, type ServeChange, type ServeConfig } from '../serve/serve-config.js';
import { diffValues, formatPath, valueAt } from '../util/structural-diff.js';
import { isPlainObject } from '../util/objects.js';
import { describeRayServiceField, describeWorkerGroupChanges } from './reasons.js';
import { externallyManaged, operatorRejection } from '../kuberay/validation.js';
import type { Change, FieldChange, ServicePlan } from './types.js';
import { QuantityError } from '../quantity/quantity.js';
import { redactAt } from './redact.js';

export interface PlanSettings extends OperatorSettings {
  readonly release: KubeRayRelease;
}

/** A manifest read the way the operator reads it. */
interface ReadManifest {
  readonly m: RayServiceManifest;
  readonly spec: Record<string, unknown>;
  readonly cluster: Record<string, unknown>;
  readonly serve: ServeConfig | undefined;
  lineOf(path: readonly PathSegment[]): number;
}

export function planService(base: RayServiceManifest | undefined, head: RayServiceManifest | undefined, settings: PlanSettings): ServicePlan {
  const any = (head ?? base)!;
  const b = base && read(base, settings.release);
  const h = head && read(head, settings.release);
  const strategy = effectiveStrategy((h ?? b)!.spec, settings.release, settings);
  const id = { namespace: any.namespace, name: any.name, file: any.source.file };
  if (h) checkUnknownFields(h, settings.release);
  const planned = planWithoutValidation(b, h, strategy, settings, id);
  const result = h ? withHeadPortWarning(planned, h) : planned;
  if (!h) return result;
  const annotations = isPlainObject(metadataOf(h).annotations) ? metadataOf(h).annotations! : {};
  const refusal = operatorRejection(h.m.name, annotations, h.spec, settings.release, settings);
  const skipped = externallyManaged(h.spec, settings.release);
  if (!refusal && !skipped) return result;
  const current = b ? measure(b, () => clusterSize(b.cluster).total) : null;
  const why = refusal
    ? `KubeRay ${settings.release.version} rejects this RayService: ${refusal}. It is not reconciled at all until that is fixed: no cluster is built or changed and no Serve config is sent (${Number(settings.release.minor.split('.')[1]) >= 6 ? 'Ready=False with reason ValidationFailed and' : 'only'} a Warning event InvalidRayServiceSpec).`
    : `${skipped}. Nothing in this change is applied by KubeRay.`;
  return {
    ...result,
    change: 'ignored',
    reasons: [why, ...result.reasons.map((r) => `Were it accepted: ${r}`)],
    changes: result.changes.map((c) => ({ ...c, effect: c.effect === 'none' ? 'none' : 'ignored' })),
    capacity: { strategy: strategy.type, current, new: current, peak: current ?? {} },
  };
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
  const more =
    pruned.length > 1
      ? ` (and ${pruned
          .slice(1, 4)
          .map((q) => `spec.${formatPath(q)}`)
          .join(', ')}${pruned.length > 4 ? ', …' : ''})`
      : '';
  throw new InputError(
    h.m.source.file,
    h.lineOf(path),
    formatPath(path),
    `not a field of the RayService in KubeRay ${release.version}: the API server refuses it${more}`,
    'fix the spelling, or plan for the operator release that has this field (--kuberay-version)',
  );
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

function planWithoutValidation(
  b: ReadManifest | undefined,
  h: ReadManifest | undefined,
  strategy: EffectiveStrategy,
  settings: PlanSettings,
  id: { namespace: string; name: string; file: string },
): ServicePlan {
  if (!b) {
    const size = measure(h!, () => clusterSize(h!.cluster));
    return {
      ...id,
      change: 'create',
      reasons: [
        `New RayService: the operator builds its first RayCluster (${describeSize(size.total)}) and deploys the Serve config on it, whatever the upgrade strategy.`,
        ...clusterUpgradeStrategyWarning(h!, settings.release),
      ],
      changes: [],
      capacity: { strategy: strategy.type, current: null, new: size.total, peak: size.total },
    };
  }
  if (!h) {
    const size = measure(b, () => clusterSize(b.cluster));
    return {
      ...id,
      change: 'delete',
      reasons: [
        'The manifest is gone from head. The RayService and its RayClusters are deleted from the cluster only where deletion is enabled (`prune`); otherwise they keep running untracked.',
      ],
      changes: [],
      capacity: { strategy: strategy.type, current: size.total, new: null, peak: size.total },
    };
  }
  return planUpdate(b, h, strategy, settings, id);
}

function planUpdate(
  b: ReadManifest,
  h: ReadManifest,
  strategy: EffectiveStrategy,
  settings: PlanSettings,
  id: { namespace: string; name: string; file: string },
): ServicePlan {
  const release = settings.release;
  const reasons: string[] = [];
  const changes: FieldChange[] = [];
  const cmp = compareClusterSpecs(b.cluster, h.cluster, release);
  const clusterEffect: Change = strategy.type === 'None' ? 'ignored' : strategy.type === 'NewClusterWithIncrementalUpgrade' ? 'cluster-incremental' : 'cluster';
  const baseGroupCount = Array.isArray(b.cluster.workerGroupSpecs) ? b.cluster.workerGroupSpecs.length : 0;

  // 1. rayClusterConfig, field by field.
  const clusterPath: PathSegment[] = ['spec', 'rayClusterConfig'];
  const hashed: FieldChange[] = [];
  const blanked: FieldChange[] = [];
  for (const d of diffValues(b.cluster, h.cluster)) {
    let effect: Change;
    let note: string | undefined;
    if (isHashBlanked(d.path, release)) {
      effect = 'ignored';
      note = `not in the cluster hash of KubeRay ${release.version}: not applied to the running RayCluster`;
    } else if (cmp.kind === 'appended' && d.path[0] === 'workerGroupSpecs' && typeof d.path[1] === 'number' && d.path[1] >= baseGroupCount) {
      effect = 'cluster-inplace';
      note = 'appended worker group: added to the running RayCluster';
    } else {
      effect = clusterEffect;
    }
    const fc = fieldChange(b, h, [...clusterPath, ...d.path], d, effect, note);
    changes.push(fc);
    (effect === 'ignored' && note ? blanked : hashed).push(fc);
  }

  // 2. serveConfigV2, application by application.
  const serveChanges = diffServeConfigs(b.serve, h.serve, h.lineOf(['spec', 'serveConfigV2']));
  const clusterRebuilt = cmp.kind === 'different' && strategy.type !== 'None';
  for (const s of serveChanges) {
    const effect: Change = s.effect === 'serve-fixed-at-start' ? 'ignored' : clusterRebuilt && !release.serveConfigAlsoToOldCluster ? clusterEffect : 'app';
    const servePath = ['serveConfigV2', ...s.display.split(/[.[\]]+/).filter(Boolean)];
    changes.push({
      path: `spec.serveConfigV2: ${s.display}`,
      from: redactAt(servePath, s.from) ?? null,
      to: redactAt(servePath, s.to) ?? null,
      effect,
      line: s.line,
      note: describeServeEffect(s.effect),
    });
  }
  const appliedServe = serveChanges.filter((s) => s.effect !== 'serve-fixed-at-start');

  // 3. The rest of the RayService: its own settings and metadata. They never roll a cluster.
  for (const key of unionKeys(b.spec, h.spec)) {
    if (key === 'rayClusterConfig' || key === 'serveConfigV2') continue;
    for (const d of diffValues(b.spec[key], h.spec[key], [key])) {
      const fc = fieldChange(b, h, ['spec', ...d.path], d, 'none', describeRayServiceField(String(key), release));
      changes.push(fc);
    }
  }
  for (const key of ['labels', 'annotations'] as const) {
    const ma = metadataOf(b)[key];
    const mb = metadataOf(h)[key];
    for (const d of diffValues(ma ?? {}, mb ?? {}, ['metadata', key])) {
      const annotation = key === 'annotations' ? String(d.path[2]) : undefined;
      const read = annotation !== undefined && release.meaningfulAnnotations.includes(annotation);
      changes.push(
        fieldChange(
          b,
          h,
          d.path,
          d,
          'none',
          read ? `read by the operator on its next reconcile; no rollout` : `RayService ${key} are not copied to existing RayClusters; no rollout`,
        ),
      );
    }
  }

  // 4. The verdict, strongest rule first.
  const suspendToggled = release.suspendToggleInPlace && (b.cluster.suspend === true) !== (h.cluster.suspend === true);
  const serviceSuspend =
    release.rayServiceSuspend && (b.spec.suspend === true) !== (h.spec.suspend === true) ? (h.spec.suspend === true ? 'suspend' : 'resume') : undefined;
  let change: Change;
  if (serviceSuspend) change = serviceSuspend === 'suspend' ? 'delete' : 'create';
  else if (suspendToggled) change = 'cluster-inplace';
  else if (cmp.kind === 'different' && strategy.type !== 'None') change = clusterEffect;
  else if (cmp.kind === 'appended') change = 'cluster-inplace';
  else if (appliedServe.length) change = 'app';
  else if (changes.some((c) => c.effect === 'ignored')) change = 'ignored';
  else change = 'none';

  if (suspendToggled) {
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i]!;
      if (c.path.startsWith('spec.rayClusterConfig') && c.effect !== 'none')
        changes[i] = { ...c, effect: 'cluster-inplace', note: 'applied in place with the suspend toggle' };
    }
    reasons.push(
      `rayClusterConfig.suspend toggled: KubeRay ${release.version} updates the running RayCluster in place before any hash check, replacing its whole spec, so every RayCluster change of this diff (replicas and fields that would otherwise build a new cluster included) is applied to the running cluster in place, without blue/green.`,
    );
  } else if (serviceSuspend) {
    reasons.push(
      serviceSuspend === 'suspend'
        ? `spec.suspend set: KubeRay ${release.version} deletes the RayService's RayClusters and Services (the applications stop serving) and keeps the RayService.`
        : `spec.suspend cleared: KubeRay ${release.version} builds a new RayCluster for the RayService and deploys its Serve config.`,
    );
  } else {
    reasons.push(...explain({ change, cmp, strategy, release, hashed, blanked, serveChanges, appliedServe, b, h, changes }));
  }
  if (change === 'cluster' || change === 'cluster-incremental') reasons.push(...clusterUpgradeStrategyWarning(h, release));

  const capacity = capacityOf(change, b, h, strategy);
  if (change === 'cluster' || change === 'cluster-incremental') {
    reasons.push(
      `During the rollout both clusters run side by side: up to ${describeSize(capacity.peak)} at once, for as long as the new cluster takes to become ready plus rayClusterDeletionDelaySeconds (${deletionDelay(h)} s) after the switch.`,
    );
  }
  return { ...id, change, reasons, changes, capacity };
}

interface Explain {
  change: Change;
  cmp: ClusterSpecComparison;
  strategy: EffectiveStrategy;
  release: KubeRayRelease;
  hashed: FieldChange[];
  blanked: FieldChange[];
  serveChanges: ServeChange[];
  appliedServe: ServeChange[];
  b: ReadManifest;
  h: ReadManifest;
  changes: FieldChange[];
}

function explain(x: Explain): string[] {
  const out: string[] = [];
  const v = `KubeRay ${x.release.version}`;
  const fields = (list: FieldChange[]) => summarizePaths(list.map((c) => c.path.replace(/^spec\.rayClusterConfig\./, '')));
  if (x.cmp.kind === 'different') {
    const groupNotes = describeWorkerGroupChanges(x.b.cluster, x.h.cluster);
    const what = `The RayCluster spec changed in fields the operator hashes (${fields(x.hashed)})${groupNotes.length ? `; ${groupNotes.join('; ')}` : ''}.`;
    if (x.strategy.type === 'None') {
      out.push(
        `${what} The change is silently ignored: ${x.strategy.disabledBecause}. No RayCluster is updated or created, and nothing tells you so in the status. To roll it out, set spec.upgradeStrategy.type: NewCluster (needs room for two clusters) or delete and recreate the RayService (downtime).`,
      );
    } else if (x.strategy.type === 'NewClusterWithIncrementalUpgrade') {
      const o = clusterUpgradeOptions(x.h.spec);
      out.push(
        `${what} ${v} builds a new RayCluster with every worker group at minReplicas and moves traffic step by step through the Gateway (${o.stepSizePercent ?? '?'}% every ${o.intervalSeconds ?? '?'} s, capacity surging by at most ${o.maxSurgePercent ?? 100}%); the autoscaler grows the new cluster as traffic arrives.`,
      );
    } else {
      out.push(
        `${what} ${v} builds a new RayCluster next to the running one and switches traffic once its Serve applications are ready (blue/green, NewCluster). The operator has no upgrade timeout: if the new cluster never becomes ready, it waits forever.`,
      );
    }
    if (x.appliedServe.length && x.strategy.type !== 'None') {
      out.push(
        x.release.serveConfigAlsoToOldCluster
          ? `The Serve config changed too: ${v} also sends it to the running cluster before the switch (kuberay#3423), so the old cluster serves the new config while the new one starts.`
          : 'The Serve config changed too: it is deployed on the new cluster only; the running cluster keeps serving the old config until traffic switches.',
      );
    }
  }
  if (x.cmp.kind === 'appended') {
    out.push(
      `Worker group${x.cmp.appendedGroups.length > 1 ? 's' : ''} ${x.cmp.appendedGroups.map((g) => `"${g}"`).join(', ')} appended at the end: ${v} updates the running RayCluster in place, no second cluster. It replaces the whole RayCluster spec, so the existing groups' replicas are reset to the manifest's values, overriding the autoscaler (kuberay#1769).`,
    );
  }
  if (x.appliedServe.length && !(x.cmp.kind === 'different' && x.strategy.type !== 'None')) {
    const apps = summarizeServe(x.appliedServe);
    out.push(`Serve config changed (${apps}): the operator submits it to the running cluster's dashboard and Ray Serve updates the applications in place.`);
  }
  if (x.serveChanges.some((s) => s.effect === 'serve-fixed-at-start')) {
    out.push(
      'http_options/grpc_options changed: Ray Serve keeps the options it started with, so a running cluster ignores them; they take effect only on a new cluster.',
    );
  }
  if (x.blanked.length) {
    const autoscaling = x.h.cluster.enableInTreeAutoscaling === true;
    out.push(
      `Only fields that ${v} leaves out of the cluster hash changed in the RayCluster spec (${fields(x.blanked)}): they are not copied to the running RayCluster and do not build a new one (kuberay#4568).` +
        (autoscaling
          ? ' With in-tree autoscaling the autoscaler owns the replica counts anyway.'
          : ' To apply a replica change, scale the RayCluster directly, or ship it together with a change that builds a new cluster.'),
    );
  }
  if (x.change === 'none') {
    const meaningful = x.changes.filter((c) => c.path.startsWith('metadata.annotations') && c.note?.startsWith('read by'));
    if (x.changes.length === 0)
      out.push(
        'No change reaches the operator: the manifests differ only in formatting, key order, comments or equivalent values (equal quantities, CRD defaults written out).',
      );
    else if (x.changes.every((c) => c.path.startsWith('metadata.')))
      out.push('Only the RayService metadata changed: no generation bump, not copied to the RayClusters, nothing rolls out.');
    else
      out.push(
        `Only RayService settings changed (${summarizePaths(x.changes.map((c) => c.path))}): they take effect on the next reconcile; no cluster rolls out.`,
      );
    for (const m of meaningful)
      out.push(
        `${m.path.replace('metadata.annotations.', 'Annotation ').replace(/^metadata\.annotations\["(.*)"\]$/, 'Annotation $1')} is read by the operator: it changes how it treats this RayService from now on.`,
      );
  }
  return out;
}

function clusterUpgradeStrategyWarning(h: ReadManifest, release: KubeRayRelease): string[] {
  if (!release.rejectsClusterUpgradeStrategy || h.cluster.upgradeStrategy === undefined) return [];
  return [
    `rayClusterConfig.upgradeStrategy is set: KubeRay ${release.version}'s RayCluster controller refuses it on clusters created by a RayService (event InvalidRayClusterSpec), so the new cluster gets no pods. Remove it; the RayService's own spec.upgradeStrategy is the one that counts.`,
  ];
}

function capacityOf(change: Change, b: ReadManifest, h: ReadManifest, strategy: EffectiveStrategy) {
  const current = measure(b, () => clusterSize(b.cluster).total);
  if (change === 'delete') return { strategy: strategy.type, current, new: null, peak: current };
  if (change === 'create') {
    const next = measure(h, () => clusterSize(h.cluster).total);
    return { strategy: strategy.type, current: null, new: next, peak: next };
  }
  let next: ResourceFigures;
  let peak: ResourceFigures;
  switch (change) {
    case 'cluster':
      next = measure(h, () => clusterSize(h.cluster).total);
      peak = sumFigures(current, next);
      break;
    case 'cluster-incremental':
      next = measure(h, () => clusterSize(h.cluster, { atMinReplicas: true }).total);
      peak = sumFigures(current, next);
      break;
    case 'cluster-inplace':
      next = measure(h, () => clusterSize(h.cluster).total);
      peak = maxFigures(current, next);
      break;
    default:
      next = current;
      peak = current;
  }
  return { strategy: strategy.type, current, new: next, peak };
}

function read(m: RayServiceManifest, release: KubeRayRelease): ReadManifest {
  const lineOf = (p: readonly PathSegment[]) => m.source.lineOf([...m.pathInDocument, ...p]);
  let spec: Record<string, unknown>;
  try {
    spec = storedSpec(m.object.spec, release.minor);
  } catch (e) {
    if (e instanceof SpecError) throw new InputError(m.source.file, lineOf(e.path), formatPath(e.path), e.problem, e.hint);
    throw e;
  }
  const cluster = isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
  const serve = parseServeConfig(
    { ...m.source, lineOf: (p) => lineOf(p), blockScalarStart: (p) => m.source.blockScalarStart([...m.pathInDocument, ...p]) },
    ['spec', 'serveConfigV2'],
    (m.object.spec as Record<string, unknown>).serveConfigV2,
  );
  return { m, spec, cluster, serve, lineOf };
}

/** Capacity figures parse quantities; a bad one is the user's input error, named with its line. */
function measure<T>(r: ReadManifest, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof QuantityError) throw new InputError(r.m.source.file, r.lineOf(['spec', 'rayClusterConfig']), 'spec.rayClusterConfig', e.message);
    throw e;
  }
}

function fieldChange(
  b: ReadManifest,
  h: ReadManifest,
  path: readonly PathSegment[],
  d: { from: unknown; to: unknown },
  effect: Change,
  note: string | undefined,
): FieldChange {
  // Show what the user wrote (e.g. "4000m"), not the canonical form, where the manifest has it.
  const raw = (r: ReadManifest, fallback: unknown) => {
    const v = valueAt(r.m.object, path);
    return v === undefined ? fallback : v;
  };
  const from = d.from === undefined ? undefined : redactAt(path, raw(b, d.from));
  const to = d.to === undefined ? undefined : redactAt(path, raw(h, d.to));
  const line = d.to !== undefined ? h.lineOf(path) : b.lineOf(path);
  return { path: formatPath(path), from: from ?? null, to: to ?? null, effect, line, ...(note ? { note } : {}) };
}

function metadataOf(r: ReadManifest): { labels?: Record<string, unknown>; annotations?: Record<string, unknown> } {
  const md = r.m.object.metadata;
  return isPlainObject(md) ? (md as { labels?: Record<string, unknown>; annotations?: Record<string, unknown> }) : {};
}

function clusterUpgradeOptions(spec: Record<string, unknown>): Record<string, unknown> {
  const us = spec.upgradeStrategy;
  return isPlainObject(us) && isPlainObject(us.clusterUpgradeOptions) ? us.clusterUpgradeOptions : {};
}

function deletionDelay(r: ReadManifest): number {
  const d = r.spec.rayClusterDeletionDelaySeconds;
  return typeof d === 'number' ? d : 60;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function summarizePaths(paths: string[], max = 4): string {
  const uniq = [...new Set(paths)];
  return uniq.length <= max ? uniq.join(', ') : `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}

function summarizeServe(list: ServeChange[]): string {
  return summarizePaths(
    list.map((s) => `${s.display}: ${describeServeEffect(s.effect)}`),
    3,
  );
}

/** "8 CPU, 32 GiB memory, 2 nvidia.com/gpu, 3 pods" */
export function describeSize(f: ResourceFigures): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === 'cpu') parts.push(`${round(v)} CPU`);
    else if (k === 'memory' || k === 'ephemeral-storage' || k.startsWith('hugepages-')) parts.push(`${formatBytes(v)} ${k}`);
    else parts.push(`${round(v)} ${k}`);
  }
  return parts.join(', ') || 'no resources';
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  while (Math.abs(n) >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${round(n)} ${units[i]}`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
