/**
 * What the comment needs beside the verdict, from the manifests themselves: whether this
 * RayService's manifest changed at all between base and head (a pull request's comment lists only
 * those), which accelerators it asks for, and the range an appended worker group may grow over.
 */
import { acceleratorsOf } from '../capacity/accelerators.js';
import { addInto, podResources, type ResourceFigures } from '../capacity/capacity.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { isPlainObject } from '../util/objects.js';
import { diffValues } from '../util/structural-diff.js';
import type { ManifestState, ServicePlan } from './types.js';

/** KubeRay's default maxReplicas (int32 max): no upper bound in practice. */
const UNBOUNDED = 2147483647;

export function withManifestFacts(p: ServicePlan, base: RayServiceManifest | undefined, head: RayServiceManifest | undefined): ServicePlan {
  const cluster = clusterOf(head ?? base);
  const range = p.change === 'cluster-inplace' && base && head ? safely(() => appendedRange(clusterOf(base), cluster), undefined) : undefined;
  // An in-place update adds pods only in the appended groups: name their devices, not the running groups'.
  const demand = range ? { workerGroupSpecs: appendedGroups(clusterOf(base!), cluster) } : cluster;
  const accelerators = safely(() => acceleratorsOf(demand), []);
  return { ...p, manifest: manifestState(base, head), ...(accelerators.length ? { accelerators } : {}), ...(range ? { appendedGroups: range } : {}) };
}

/** Parsed objects compared: comments, key order and formatting are not a change. */
export function manifestState(base: RayServiceManifest | undefined, head: RayServiceManifest | undefined): ManifestState {
  if (!base) return 'added';
  if (!head) return 'removed';
  return diffValues(base.object, head.object).length ? 'edited' : 'unchanged';
}

/** The worker groups the head appends after the base's. */
function appendedGroups(base: Record<string, unknown>, head: Record<string, unknown>): Record<string, unknown>[] {
  const before = Array.isArray(base.workerGroupSpecs) ? base.workerGroupSpecs.length : 0;
  return (Array.isArray(head.workerGroupSpecs) ? head.workerGroupSpecs : []).slice(before).filter(isPlainObject);
}

/** Groups appended after the base's: what they hold at minReplicas and at maxReplicas (null: no bound). */
function appendedRange(base: Record<string, unknown>, head: Record<string, unknown>): ServicePlan['appendedGroups'] {
  const groups = appendedGroups(base, head);
  if (!groups.length || head.suspend === true) return undefined;
  const min: ResourceFigures = { pods: 0 };
  let max: ResourceFigures | null = { pods: 0 };
  for (const g of groups) {
    if (g.suspend === true) continue;
    const perPod = { ...podResources(isPlainObject(g.template) && isPlainObject(g.template.spec) ? g.template.spec : {}), pods: 1 };
    const hosts = Math.max(int(g.numOfHosts, 1), 1);
    const low = int(g.minReplicas, 0);
    const high = int(g.maxReplicas, UNBOUNDED);
    addInto(min, perPod, low * hosts);
    if (max && high < UNBOUNDED) addInto(max, perPod, Math.max(high, low) * hosts);
    else max = null;
  }
  return { min, max };
}

function clusterOf(m: RayServiceManifest | undefined): Record<string, unknown> {
  const spec = m?.object.spec;
  return isPlainObject(spec) && isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
}

/** A malformed quantity was already reported by the planner with its line; here it only costs the extra. */
function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function int(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}
