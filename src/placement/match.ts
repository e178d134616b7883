/**
 * The scheduler's non-resource filters, in kube-scheduler's order and with its wording, stopping at
 * the first failure per node: NodeUnschedulable, NodeAffinity (nodeSelector + required node
 * affinity), TaintToleration. The test harness's fake scheduler (test/harness/simulator/scheduling.ts)
 * makes the same decisions; a unit test keeps the two in step.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, PodShape, Taint, Toleration } from './types.js';

/** What the filters read of a node. */
export interface NodeLike {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
}

export type FilterShape = Pick<PodShape, 'nodeSelector' | 'tolerations' | 'requiredTerms'>;

export const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** The first non-resource filter the node fails, as kube-scheduler words it; undefined when it passes all. */
export function nonResourceFailure(pod: FilterShape, node: NodeLike): string | undefined {
  if (node.unschedulable && !tolerates(pod.tolerations, UNSCHEDULABLE_TAINT)) return REASON_UNSCHEDULABLE;
  if (!matchesNodeSelector(pod, node)) return REASON_AFFINITY;
  const taint = untoleratedTaint(pod.tolerations, node.taints);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  return undefined;
}

/** The first NoSchedule/NoExecute taint no toleration covers (PreferNoSchedule never blocks). */
export function untoleratedTaint(tolerations: readonly Toleration[], taints: readonly Taint[]): Taint | undefined {
  return taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t));
}

/**
 * A toleration with an effect only covers taints of that effect; `Exists` with no key covers every
 * taint; `Equal` (the default) needs key and value to match, a missing value being "".
 */
export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const tol of tolerations) {
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

/** nodeSelector (all pairs) and required node affinity (terms ORed, requirements within a term ANDed). */
export function matchesNodeSelector(pod: Pick<PodShape, 'nodeSelector' | 'requiredTerms'>, node: Pick<NodeLike, 'name' | 'labels'>): boolean {
  for (const [k, v] of Object.entries(pod.nodeSelector)) if (node.labels[k] !== v) return false;
  if (pod.requiredTerms.length === 0) return true;
  return pod.requiredTerms.some((term) => termMatches(term, node));
}

export function termMatches(term: NodeSelectorTerm, node: Pick<NodeLike, 'name' | 'labels'>): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  // kube-scheduler: an empty term matches no node (the harness would let it match every node; the API
  // server's validation makes such a term rare, and we side with the real scheduler).
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((e) => requirementMatches(e, node.labels[e.key])) &&
    // metadata.name is the only field node affinity supports.
    fields.every((e) => e.key !== 'metadata.name' || requirementMatches(e, node.name))
  );
}

export function requirementMatches(e: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = e.values ?? [];
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

/** Gt/Lt as Kubernetes reads them: both sides base-10 integers (strconv.ParseInt); anything else never matches. */
function compareInts(label: string | undefined, bound: string | undefined): number {
  if (label === undefined || bound === undefined || !/^[+-]?\d+$/.test(label) || !/^[+-]?\d+$/.test(bound)) return Number.NaN;
  const a = BigInt(label);
  const b = BigInt(bound);
  return a > b ? 1 : a < b ? -1 : 0;
}
