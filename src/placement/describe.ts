/** Pod constraints in words, and why no node passes them: the parts of messages people act on. */
import { REASON_AFFINITY, REASON_UNSCHEDULABLE, matchesNodeSelector, nonResourceFailure, untoleratedTaint, type NodeLike } from './match.js';
import { joinWords, plural } from './format.js';
import type { NodeSelectorRequirement, NodeSelectorTerm, PodShape, Taint, Toleration } from './types.js';

/** "nodes matching accelerator=a100 and tolerating nvidia.com/gpu=present:NoSchedule", or "any schedulable node". */
export function constraintOf(pod: PodShape): string {
  const clauses: string[] = [];
  const selector = describeSelector(pod.nodeSelector);
  if (selector) clauses.push(`matching ${selector}`);
  if (pod.requiredTerms.length > 0) clauses.push(`with ${describeTerms(pod.requiredTerms)}`);
  const tolerations = pod.tolerations.filter(isTelling).map(describeToleration);
  if (clauses.length === 0) {
    return tolerations.length > 0 ? `any schedulable node (tolerating ${joinWords(tolerations)})` : 'any schedulable node';
  }
  if (tolerations.length > 0) clauses.push(`tolerating ${joinWords(tolerations)}`);
  return `nodes ${clauses.join(' and ')}`;
}

/** Tolerations of the well-known node-condition taints are defaults, not intent: left out of messages. */
function isTelling(t: Toleration): boolean {
  return !(t.key ?? '').startsWith('node.kubernetes.io/');
}

export function describeSelector(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function describeTerms(terms: readonly NodeSelectorTerm[]): string {
  const each = terms.map((t) => {
    const parts = [...(t.matchExpressions ?? []).map((e) => describeRequirement(e)), ...(t.matchFields ?? []).map((e) => describeRequirement(e))];
    return parts.length === 0 ? '(nothing)' : parts.join(' and ');
  });
  return `node affinity ${each.length === 1 ? each[0] : each.map((e) => `(${e})`).join(' or ')}`;
}

function describeRequirement(e: NodeSelectorRequirement): string {
  const values = e.values ?? [];
  switch (e.operator) {
    case 'In':
      return values.length === 1 ? `${e.key}=${values[0]}` : `${e.key} in (${values.join(', ')})`;
    case 'NotIn':
      return values.length === 1 ? `${e.key}!=${values[0]}` : `${e.key} not in (${values.join(', ')})`;
    case 'Exists':
      return `${e.key} set`;
    case 'DoesNotExist':
      return `${e.key} unset`;
    case 'Gt':
      return `${e.key} > ${values[0] ?? ''}`;
    case 'Lt':
      return `${e.key} < ${values[0] ?? ''}`;
    default:
      return `${e.key} ${e.operator} (${values.join(', ')})`;
  }
}

export function describeToleration(t: Toleration): string {
  const key = t.key ? t.key : 'every taint';
  const value = (t.operator ?? 'Equal') === 'Equal' && t.key ? `=${t.value ?? ''}` : '';
  return `${key}${value}${t.effect ? `:${t.effect}` : ''}`;
}

export function describeTaint(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/**
 * Why every node fails the non-resource filters, one clause per filter that turned nodes away:
 * "nodeSelector accelerator=a100 (labels seen: accelerator=t4, v100); 2 nodes have untolerated taint …".
 */
export function whyNoNodeMatches(pod: PodShape, nodes: readonly NodeLike[]): string {
  if (nodes.length === 0) return 'the cluster has no nodes';
  let cordoned = 0;
  let mismatched = 0;
  const taints = new Map<string, number>();
  for (const node of nodes) {
    const failure = nonResourceFailure(pod, node);
    if (failure === REASON_UNSCHEDULABLE) cordoned += 1;
    else if (failure === REASON_AFFINITY) mismatched += 1;
    else if (failure) {
      const taint = untoleratedTaint(pod.tolerations, node.taints);
      const key = taint ? describeTaint(taint) : failure;
      taints.set(key, (taints.get(key) ?? 0) + 1);
    }
  }
  const parts: string[] = [];
  if (mismatched > 0) parts.push(selectorMismatch(pod, nodes));
  for (const [taint, n] of taints) parts.push(`${plural(n, 'node')} ${n === 1 ? 'has' : 'have'} untolerated taint ${taint}`);
  if (cordoned > 0) parts.push(`${plural(cordoned, 'node')} cordoned`);
  return parts.join('; ');
}

/** The selector and affinity, and the values nodes actually carry for the keys involved (what a typo looks like). */
function selectorMismatch(pod: PodShape, nodes: readonly NodeLike[]): string {
  const selector = describeSelector(pod.nodeSelector);
  const affinity = pod.requiredTerms.length > 0 ? `required ${describeTerms(pod.requiredTerms)}` : '';
  const selectorOk = nodes.some((n) => matchesNodeSelector({ nodeSelector: pod.nodeSelector, requiredTerms: [] }, n));
  const affinityOk = nodes.some((n) => matchesNodeSelector({ nodeSelector: {}, requiredTerms: pod.requiredTerms }, n));
  const parts: string[] = [];
  if (!selectorOk) parts.push(`nodeSelector ${selector}`);
  if (!affinityOk) parts.push(affinity);
  // Each alone is met by some node, never both by the same one.
  if (parts.length === 0) parts.push(`nodeSelector ${selector} together with ${affinity}`);
  const keys = [...Object.keys(pod.nodeSelector), ...pod.requiredTerms.flatMap((t) => (t.matchExpressions ?? []).map((e) => e.key))];
  const seen = [...new Set(keys)].map((k) => labelsSeen(k, nodes));
  return seen.length > 0 ? `${parts.join(' and ')} (${seen.join('; ')})` : parts.join(' and ');
}

function labelsSeen(key: string, nodes: readonly NodeLike[]): string {
  const values = [...new Set(nodes.map((n) => n.labels[key]).filter((v): v is string => v !== undefined))].sort();
  if (values.length === 0) return `no node has label ${key}`;
  const shown = values.slice(0, 5).join(', ') + (values.length > 5 ? `, … ${values.length - 5} more` : '');
  return `labels seen: ${key}=${shown}`;
}
