/**
 * "Will it fit?": the pods of each RayService's new RayCluster, in the order KubeRay creates them
 * (head first, then the worker groups in order), admitted by the namespace's ResourceQuotas and
 * placed one at a time as kube-scheduler would place them, each consuming the room it takes. Several
 * RayServices of one change are placed in order, cumulatively; where pods stay Pending and the
 * cluster autoscaler is visible, its node groups grow as far as that helps. Pure: no cluster access.
 */
import { QuotaLedger, type QuotaSim } from './quota.js';
import { addNodeFor, groupSims, type GroupSim } from './scale-up.js';
import { bind, podCost, scheduleOne, ShapePlacer, type SimNode } from './scheduler.js';
import { buildShortfall } from './shortfall.js';
import { summarize } from './summary.js';
import type { FitDemand, FitInput, FitResult, FitVerdict, NodeState, PodShape, QuotaState, ScaleUp } from './types.js';

export function checkFit(input: FitInput): FitResult[] {
  // Working copies: the input stays untouched, the copies carry room used from one demand to the next.
  const nodes: SimNode[] = input.nodes.map(copyNode);
  const quotas: QuotaSim[] = input.quotas.map(copyQuota);
  const groups = input.nodeGroups ? groupSims(input.nodeGroups, input.nodes) : undefined;
  return input.demands.map((demand) => placeDemand(demand, nodes, quotas, groups));
}

function placeDemand(demand: FitDemand, nodes: SimNode[], quotas: QuotaSim[], groups: GroupSim[] | undefined): FitResult {
  applyFrees(demand, nodes);
  const shapes = demand.pods.filter((p) => p.count > 0);
  const total = shapes.reduce((n, p) => n + p.count, 0);
  if (total === 0) return nothingToPlace(demand.id, groups !== undefined);
  const ledger = new QuotaLedger();
  const slots = placeInCreationOrder(
    shapes,
    nodes,
    ledger,
    quotas.filter((q) => q.namespace === demand.namespace),
  );
  const sizeBefore = new Map(groups?.map((g) => [g, g.size]));
  const finalMessage = retryPending(slots, nodes, groups, demand.id);
  return verdictOf({ demand, total, shapes, slots, ledger, nodes, groups, sizeBefore, finalMessage });
}

/** One slot per pod, in creation order: the node it went to, or why not. */
interface Slot {
  readonly shape: PodShape;
  node?: SimNode;
  readonly rejected?: boolean;
}

function nothingToPlace(id: string, autoscalerVisible: boolean): FitResult {
  const verdict = 'nothing-to-place';
  return { id, verdict, pods: 0, placed: [], shortfalls: [], quota: [], scaleUp: [], autoscalerVisible, summary: summarize({ ...emptySummary(id), verdict }) };
}

/** Each pod is admitted by the namespace's quotas (or rejected), then placed on the best node there is. */
function placeInCreationOrder(shapes: readonly PodShape[], nodes: SimNode[], ledger: QuotaLedger, quotas: QuotaSim[]): Slot[] {
  const slots: Slot[] = [];
  for (const shape of shapes) {
    const placer = new ShapePlacer(shape, nodes);
    for (let i = 0; i < shape.count; i++) {
      if (!ledger.admit(shape, quotas)) {
        slots.push({ shape, rejected: true });
        continue;
      }
      const node = placer.place();
      slots.push({ shape, ...(node ? { node } : {}) });
    }
  }
  return slots;
}

/**
 * Pending pods are retried, as the scheduler does; with the autoscaler in view, a node group grows
 * one node at a time for as long as that gives a pending pod a place. Returns, per shape, what
 * kube-scheduler would say of the pods that still have no place.
 */
function retryPending(slots: Slot[], nodes: SimNode[], groups: GroupSim[] | undefined, id: string): Map<PodShape, string> {
  const finalMessage = new Map<PodShape, string>();
  for (const slot of slots) {
    if (slot.node || slot.rejected) continue;
    let attempt = scheduleOne(slot.shape, nodes);
    if (!attempt.node && groups && addNodeFor(slot.shape, groups, nodes, id)) attempt = scheduleOne(slot.shape, nodes);
    if (attempt.node) {
      bind(attempt.node, podCost(slot.shape));
      slot.node = attempt.node;
    } else if (!finalMessage.has(slot.shape)) {
      finalMessage.set(slot.shape, attempt.message);
    }
  }
  return finalMessage;
}

/** Everything one demand's placement produced, read into its verdict. */
interface Placement {
  readonly demand: FitDemand;
  readonly total: number;
  readonly shapes: readonly PodShape[];
  readonly slots: readonly Slot[];
  readonly ledger: QuotaLedger;
  readonly nodes: SimNode[];
  readonly groups: GroupSim[] | undefined;
  readonly sizeBefore: ReadonlyMap<GroupSim, number>;
  readonly finalMessage: ReadonlyMap<PodShape, string>;
}

function verdictOf({ demand, total, shapes, slots, ledger, nodes, groups, sizeBefore, finalMessage }: Placement): FitResult {
  const scaleUp: ScaleUp[] = (groups ?? []).flatMap((g) => {
    const before = sizeBefore.get(g) ?? g.size;
    return g.size > before ? [{ nodeGroup: g.group.name, addNodes: g.size - before, maxSize: g.group.maxSize, currentSize: before }] : [];
  });
  const shortfalls = shapes.flatMap((shape) => {
    const unplaced = slots.filter((s) => s.shape === shape && !s.node && !s.rejected).length;
    return unplaced > 0 ? [buildShortfall(shape, unplaced, finalMessage.get(shape) ?? '', nodes, groups)] : [];
  });
  const quota = ledger.shortfalls();
  const rejected = slots.filter((s) => s.rejected).length;
  const placedSlots = slots.filter((s): s is Slot & { node: SimNode } => s.node !== undefined);
  const verdict: FitVerdict = shortfalls.length > 0 || rejected > 0 ? 'does-not-fit' : placedSlots.some((s) => s.node.virtual) ? 'fits-after-scale-up' : 'fits';
  const placedOn = placedSlots.map((s) => s.node);
  return {
    id: demand.id,
    verdict,
    pods: total,
    placed: placedSlots.map((s) => ({ role: s.shape.role, node: s.node.name })),
    shortfalls: shortfalls.map((s) => s.shortfall),
    quota,
    scaleUp,
    autoscalerVisible: groups !== undefined,
    summary: summarize({ id: demand.id, verdict, pods: total, shapes, placedOn, shortfalls, quota, rejected, scaleUp }),
  };
}

/** Pods that go away first (a pending cluster the new one replaces) hand their room back. */
function applyFrees(demand: FitDemand, nodes: SimNode[]): void {
  for (const free of demand.frees ?? []) {
    const node = nodes.find((n) => n.name === free.node);
    if (!node) continue;
    bind(node, { ...free.requests, pods: free.requests.pods ?? 1 }, -1);
  }
}

function emptySummary(id: string) {
  return { id, pods: 0, shapes: [], placedOn: [], shortfalls: [], quota: [], rejected: 0, scaleUp: [] };
}

function copyNode(n: NodeState): SimNode {
  return {
    ...n,
    labels: { ...n.labels },
    taints: n.taints.map((t) => ({ ...t })),
    allocatable: { ...n.allocatable },
    requested: { ...n.requested },
    ...(n.daemonSetRequested ? { daemonSetRequested: { ...n.daemonSetRequested } } : {}),
  };
}

function copyQuota(q: QuotaState): QuotaSim {
  return { ...q, hard: { ...q.hard }, used: { ...q.used }, scopes: [...q.scopes] };
}
