/**
 * Why pods of one role stay Pending, from the state after everything placeable was placed: which
 * nodes could take them at all, the aggregate deficit on those nodes, or, when the sum would do,
 * that no single node has room (fragmentation), and what the autoscaler could not add.
 */
import { constraintOf, whyNoNodeMatches } from './describe.js';
import { formatAmount, formatFigures, formatResourceAmount, joinWords, sortResources } from './format.js';
import { nonResourceFailure } from './match.js';
import { groupFitFor, type GroupSim } from './scale-up.js';
import { exceeds, freeOf, podCost, type SimNode } from './scheduler.js';
import type { PodShape, Shortfall } from './types.js';

export function buildShortfall(
  pod: PodShape,
  unplaced: number,
  scheduler: string,
  nodes: readonly SimNode[],
  groups: readonly GroupSim[] | undefined,
): { shortfall: Shortfall; reason: string } {
  const constraint = constraintOf(pod);
  const matching = nodes.filter((n) => !nonResourceFailure(pod, n));
  const cost = podCost(pod);
  const wanted = sortResources(Object.keys(cost).filter((r) => (cost[r] ?? 0) > 0));
  const missing: { resource: string; amount: number }[] = [];
  for (const resource of wanted) {
    const free = matching.reduce((sum, n) => sum + freeOf(n, resource), 0);
    const need = (cost[resource] ?? 0) * unplaced;
    if (exceeds(need, free)) missing.push({ resource, amount: round(need - free) });
  }
  let reason: string;
  const tooBig = matching.length > 0 ? tooBigFor(cost, wanted, matching) : undefined;
  if (matching.length === 0) {
    reason = `no node matches: ${whyNoNodeMatches(pod, nodes)}`;
  } else if (tooBig) {
    reason = tooBig;
  } else if (missing.length > 0) {
    reason = `needs ${joinWords(missing.map((m) => moreOf(m.resource, m.amount)))} on ${constraint}`;
  } else {
    reason = fragmentation(constraint, cost, wanted, matching);
  }
  if (groups) reason += autoscalerTail(pod, groups);
  const message = `${podsWord(pod, unplaced)} not fit: ${reason}`;
  // `reason` (the part after "do not fit: ") is reused in the one-line summary.
  return { shortfall: { role: pod.role, unplaced, of: pod.count, constraint, matchingNodes: matching.length, missing, scheduler, message }, reason };
}

/** "3 of 4 `gpu-workers` pods do", "the head pod does". */
function podsWord(pod: PodShape, unplaced: number): string {
  if (pod.role === 'head' && pod.count === 1) return 'the head pod does';
  return `${unplaced} of ${pod.count} \`${pod.role}\` ${pod.count === 1 ? 'pod' : 'pods'} ${unplaced === 1 ? 'does' : 'do'}`;
}

function moreOf(resource: string, amount: number): string {
  if (resource === 'pods') return `${formatAmount(resource, amount)} more pod slot${amount === 1 ? '' : 's'}`;
  return `${formatAmount(resource, amount)} more ${resource}`;
}

/** One pod asks more of a resource than any matching node has at all, empty: no amount of freeing helps. */
function tooBigFor(cost: Record<string, number>, wanted: string[], matching: readonly SimNode[]): string | undefined {
  for (const r of wanted) {
    const largest = [...matching].sort((a, b) => (b.allocatable[r] ?? 0) - (a.allocatable[r] ?? 0) || a.name.localeCompare(b.name))[0]!;
    const want = cost[r] ?? 0;
    if (!exceeds(want, largest.allocatable[r] ?? 0)) continue;
    const has = largest.allocatable[r] ?? 0;
    const biggest = has > 0 ? `largest: ${largest.name} with ${formatResourceAmount(r, has)}` : `none has any ${r}`;
    return `each pod needs ${formatResourceAmount(r, want)}, more than any matching node's allocatable (${biggest})`;
  }
  return undefined;
}

/** Enough in sum, but spread so that no node has room for one whole pod. */
function fragmentation(constraint: string, cost: Record<string, number>, wanted: string[], matching: readonly SimNode[]): string {
  const shown = wanted.filter((r) => r !== 'pods');
  // The node closest to taking a pod: the best worst-case ratio of free to needed.
  const closeness = (n: SimNode) => Math.min(...wanted.map((r) => freeOf(n, r) / (cost[r] ?? 1)));
  const best = [...matching].sort((a, b) => closeness(b) - closeness(a) || a.name.localeCompare(b.name))[0]!;
  const free = Object.fromEntries(shown.map((r) => [r, freeOf(best, r)]));
  const where = constraint === 'any schedulable node' ? 'no single node' : 'no single matching node';
  return `${where} has room for one pod (each needs ${formatFigures(cost, shown)}; most free: ${best.name} with ${formatFigures(free, shown)})`;
}

/** What the autoscaler can and cannot do about it. */
function autoscalerTail(pod: PodShape, groups: readonly GroupSim[]): string {
  const fit = groups.map((g) => ({ g, how: groupFitFor(g, pod) }));
  const hosting = fit.filter((x) => x.how === 'hosts').map((x) => x.g);
  if (hosting.length > 0) {
    const names = hosting.map((g) => `${g.group.name} at its max of ${g.group.maxSize} nodes`);
    return `, even with node group ${joinWords(names)}`;
  }
  const small = fit.filter((x) => x.how === 'too-small').map((x) => x.g.group.name);
  if (small.length > 0) return `; a new node of group ${joinWords(small)} would be too small for one pod`;
  if (groups.length === 0) return '; the cluster autoscaler reports no node groups';
  return '; no cluster-autoscaler node group makes matching nodes';
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
