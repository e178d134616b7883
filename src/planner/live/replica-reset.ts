/**
 * An in-place update replaces the whole RayCluster spec (KubeRay's RayService controller copies the
 * RayService's rayClusterConfig onto the running cluster: `constructRayClusterForRayService`, all
 * releases), so every group the change does not touch goes back to the manifest's replicas: the pods
 * an autoscaler (or `kubectl scale`) added go, the ones it removed come back. `reconcilePods`
 * (raycluster_controller.go, all releases) then creates the missing pods of each group and, unless
 * in-tree autoscaling is on, deletes the surplus ones, the first in list order (by name).
 *
 * Pure: the running cluster, its pods and the head's cluster spec in; per group, how many pods there
 * are and how many there will be, and the pods that go.
 */
import { clusterSize, maxFigures, podResources, type SizeOptions } from '../../capacity/capacity.js';
import type { Note, ServicePlan } from '../types.js';
import { note } from '../wording/index.js';
import { podShapesOf } from '../../placement/from-objects.js';
import type { PodShape } from '../../placement/types.js';
import type { ResourceFigures } from '../../capacity/capacity.js';
import type { KubeObject, LiveService } from './facts.js';

export interface GroupReset {
  readonly group: string;
  /** Pods of the group now (listed; else what the running spec asks for). */
  readonly running: number;
  /** Pods after the update: clamp(replicas, min, max) × numOfHosts of the manifest. */
  readonly desired: number;
  /** The pods to add, with their shape (desired > running). */
  readonly adds?: PodShape;
  /** Bound pods the operator deletes (desired < running, in-tree autoscaling off): they make room. */
  readonly frees: readonly { readonly node: string; readonly requests: ResourceFigures }[];
}

export interface ResetOptions {
  readonly initContainerInjection?: boolean;
}

/** Every existing group whose pod count the update changes; nothing when the running cluster is unknown. */
export function replicaReset(
  running: KubeObject | undefined,
  headCluster: Record<string, unknown>,
  pods: readonly KubeObject[] | undefined,
  opts: ResetOptions = {},
): GroupReset[] {
  if (!running?.spec || running.spec.suspend === true || headCluster.suspend === true) return [];
  const clusterName = running.metadata?.name;
  const existing = groupNames(running.spec);
  const shapeOpts = { initContainerInjection: opts.initContainerInjection !== false };
  const out: GroupReset[] = [];
  for (const group of groupNames(headCluster).filter((g) => existing.includes(g))) {
    const ofGroup = pods
      ?.filter(
        (p) => p.metadata?.labels?.['ray.io/cluster'] === clusterName && p.metadata?.labels?.['ray.io/group'] === group && !p.metadata?.deletionTimestamp,
      )
      .sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
    const runningCount = ofGroup?.length ?? count(podShapesOf(running.spec, { ...shapeOpts, onlyGroups: [group] }));
    const [shape] = podShapesOf(headCluster, { ...shapeOpts, onlyGroups: [group] });
    const desired = shape?.count ?? 0;
    if (desired === runningCount) continue;
    const surplus = headCluster.enableInTreeAutoscaling === true ? [] : (ofGroup ?? []).slice(0, Math.max(0, runningCount - desired));
    out.push({
      group,
      running: runningCount,
      desired,
      ...(shape && desired > runningCount ? { adds: { ...shape, count: desired - runningCount } } : {}),
      frees: surplus.filter((p) => p.spec?.nodeName).map((p) => ({ node: String(p.spec?.nodeName), requests: podResources(p.spec ?? {}) })),
    });
  }
  return out;
}

const count = (shapes: readonly PodShape[]) => shapes.reduce((n, s) => n + s.count, 0);

export function groupNames(spec: unknown): string[] {
  const groups = (spec as { workerGroupSpecs?: unknown } | undefined)?.workerGroupSpecs;
  return (Array.isArray(groups) ? groups : []).map((g) => String((g as { groupName?: unknown } | null)?.groupName ?? ''));
}

/**
 * A cluster-inplace plan against the running cluster: a note naming the groups the update resizes,
 * and capacity figures from the running cluster's spec (what the autoscaler left) to the manifest's.
 */
export function withReplicaReset(
  plan: ServicePlan,
  live: LiveService | undefined,
  headCluster: Record<string, unknown> | undefined,
  sizing: SizeOptions,
  notes: Note[],
): ServicePlan {
  const running = live?.pending ?? live?.active;
  if (plan.change !== 'cluster-inplace' || !headCluster || !running?.spec) return plan;
  const resets = replicaReset(running, headCluster, live?.pods, sizing);
  if (resets.length)
    notes.push(
      note('live.replica-reset', {
        cluster: String(running.metadata?.name),
        groups: resets.map(({ group, running, desired }) => ({ group, running, desired })),
      }),
    );
  const current = clusterSize(running.spec, sizing).total;
  const next = plan.capacity.new ?? current;
  return { ...plan, capacity: { ...plan.capacity, current, peak: maxFigures(current, next) } };
}
