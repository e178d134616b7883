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

export type Attempt = { node: SimNode } | { node?: undefined; message: string; reasons: Map<string, number> };

/** What binding one pod charges a node: its requests plus one `pods` slot. */
export function podCost(pod: Pick<PodShape, 'requests'>): ResourceFigures {
  const cost: ResourceFigures = {};
  for (const [k, v] of Object.entries(pod.requests)) if (k !== 'pods') cost[k] = v;
  cost.pods = 1;
  return cost;
}

/** `localeCompare` without arguments, without its per-call cost (the same default-locale collation). */
const byName = new Intl.Collator().compare;

/**
 * Labels, taints and cordons do not change while a plan is simulated, so which nodes a shape may go
 * to at all (and why the others refuse it) is worked out once per shape, not once per pod: a plan
 * places thousands of pods over thousands of nodes. Recomputed when nodes are added (scale-up).
 */
interface Candidates {
  readonly nodes: readonly SimNode[];
  readonly length: number;
  readonly fit: readonly SimNode[];
  readonly refused: ReadonlyMap<string, number>;
}
const candidatesCache = new WeakMap<PodShape, Candidates>();

function candidatesFor(pod: PodShape, nodes: readonly SimNode[]): Candidates {
  const cached = candidatesCache.get(pod);
  if (cached && cached.nodes === nodes && cached.length === nodes.length) return cached;
  const fit: SimNode[] = [];
  const refused = new Map<string, number>();
  for (const node of nodes) {
    const failure = nonResourceFailure(pod, node);
    if (failure) refused.set(failure, (refused.get(failure) ?? 0) + 1);
    else fit.push(node);
  }
  // In name order: the first of equal scores is then the one kube-scheduler's tie-break (and the
  // harness's) picks, without comparing names per pod.
  fit.sort((a, b) => byName(a.name, b.name));
  const c = { nodes, length: nodes.length, fit, refused };
  candidatesCache.set(pod, c);
  return c;
}

export function scheduleOne(pod: PodShape, nodes: readonly SimNode[]): Attempt {
  const cost = podCost(pod);
  const wanted = Object.entries(cost).filter(([, v]) => v !== 0);
  const { fit, refused } = candidatesFor(pod, nodes);
  let reasons: Map<string, number> | undefined;
  let best: { node: SimNode; score: number } | undefined;
  for (const node of fit) {
    let ok = true;
    for (const [resource, want] of wanted) {
      if (!exceeds((node.requested[resource] ?? 0) + want, node.allocatable[resource] ?? 0)) continue;
      ok = false;
      reasons ??= new Map();
      const r = resource === 'pods' ? 'Too many pods' : `Insufficient ${resource}`;
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    if (!ok) continue;
    const score = leastAllocatedScore(node, cost);
    if (!best || score > best.score) best = { node, score };
  }
  if (best) return { node: best.node };
  const all = new Map(refused);
  for (const [r, n] of reasons ?? []) all.set(r, (all.get(r) ?? 0) + n);
  return { message: schedulerMessage(nodes.length, all), reasons: all };
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

/**
 * Places a run of identical pods (one shape) the way repeated `scheduleOne` calls would, in
 * O(nodes + pods·log nodes) instead of O(pods·nodes): between two pods of the run only the node that
 * took the last one changes, so every other node keeps its score in a heap. Binds what it places.
 * Valid only while nothing else binds to these nodes (fit.ts places a shape's pods back to back).
 */
export class ShapePlacer {
  private readonly heap: { node: SimNode; score: number; rank: number }[] = [];
  private readonly cost: ResourceFigures;
  private readonly wanted: [string, number][];

  constructor(pod: PodShape, nodes: readonly SimNode[]) {
    this.cost = podCost(pod);
    this.wanted = Object.entries(this.cost).filter(([, v]) => v !== 0);
    for (const [rank, node] of candidatesFor(pod, nodes).fit.entries()) this.offer(node, rank);
  }

  /** The node the next pod goes to (bound), or undefined when none has room: ask scheduleOne why. */
  place(): SimNode | undefined {
    const top = this.pop();
    if (!top) return undefined;
    bind(top.node, this.cost);
    this.offer(top.node, top.rank);
    return top.node;
  }

  private offer(node: SimNode, rank: number): void {
    for (const [resource, want] of this.wanted) if (exceeds((node.requested[resource] ?? 0) + want, node.allocatable[resource] ?? 0)) return;
    this.heap.push({ node, score: leastAllocatedScore(node, this.cost), rank });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): { node: SimNode; score: number; rank: number } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last || this.heap.length === 0) return top;
    this.heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.before(l, m)) m = l;
      if (r < this.heap.length && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  /** Higher score first; equal scores in name order (the scheduler's tie-break). */
  private before(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.score > y.score || (x.score === y.score && x.rank < y.rank);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b]!, this.heap[a]!];
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
