/**
 * The cluster autoscaler, simplified: when a pod fits nowhere, a node group below its max size whose
 * template (an existing node of the group) would take the pod gets one more node, and the pod is
 * scheduled again. Groups are tried in the order the autoscaler status lists them (the real expander
 * may choose differently among several that fit; whether *some* group fits is what we answer).
 */
import { nonResourceFailure } from './match.js';
import { podCost, resourceFailures, type SimNode } from './scheduler.js';
import type { NodeGroup, NodeState, PodShape, Taint } from './types.js';

export interface GroupSim {
  readonly group: NodeGroup;
  /** The first of the group's nodes that exists; without one we cannot know what a new node looks like. */
  readonly template?: NodeState;
  /** Size including the virtual nodes added so far in this run. */
  size: number;
  /** Virtual nodes added so far (names `<group>-new-<n>`). */
  added: number;
}

export function groupSims(groups: readonly NodeGroup[], nodes: readonly NodeState[]): GroupSim[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  return groups.map((group) => {
    const name = group.nodeNames.find((n) => byName.has(n));
    const template = name === undefined ? undefined : byName.get(name);
    return { group, ...(template ? { template } : {}), size: group.currentSize, added: 0 };
  });
}

/**
 * Taints a fresh node of the group would not carry: node-condition taints (not-ready, unreachable,
 * pressure, unschedulable…), the autoscaler's own scale-down marks and the cloud provider's startup taint.
 */
function isTransientTaint(t: Taint): boolean {
  return (
    t.key.startsWith('node.kubernetes.io/') ||
    t.key === 'ToBeDeletedByClusterAutoscaler' ||
    t.key === 'DeletionCandidateOfClusterAutoscaler' ||
    t.key === 'node.cloudprovider.kubernetes.io/uninitialized'
  );
}

/** What the group's next node would look like: the template's labels, lasting taints and allocatable, plus its DaemonSet pods. */
export function freshNode(g: GroupSim, demand: string, index = g.added + 1): SimNode | undefined {
  const t = g.template;
  if (!t) return undefined;
  const name = `${g.group.name}-new-${index}`;
  const labels = { ...t.labels };
  // A hostname affinity must not match the copy as if it were the template.
  if ('kubernetes.io/hostname' in labels) labels['kubernetes.io/hostname'] = name;
  return {
    name,
    labels,
    taints: t.taints.filter((x) => !isTransientTaint(x)).map((x) => ({ ...x })),
    unschedulable: false,
    allocatable: { ...t.allocatable },
    requested: { ...(t.daemonSetRequested ?? {}) },
    ...(t.daemonSetRequested ? { daemonSetRequested: { ...t.daemonSetRequested } } : {}),
    virtual: { group: g.group.name, demand },
  };
}

/** How a fresh node of the group relates to the pod: it takes one, it matches but is too small, or it does not match. */
export function groupFitFor(g: GroupSim, pod: PodShape): 'hosts' | 'too-small' | 'no-match' | 'unknown' {
  const probe = freshNode(g, '');
  if (!probe) return 'unknown';
  if (nonResourceFailure(pod, probe)) return 'no-match';
  return resourceFailures(podCost(pod), probe).length === 0 ? 'hosts' : 'too-small';
}

/** Adds one node to the first group that can still grow and would take the pod; returns it, or undefined. */
export function addNodeFor(pod: PodShape, groups: readonly GroupSim[], nodes: SimNode[], demand: string): SimNode | undefined {
  for (const g of groups) {
    if (g.size >= g.group.maxSize || groupFitFor(g, pod) !== 'hosts') continue;
    const node = freshNode(g, demand);
    if (!node) continue;
    g.added += 1;
    g.size += 1;
    nodes.push(node);
    return node;
  }
  return undefined;
}
