// The fake scheduler's decision, as a pure function: which node a pod fits on, or the message the real
// scheduler would put into PodScheduled=False/Unschedulable ("0/3 nodes are available: 3 Insufficient
// nvidia.com/gpu. preemption: …"). Filters, in the real scheduler's order, stopping at the first failure
// per node: NodeUnschedulable, NodeAffinity (nodeSelector + required node affinity), TaintToleration,
// NodeResourcesFit. Scoring is "least allocated" with the node name as tie-break, so tests are repeatable.
import type { KubeObject } from '../kube/rest.js';
import { podRequests, toResourceList, type ResourceList } from './resources.js';

export interface NodeView {
  name: string;
  labels: Record<string, string>;
  taints: KubeObject[];
  unschedulable: boolean;
  allocatable: ResourceList;
}

export function nodeView(node: KubeObject): NodeView {
  return {
    name: node.metadata.name,
    labels: node.metadata.labels ?? {},
    taints: node.spec?.taints ?? [],
    unschedulable: Boolean(node.spec?.unschedulable),
    allocatable: toResourceList(node.status?.allocatable ?? node.status?.capacity),
  };
}

export type ScheduleResult = { node: string } | { node?: undefined; message: string };

export function schedule(pod: KubeObject, nodes: NodeView[], usedByNode: Map<string, ResourceList>): ScheduleResult {
  const requests = podRequests(pod);
  const reasons = new Map<string, number>();
  const fitting: { node: NodeView; score: number }[] = [];
  for (const node of nodes) {
    const used = usedByNode.get(node.name) ?? new Map();
    const failed = filter(pod, node, requests, used);
    if (failed.length === 0) {
      fitting.push({ node, score: leastAllocatedScore(node, used, requests) });
    } else {
      for (const r of failed) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
  }
  if (fitting.length > 0) {
    fitting.sort((a, b) => b.score - a.score || a.node.name.localeCompare(b.node.name));
    return { node: fitting[0]!.node.name };
  }
  const n = nodes.length;
  const parts = [...reasons].map(([r, c]) => `${c} ${r}`).sort();
  const head = n === 0 ? 'no nodes available to schedule pods' : `0/${n} nodes are available: ${parts.join(', ')}.`;
  return { message: `${head} preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.` };
}

function filter(pod: KubeObject, node: NodeView, requests: ResourceList, used: ResourceList): string[] {
  if (node.unschedulable && !tolerates(pod, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return ['node(s) were unschedulable'];
  }
  if (!matchesNodeSelector(pod, node)) return ["node(s) didn't match Pod's node affinity/selector"];
  const untolerated = node.taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t));
  if (untolerated) {
    return [`node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`];
  }
  const insufficient: string[] = [];
  for (const [resource, want] of requests) {
    if (want === 0) continue;
    const have = node.allocatable.get(resource) ?? 0;
    if ((used.get(resource) ?? 0) + want > have) insufficient.push(resource === 'pods' ? 'Too many pods' : `Insufficient ${resource}`);
  }
  return insufficient;
}

function tolerates(pod: KubeObject, taint: KubeObject): boolean {
  for (const tol of (pod.spec?.tolerations ?? []) as KubeObject[]) {
    if (tol.effect && tol.effect !== taint.effect) continue;
    const op = tol.operator ?? 'Equal';
    if (op === 'Exists') {
      if (!tol.key || tol.key === taint.key) return true;
    } else if (tol.key === taint.key && (tol.value ?? '') === (taint.value ?? '')) {
      return true;
    }
  }
  return false;
}

function matchesNodeSelector(pod: KubeObject, node: NodeView): boolean {
  for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>)) {
    if (node.labels[k] !== v) return false;
  }
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as KubeObject[] | undefined;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (term) =>
      ((term.matchExpressions ?? []) as KubeObject[]).every((e) => matchExpression(e, node.labels[e.key])) &&
      ((term.matchFields ?? []) as KubeObject[]).every((e) => e.key !== 'metadata.name' || matchExpression(e, node.name)),
  );
}

function matchExpression(e: KubeObject, value: string | undefined): boolean {
  const values = (e.values ?? []) as string[];
  switch (e.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return compareInts(value, values[0]) > 0;
    case 'Lt':
      return compareInts(value, values[0]) < 0;
    default:
      return false;
  }
}

function leastAllocatedScore(node: NodeView, used: ResourceList, requests: ResourceList): number {
  let score = 0;
  for (const r of ['cpu', 'memory']) {
    const cap = node.allocatable.get(r) ?? 0;
    if (cap > 0) score += (cap - (used.get(r) ?? 0) - (requests.get(r) ?? 0)) / cap;
  }
  return score;
}

/** Gt/Lt as Kubernetes reads them: both sides base-10 integers (strconv.ParseInt); anything else never matches. */
function compareInts(label: string | undefined, bound: string | undefined): number {
  if (label === undefined || bound === undefined || !/^[+-]?\d+$/.test(label) || !/^[+-]?\d+$/.test(bound)) return Number.NaN;
  const a = BigInt(label);
  const b = BigInt(bound);
  return a > b ? 1 : a < b ? -1 : 0;
}
