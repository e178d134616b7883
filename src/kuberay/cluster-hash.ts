/**
 * The operator's cluster-spec comparison, without the hash: two specs hash alike exactly when
 * their hashed views are deep-equal, so the planner compares views instead of SHA-1 strings
 * (`GenerateHashWithoutReplicasAndWorkersToDelete`, `isClusterSpecHashEqual`).
 */
import { isDeepStrictEqual } from 'node:util';
import type { PathSegment } from '../manifests/yaml-documents.js';
import { isPlainObject } from '../util/objects.js';
import type { KubeRayRelease } from './releases.js';

/** The part of `rayClusterConfig` that the hash covers in this release (a copy). */
export function hashedView(rayClusterConfig: Record<string, unknown>, release: KubeRayRelease): Record<string, unknown> {
  const view = structuredClone(rayClusterConfig);
  const groups = Array.isArray(view.workerGroupSpecs) ? (view.workerGroupSpecs as Record<string, unknown>[]) : [];
  for (const g of groups) {
    if (!isPlainObject(g)) continue;
    delete g.replicas;
    delete g.minReplicas;
    delete g.maxReplicas;
    if (isPlainObject(g.scaleStrategy)) {
      delete g.scaleStrategy.workersToDelete;
      if (Object.keys(g.scaleStrategy).length === 0) delete g.scaleStrategy;
    }
  }
  if (release.hashBlanks.tolerationsAndSchedulingGates) {
    for (const t of [templateSpec(view.headGroupSpec), ...groups.map(templateSpec)]) {
      if (!t) continue;
      delete t.tolerations;
      delete t.schedulingGates;
    }
  }
  if (release.hashBlanks.clusterUpgradeStrategy) delete view.upgradeStrategy;
  if (release.hashBlanks.suspend) delete view.suspend;
  return view;
}

/** Is this path (inside rayClusterConfig) left out of the hash by this release? */
export function isHashBlanked(path: readonly PathSegment[], release: KubeRayRelease): boolean {
  const [first, index, field, ...rest] = path;
  if (first === 'workerGroupSpecs' && typeof index === 'number') {
    if (field === 'replicas' || field === 'minReplicas' || field === 'maxReplicas') return true;
    if (field === 'scaleStrategy' && (rest[0] === 'workersToDelete' || rest.length === 0)) return true;
    if (
      release.hashBlanks.tolerationsAndSchedulingGates &&
      field === 'template' &&
      rest[0] === 'spec' &&
      (rest[1] === 'tolerations' || rest[1] === 'schedulingGates')
    )
      return true;
    return false;
  }
  if (first === 'headGroupSpec' && release.hashBlanks.tolerationsAndSchedulingGates) {
    return index === 'template' && field === 'spec' && (rest[0] === 'tolerations' || rest[0] === 'schedulingGates');
  }
  if (first === 'upgradeStrategy') return release.hashBlanks.clusterUpgradeStrategy;
  if (first === 'suspend') return release.hashBlanks.suspend;
  return false;
}

export type ClusterSpecComparison =
  /** Same hash: the RayCluster is left alone. */
  | { readonly kind: 'equal' }
  /** The first N groups hash alike and groups were appended: updated in place. */
  | { readonly kind: 'appended'; readonly appendedGroups: readonly string[] }
  /** Anything else: a new RayCluster (if zero-downtime upgrade is enabled). */
  | { readonly kind: 'different' };

/** Compares the goal spec with the spec the running (or pending) cluster was built from. */
export function compareClusterSpecs(running: Record<string, unknown>, goal: Record<string, unknown>, release: KubeRayRelease): ClusterSpecComparison {
  const a = hashedView(running, release);
  const b = hashedView(goal, release);
  if (isDeepStrictEqual(a, b)) return { kind: 'equal' };
  const runningGroups = groupsOf(a);
  const goalGroups = groupsOf(b);
  if (goalGroups.length > runningGroups.length) {
    const truncated = { ...b };
    if (runningGroups.length) truncated.workerGroupSpecs = goalGroups.slice(0, runningGroups.length);
    else delete truncated.workerGroupSpecs;
    if (isDeepStrictEqual(a, truncated)) {
      return { kind: 'appended', appendedGroups: goalGroups.slice(runningGroups.length).map((g) => String(isPlainObject(g) ? g.groupName : '')) };
    }
  }
  return { kind: 'different' };
}

function groupsOf(spec: Record<string, unknown>): unknown[] {
  return Array.isArray(spec.workerGroupSpecs) ? spec.workerGroupSpecs : [];
}

function templateSpec(group: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(group) || !isPlainObject(group.template) || !isPlainObject(group.template.spec)) return undefined;
  return group.template.spec;
}

/**
 * What the operator compares a new spec with, rebuilt from a running RayCluster: KubeRay compares
 * hashes computed from the RayService's spec when it built (or last updated) the cluster, and those
 * hashes leave out the blanked fields. A RayCluster's own copy of those fields drifts away (the
 * autoscaler sets replicas and workersToDelete; an incremental upgrade's cluster has no replicas;
 * Kueue toggles suspend), so they are taken from the RayService (`fromRayService`), the rest from
 * the cluster. Both arguments are stored views (storedSpec); returns a copy.
 */
export function comparisonBase(
  clusterSpec: Record<string, unknown>,
  fromRayService: Record<string, unknown>,
  release: KubeRayRelease,
): Record<string, unknown> {
  const out = structuredClone(clusterSpec);
  const rsGroups = groupsOf(fromRayService);
  const outGroups = groupsOf(out);
  outGroups.forEach((g, i) => {
    if (!isPlainObject(g)) return;
    const src = isPlainObject(rsGroups[i]) ? (rsGroups[i] as Record<string, unknown>) : {};
    for (const k of ['replicas', 'minReplicas', 'maxReplicas'] as const) copyField(src, g, k);
    const srcScale = isPlainObject(src.scaleStrategy) ? src.scaleStrategy : {};
    const scale = isPlainObject(g.scaleStrategy) ? { ...g.scaleStrategy } : {};
    if (srcScale.workersToDelete === undefined) delete scale.workersToDelete;
    else scale.workersToDelete = srcScale.workersToDelete;
    if (Object.keys(scale).length) g.scaleStrategy = scale;
    else delete g.scaleStrategy;
    if (release.hashBlanks.tolerationsAndSchedulingGates) {
      const t = templateSpec(g);
      const s = templateSpec(src);
      if (t) for (const k of ['tolerations', 'schedulingGates'] as const) copyField(s ?? {}, t, k);
    }
  });
  if (release.hashBlanks.tolerationsAndSchedulingGates) {
    const t = templateSpec(out.headGroupSpec);
    const s = templateSpec(fromRayService.headGroupSpec);
    if (t) for (const k of ['tolerations', 'schedulingGates'] as const) copyField(s ?? {}, t, k);
  }
  if (release.hashBlanks.clusterUpgradeStrategy) copyField(fromRayService, out, 'upgradeStrategy');
  if (release.hashBlanks.suspend) copyField(fromRayService, out, 'suspend');
  return out;
}

function copyField(from: Record<string, unknown>, to: Record<string, unknown>, key: string): void {
  if (from[key] === undefined) delete to[key];
  else to[key] = structuredClone(from[key]);
}
