/**
 * Whether the new pods of each rollout fit: every plan's demand (the new cluster's pods, or only the
 * appended groups' for an in-place update) placed in plan order onto the nodes' free room and the
 * namespaces' quotas, with what a cluster autoscaler could add.
 */
import { podResources } from '../../capacity/capacity.js';
import { checkFit } from '../../placement/fit.js';
import { nodeGroupsFrom, nodeStatesFrom, podShapesOf, quotaStatesFrom } from '../../placement/from-objects.js';
import type { FitDemand, FitResult } from '../../placement/types.js';
import type { SizeOptions } from '../../capacity/capacity.js';
import type { FitView, ServicePlan } from '../types.js';
import type { ClusterFacts, KubeObject, LiveService } from './facts.js';
import { groupNames, replicaReset } from './replica-reset.js';

/** What the fit check needs of one planned RayService. */
export interface FitInput {
  readonly plan: ServicePlan;
  /** The stored head cluster spec, for sizing the new pods. */
  readonly headCluster?: Record<string, unknown>;
  readonly live?: LiveService;
}

/** Places every rollout's new pods, in plan order, onto what the cluster has free. */
export function fitAll(planned: readonly FitInput[], facts: ClusterFacts, sizing: SizeOptions = {}): FitView[] {
  const unknown = (why: string): FitView => ({ verdict: 'unknown', summary: why, pods: 0, problems: [], scaleUp: [] });
  if (!facts.nodes || !facts.pods) {
    const why = `Not checked: ${!facts.nodes ? 'nodes' : 'pods'} could not be read (see the notes).`;
    return planned.map(() => unknown(why));
  }
  const demands: FitDemand[] = planned.map((p) => demandOf(p, facts.pods!, sizing));
  // Node groups only where a cluster-autoscaler publishes its status; otherwise nobody is known to add nodes.
  const nodeGroups = facts.autoscalerStatus ? nodeGroupsFrom(facts.autoscalerStatus, facts.nodes as KubeObject[]) : undefined;
  const results = checkFit({
    nodes: nodeStatesFrom(facts.nodes as KubeObject[], facts.pods as KubeObject[]),
    quotas: quotaStatesFrom((facts.quotas ?? []) as KubeObject[]),
    ...(nodeGroups ? { nodeGroups } : {}),
    demands,
  });
  // Node groups with room to grow but no node to copy (scale from zero, the usual GPU pool): the
  // autoscaler may well make room, but their nodes' shape is unknown. Not a misfit, then: unknown.
  const blind = (nodeGroups ?? []).filter((g) => g.currentSize < g.maxSize && !g.nodeNames.some((n) => facts.nodes!.some((o) => o.metadata?.name === n)));
  return results.map((r) => {
    const view = fitView(r, facts);
    if (view.verdict !== 'does-not-fit' || r.shortfalls.length === 0 || r.quota.length > 0 || blind.length === 0) return view;
    const groups = blind.map((g) => `${g.name} (${g.currentSize} of at most ${g.maxSize} nodes)`).join(', ');
    return {
      ...view,
      verdict: 'unknown',
      summary: `Does not fit on the current nodes, but the cluster autoscaler may add nodes to ${groups}; none of their nodes exists to tell whether they would match. ${view.summary}`,
    };
  });
}

function demandOf(p: FitInput, pods: readonly KubeObject[], sizing: SizeOptions): FitDemand {
  const injected = { initContainerInjection: sizing.initContainerInjection !== false };
  const { namespace, name, change } = p.plan;
  const id = `${namespace}/${name}`;
  const cluster = p.headCluster;
  if (!cluster) return { id, namespace, pods: [] };
  switch (change) {
    case 'create':
    case 'cluster':
    case 'cluster-incremental': {
      const shapes = podShapesOf(cluster, { ...injected, atMinReplicas: change === 'cluster-incremental' });
      // A pending cluster that this change abandons is deleted: its pods make room (after the deletion delay).
      const replaced = change !== 'create' ? p.live?.pending?.metadata?.name : undefined;
      const frees = replaced
        ? pods
            .filter((pod) => pod.metadata?.namespace === namespace && pod.metadata?.labels?.['ray.io/cluster'] === replaced && pod.spec?.nodeName)
            .map((pod) => ({ node: String(pod.spec?.nodeName), requests: podResources(pod.spec ?? {}) }))
        : [];
      return { id, namespace, pods: shapes, ...(frees.length ? { frees } : {}) };
    }
    case 'cluster-inplace': {
      // A suspended cluster resumed in place (releases with suspendToggleInPlace) starts all its pods.
      const running = p.live?.pending ?? p.live?.active;
      if (running?.spec?.suspend === true && cluster.suspend !== true) return { id, namespace, pods: podShapesOf(cluster, injected) };
      // The appended groups are those the running cluster lacks; the running groups go back to the
      // manifest's replicas (the whole spec is replaced): the pods that adds are placed too, those it removes make room.
      const runningNames = new Set(groupNames(running?.spec));
      const names = groupNames(cluster).filter((n) => !runningNames.has(n));
      const appended = names.length ? podShapesOf(cluster, { ...injected, onlyGroups: names }) : [];
      const resets = replicaReset(running, cluster, p.live?.pods, injected);
      const frees = resets.flatMap((r) => r.frees);
      return { id, namespace, pods: [...appended, ...resets.flatMap((r) => (r.adds ? [r.adds] : []))], ...(frees.length ? { frees: [...frees] } : {}) };
    }
    default:
      return { id, namespace, pods: [] };
  }
}

function fitView(r: FitResult, facts: ClusterFacts): FitView {
  const problems = [...r.shortfalls.map((s) => `${s.message} (kube-scheduler would say: ${s.scheduler})`), ...r.quota.map((q) => q.message)];
  if (facts.quotas === undefined && r.pods > 0) problems.push('ResourceQuotas could not be read: quota not checked.');
  return { verdict: r.verdict, summary: r.summary, pods: r.pods, problems, scaleUp: r.scaleUp.map((s) => ({ ...s })) };
}
