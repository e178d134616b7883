/**
 * One pod at a time, as kube-scheduler does it: every node through the filters (non-resource ones,
 * then NodeResourcesFit against allocatable − requested), the survivors scored "least allocated" on
 * cpu and memory, ties broken by node name, so that answers are repeatable and agree with the test
 * harness's fake scheduler.
 */
import type { ResourceFigures } from '../capacity/capacity.js';
import { nonResourceFailure } from './match.js';
import type { NodeState, PodShape } from './types.js';

/** A node during the simulation: `requested` grows as pods are bound. */
export interface SimNode extends NodeState {
  /** Set on nodes the simulated autoscaler added. */
  virtual?: { group: string; demand: string };
}

export type Attempt =
  | { node: SimNode }
  | { node?: undefined; message: string; reasons: Map<string, number> };

/** What binding one pod charges a node: its requests plus one `pods` slot. */
export function podCost(pod: Pick<PodShape, 'requests'>): ResourceFigures {
  const cost: ResourceFigures = {};
  for (const [k, v] of Object.entries(pod.requests)) if (k !== 'pods') cost[k] = v;
  cost.pods = 1;
  return cost;
}

export function scheduleOne(pod: PodShape, nodes: readonly SimNode[]): Attempt {
  const cost = podCost(pod);
  const reasons = new Map<string, number>();
  let best: { node: SimNode; score: number } | undefined;
  for (const node of nodes) {
    const failed = filterNode(pod, cost, node);
    if (failed.length > 0) {
      for (const r of failed) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      continue;
    }
    const score = leastAllocatedScore(node, cost);
    if (!best || score > best.score || (score === best.score && node.name.localeCompare(best.node.name) < 0)) {
      best = { node, score };
    }
  }
  if (best) return { node: best.node };
  return { message: schedulerMessage(nodes.length, reasons), reasons };
}

/** Every reason the node turns the pod away for (several "Insufficient …" at once), or none. */
export function filterNode(pod: PodShape, cost: ResourceFigures, node: SimNode): string[] {
  const failure = nonResourceFailure(pod, node);
  if (failure) return [failure];
  return resourceFailures(cost, node);
}

export function resourceFailures(cost: ResourceFigures, node: NodeState): string[] {
  const out: string[] = [];
  for (const [resource, want] of Object.entries(cost)) {
    if (want === 0) continue;
    if (exceeds((node.requested[resource] ?? 0) + want, node.allocatable[resource] ?? 0)) {
      out.push(resource === 'pods' ? 'Too many pods' : `Insufficient ${resource}`);
    }
  }
  return out;
}

/** "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) didn't match …." — counts first, sorted as text, like kube-scheduler. */
export function schedulerMessage(nodeCount: number, reasons: ReadonlyMap<string, number>): string {
  if (nodeCount === 0) return 'no nodes available to schedule pods';
  const parts = [...reasons].map(([r, c]) => `${c} ${r}`).sort();
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}

export function bind(node: NodeState, cost: ResourceFigures, sign: 1 | -1 = 1): void {
  for (const [k, v] of Object.entries(cost)) {
    const next = (node.requested[k] ?? 0) + sign * v;
    node.requested[k] = sign < 0 ? Math.max(0, next) : next;
  }
}

/** allocatable − requested, never below zero (an overcommitted node offers nothing, not a debt). */
export function freeOf(node: NodeState, resource: string): number {
  return Math.max(0, (node.allocatable[resource] ?? 0) - (node.requested[resource] ?? 0));
}

/**
 * Σ over cpu and memory of the fraction left free after the pod. Computed on milli-units, as the
 * harness does, so that equal scores stay exactly equal (0.1 + 0.2 would not) and the name decides.
 */
function leastAllocatedScore(node: NodeState, cost: ResourceFigures): number {
  let score = 0;
  for (const r of ['cpu', 'memory']) {
    const cap = milli(node.allocatable[r] ?? 0);
    if (cap > 0) score += (cap - milli(node.requested[r] ?? 0) - milli(cost[r] ?? 0)) / cap;
  }
  return score;
}

function milli(n: number): number {
  return Math.round(n * 1000);
}

/** a > b, forgiving float noise from summing fractional cores (0.1 + 0.2 > 0.3 in binary). */
export function exceeds(a: number, b: number): boolean {
  return a > b + Math.max(1e-9, 1e-12 * Math.abs(b));
}
