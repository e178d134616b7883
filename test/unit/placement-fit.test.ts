import { describe, expect, it } from 'vitest';
import { checkFit } from '../../src/placement/fit.js';
import type { FitDemand, FitInput, FitResult, NodeGroup, NodeState, PodShape, Taint, Toleration } from '../../src/placement/types.js';

const GI = 2 ** 30;
const MI = 2 ** 20;
const GPU_TAINT: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };
const GPU_TOL: Toleration = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };

interface NodeOpts {
  pods?: number;
  gpu?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  cordoned?: boolean;
  requested?: Record<string, number>;
  daemonSet?: Record<string, number>;
}
/** A node with `cpu` cores and `memGi` GiB allocatable. */
function node(name: string, cpu: number, memGi: number, o: NodeOpts = {}): NodeState {
  return {
    name,
    labels: o.labels ?? {},
    taints: o.taints ?? [],
    unschedulable: o.cordoned ?? false,
    allocatable: { cpu, memory: memGi * GI, pods: o.pods ?? 110, ...(o.gpu !== undefined ? { 'nvidia.com/gpu': o.gpu } : {}) },
    requested: { ...(o.requested ?? {}) },
    ...(o.daemonSet ? { daemonSetRequested: o.daemonSet } : {}),
  };
}
interface ShapeOpts {
  gpu?: number;
  sel?: Record<string, string>;
  tol?: Toleration[];
}
/** `count` pods of `cpu` cores and `memGi` GiB. */
function pods(role: string, count: number, cpu: number, memGi: number, o: ShapeOpts = {}): PodShape {
  return {
    role,
    count,
    requests: { cpu, memory: memGi * GI, ...(o.gpu !== undefined ? { 'nvidia.com/gpu': o.gpu } : {}) },
    limits: {},
    nodeSelector: o.sel ?? {},
    tolerations: o.tol ?? [],
    requiredTerms: [],
  };
}
const demand = (id: string, ...shapes: PodShape[]): FitDemand => ({ id, namespace: 'ns', pods: shapes });
const fit = (nodes: NodeState[], demands: FitDemand[], nodeGroups?: NodeGroup[]): FitResult[] =>
  checkFit({ nodes, quotas: [], demands, ...(nodeGroups ? { nodeGroups } : {}) } as FitInput);

const gpuNode = (name: string, o: NodeOpts = {}) => node(name, 8, 32, { gpu: 1, labels: { accelerator: 'a100' }, taints: [GPU_TAINT], ...o });
const gpuPods = (count: number, cpu: number, memGi: number) => pods('gpu', count, cpu, memGi, { gpu: 1, sel: { accelerator: 'a100' }, tol: [GPU_TOL] });
const GPU_CONSTRAINT = 'nodes matching accelerator=a100 and tolerating nvidia.com/gpu:NoSchedule';

describe('placement and shortfalls', () => {
  it.each<[string, NodeState[], FitDemand[], Partial<FitResult>[]]>([
    [
      // 16 cpu/64Gi each; n2 has 4 cpu used. head 2 → n1 (score 1.75 vs 1.5); w1 4 → tie 1.25/1.25 → n1 by
      // name; w2 → n2 (1.25 vs 0.75). After: n1 6/16 cpu, n2 8/16 cpu = 50%, the fullest.
      'fits, least allocated with name tie-break',
      [node('n1', 16, 64), node('n2', 16, 64, { requested: { cpu: 4, pods: 1 } })],
      [demand('ns/a', pods('head', 1, 2, 8), pods('w', 2, 4, 16))],
      [
        {
          verdict: 'fits',
          pods: 3,
          placed: [
            { role: 'head', node: 'n1' },
            { role: 'w', node: 'n1' },
            { role: 'w', node: 'n2' },
          ],
          shortfalls: [],
          autoscalerVisible: false,
          summary: 'Fits: 3 new pods on 2 nodes (most loaded after: n2 at 50% cpu).',
        },
      ],
    ],
    [
      // allocatable pods 3 with 2 bound: the first new pod takes the last slot, the second gets "Too many pods"
      'pods allocatable count',
      [node('n1', 16, 64, { pods: 3, requested: { pods: 2 } })],
      [demand('ns/a', pods('w', 2, 1, 1))],
      [
        {
          verdict: 'does-not-fit',
          placed: [{ role: 'w', node: 'n1' }],
          shortfalls: [
            {
              role: 'w',
              unplaced: 1,
              of: 2,
              constraint: 'any schedulable node',
              matchingNodes: 1,
              missing: [{ resource: 'pods', amount: 1 }],
              scheduler: '0/1 nodes are available: 1 Too many pods.',
              message: '1 of 2 `w` pods does not fit: needs 1 more pod slot on any schedulable node',
            },
          ],
        },
      ],
    ],
    [
      // a: cordoned (16 cpu unusable); b: 4 cpu takes two 2-cpu pods; the third is 2 cpu short
      'cordoned node',
      [node('a', 16, 64, { cordoned: true }), node('b', 4, 16)],
      [demand('ns/a', pods('w', 3, 2, 1))],
      [
        {
          verdict: 'does-not-fit',
          placed: [
            { role: 'w', node: 'b' },
            { role: 'w', node: 'b' },
          ],
          shortfalls: [
            expect.objectContaining({
              matchingNodes: 1,
              missing: [{ resource: 'cpu', amount: 2 }],
              scheduler: '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable.',
              message: '1 of 3 `w` pods does not fit: needs 2 more cpu on any schedulable node',
            }),
          ],
        },
      ],
    ],
    [
      // gpu-1/gpu-2: 8 cpu, 32Gi, 1 GPU each; pods 6 cpu/24Gi/1 GPU. Head (no toleration) → cpu-1. Two GPU
      // pods fill one GPU node each (equal scores → gpu-1 first), leaving 2 cpu + 8Gi + 0 GPU on each: the
      // third is short 6−4 = 2 cpu, 24−16 = 8Gi and 1 GPU.
      'multi-resource shortfall wording',
      [gpuNode('gpu-1'), gpuNode('gpu-2'), node('cpu-1', 16, 64)],
      [demand('ns/a', pods('head', 1, 1, 1), gpuPods(3, 6, 24))],
      [
        {
          verdict: 'does-not-fit',
          placed: [
            { role: 'head', node: 'cpu-1' },
            { role: 'gpu', node: 'gpu-1' },
            { role: 'gpu', node: 'gpu-2' },
          ],
          shortfalls: [
            {
              role: 'gpu',
              unplaced: 1,
              of: 3,
              constraint: GPU_CONSTRAINT,
              matchingNodes: 2,
              missing: [
                { resource: 'cpu', amount: 2 },
                { resource: 'memory', amount: 8 * GI },
                { resource: 'nvidia.com/gpu', amount: 1 },
              ],
              scheduler:
                "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu, 2 Insufficient memory, 2 Insufficient nvidia.com/gpu.",
              message: `1 of 3 \`gpu\` pods does not fit: needs 2 more cpu, 8Gi more memory and 1 more nvidia.com/gpu on ${GPU_CONSTRAINT}`,
            },
          ],
          summary: `Does not fit: 1 of 3 worker pods of group gpu stays Pending — needs 2 more cpu, 8Gi more memory and 1 more nvidia.com/gpu on ${GPU_CONSTRAINT}.`,
        },
      ],
    ],
    [
      // 4 + 4 cpu free in sum ≥ 6, but neither node alone has 6: fragmentation, no aggregate deficit
      'fragmentation',
      [node('n1', 8, 32, { requested: { cpu: 4, pods: 1 } }), node('n2', 8, 32, { requested: { cpu: 4, pods: 1 } })],
      [demand('ns/a', pods('w', 1, 6, 1))],
      [
        {
          verdict: 'does-not-fit',
          shortfalls: [
            expect.objectContaining({
              missing: [],
              scheduler: '0/2 nodes are available: 2 Insufficient cpu.',
              message: '1 of 1 `w` pod does not fit: no single node has room for one pod (each needs 6 cpu, 1Gi memory; most free: n1 with 4 cpu, 32Gi memory)',
            }),
          ],
        },
      ],
    ],
    [
      // 20 cpu per pod, 16 on the largest node: too big whatever else runs
      'pod larger than any node',
      [node('n1', 16, 64), node('n2', 8, 64)],
      [demand('ns/a', pods('big', 1, 20, 1))],
      [
        {
          verdict: 'does-not-fit',
          shortfalls: [
            expect.objectContaining({
              message: "1 of 1 `big` pod does not fit: each pod needs 20 cpu, more than any matching node's allocatable (largest: n1 with 16 cpu)",
            }),
          ],
        },
      ],
    ],
    [
      // no node has the label value asked for: the values seen are listed (a typo shows)
      'no node matches the selector',
      [node('n1', 8, 32, { labels: { accelerator: 'a100' } }), node('n2', 8, 32, { labels: { accelerator: 't4' } })],
      [demand('ns/a', pods('w', 2, 1, 1, { sel: { accelerator: 'v100' } }))],
      [
        {
          verdict: 'does-not-fit',
          shortfalls: [
            expect.objectContaining({
              matchingNodes: 0,
              constraint: 'nodes matching accelerator=v100',
              scheduler: "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.",
              message: '2 of 2 `w` pods do not fit: no node matches: nodeSelector accelerator=v100 (labels seen: accelerator=a100, t4)',
            }),
          ],
        },
      ],
    ],
    [
      // one node tainted, one cordoned: both named
      'no node matches: taint and cordon',
      [gpuNode('g1'), node('c1', 8, 32, { cordoned: true })],
      [demand('ns/a', pods('head', 1, 1, 1))],
      [
        {
          shortfalls: [
            expect.objectContaining({
              scheduler: '0/2 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}, 1 node(s) were unschedulable.',
              message: 'the head pod does not fit: no node matches: 1 node has untolerated taint nvidia.com/gpu=present:NoSchedule; 1 node cordoned',
            }),
          ],
          summary:
            'Does not fit: the head pod stays Pending — no node matches: 1 node has untolerated taint nvidia.com/gpu=present:NoSchedule; 1 node cordoned.',
        },
      ],
    ],
    [
      // 8 cpu: the first RayService takes 6, the second needs 4 and finds 2 → short by 2
      'two demands competing',
      [node('n1', 8, 32)],
      [demand('ns/a', pods('w', 1, 6, 1)), demand('ns/b', pods('w', 1, 4, 1))],
      [
        { id: 'ns/a', verdict: 'fits', summary: 'Fits: 1 new pod on 1 node (most loaded after: n1 at 75% cpu).' },
        {
          id: 'ns/b',
          verdict: 'does-not-fit',
          summary: 'Does not fit: 1 of 1 worker pod of group w stays Pending — needs 2 more cpu on any schedulable node.',
        },
      ],
    ],
    [
      // 6 of 8 cpu held by a pending cluster the rollout replaces: two frees of 3 cpu (one pod each) hand it back
      'frees make room',
      [node('n1', 8, 32, { requested: { cpu: 6, pods: 2 } })],
      [
        {
          ...demand('ns/a', pods('w', 1, 8, 1)),
          frees: [
            { node: 'n1', requests: { cpu: 3 } },
            { node: 'n1', requests: { cpu: 3 } },
          ],
        },
      ],
      [{ verdict: 'fits', placed: [{ role: 'w', node: 'n1' }] }],
    ],
    [
      // the same without the frees: 2 cpu free for an 8-cpu pod
      'without frees',
      [node('n1', 8, 32, { requested: { cpu: 6, pods: 2 } })],
      [demand('ns/a', pods('w', 1, 8, 1))],
      [{ verdict: 'does-not-fit', shortfalls: [expect.objectContaining({ missing: [{ resource: 'cpu', amount: 6 }] })] }],
    ],
    [
      // suspended cluster / zero replicas: no shapes or zero counts
      'nothing to place',
      [node('n1', 8, 32)],
      [demand('ns/a'), demand('ns/b', pods('w', 0, 1, 1))],
      [
        { verdict: 'nothing-to-place', pods: 0, summary: 'Nothing to place: the new RayCluster has no pods (suspended, or no replicas).' },
        { verdict: 'nothing-to-place', pods: 0 },
      ],
    ],
  ])('%s', (_n, nodes, demands, expected) => {
    const results = fit(nodes, demands);
    expect(results).toHaveLength(expected.length);
    for (const [i, r] of results.entries()) expect(r).toMatchObject(expected[i]!);
  });

  it('does not change its input', () => {
    const nodes = [node('n1', 8, 32)];
    const before = structuredClone(nodes);
    fit(nodes, [demand('ns/a', pods('w', 2, 2, 1))]);
    expect(nodes).toEqual(before);
  });
});

describe('scale-up', () => {
  // gpu-1 is full (its GPU used); DaemonSet pods take 0.5 cpu, 512Mi and a pod slot on every node of the group.
  const ds = { cpu: 0.5, memory: 512 * MI, pods: 1 };
  const fullGpuNode = () => gpuNode('gpu-1', { requested: { cpu: 1.5, memory: 512 * MI, 'nvidia.com/gpu': 1, pods: 2 }, daemonSet: ds });
  const gpuPool = (maxSize: number): NodeGroup => ({ name: 'gpu-pool', minSize: 1, maxSize, currentSize: 1, nodeNames: ['gpu-1'] });

  it.each<[string, NodeState[], FitDemand[], NodeGroup[], Partial<FitResult>[]]>([
    [
      // two 1-GPU pods, no GPU free, the group may grow from 1 to 3: one new node per pod
      'fits after adding two nodes',
      [fullGpuNode()],
      [demand('ns/a', gpuPods(2, 4, 8))],
      [gpuPool(3)],
      [
        {
          verdict: 'fits-after-scale-up',
          placed: [
            { role: 'gpu', node: 'gpu-pool-new-1' },
            { role: 'gpu', node: 'gpu-pool-new-2' },
          ],
          scaleUp: [{ nodeGroup: 'gpu-pool', addNodes: 2, maxSize: 3, currentSize: 1 }],
          autoscalerVisible: true,
          summary: 'Fits once the autoscaler adds 2 nodes to group gpu-pool (max 3).',
        },
      ],
    ],
    [
      // max 2: one node added, the second pod still short one GPU. gpu-1 lacks the GPU only (6.5 cpu free);
      // gpu-pool-new-1 lacks it and cpu too (8 − 0.5 DaemonSets − 4 = 3.5 < 4). In sum cpu is enough
      // (6.5 + 3.5 ≥ 4), so only the GPU is missing.
      'stays short at max size',
      [fullGpuNode()],
      [demand('ns/a', gpuPods(2, 4, 8))],
      [gpuPool(2)],
      [
        {
          verdict: 'does-not-fit',
          placed: [{ role: 'gpu', node: 'gpu-pool-new-1' }],
          scaleUp: [{ nodeGroup: 'gpu-pool', addNodes: 1, maxSize: 2, currentSize: 1 }],
          shortfalls: [
            expect.objectContaining({
              matchingNodes: 2,
              missing: [{ resource: 'nvidia.com/gpu', amount: 1 }],
              scheduler: '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient nvidia.com/gpu.',
              message: `1 of 2 \`gpu\` pods does not fit: needs 1 more nvidia.com/gpu on ${GPU_CONSTRAINT}, even with node group gpu-pool at its max of 2 nodes`,
            }),
          ],
        },
      ],
    ],
    [
      // a fresh node has 8 − 1 (DaemonSets) = 7 cpu: a 7-cpu pod gets one, a 7.5-cpu pod never does
      'DaemonSet share makes a new node too small',
      [node('c-1', 8, 32, { requested: { cpu: 8, pods: 3 }, daemonSet: { cpu: 1, pods: 1 } })],
      [demand('ns/a', pods('ok', 1, 7, 1)), demand('ns/b', pods('big', 1, 7.5, 1))],
      [{ name: 'cpu-pool', minSize: 1, maxSize: 5, currentSize: 1, nodeNames: ['c-1'] }],
      [
        { verdict: 'fits-after-scale-up', placed: [{ role: 'ok', node: 'cpu-pool-new-1' }] },
        {
          verdict: 'does-not-fit',
          scaleUp: [],
          // free on matching nodes: c-1 0, cpu-pool-new-1 8 − 1 − 7 = 0 → short 7.5
          shortfalls: [
            expect.objectContaining({
              message: '1 of 1 `big` pod does not fit: needs 7.5 more cpu on any schedulable node; a new node of group cpu-pool would be too small for one pod',
            }),
          ],
        },
      ],
    ],
    [
      // a cordoned template with the autoscaler's scale-down taint: the new node has neither; its
      // hostname label is its own, so a pod pinned to t-1 is not fooled into the copy
      'template taints and hostname',
      [
        node('t-1', 8, 32, {
          cordoned: true,
          labels: { 'kubernetes.io/hostname': 't-1' },
          taints: [
            { key: 'ToBeDeletedByClusterAutoscaler', value: '1700000000', effect: 'NoSchedule' },
            { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
          ],
        }),
      ],
      [demand('ns/a', pods('w', 1, 2, 1)), demand('ns/b', pods('pinned', 1, 1, 1, { sel: { 'kubernetes.io/hostname': 't-1' } }))],
      [{ name: 't-pool', minSize: 1, maxSize: 2, currentSize: 1, nodeNames: ['t-1'] }],
      [
        { verdict: 'fits-after-scale-up', placed: [{ role: 'w', node: 't-pool-new-1' }] },
        {
          verdict: 'does-not-fit',
          shortfalls: [expect.objectContaining({ message: expect.stringMatching(/; no cluster-autoscaler node group makes matching nodes$/) })],
        },
      ],
    ],
    [
      // virtual nodes persist: b fits into the 4 cpu left on the node added for a; c needs another one
      'nodes added for an earlier RayService',
      [node('c-1', 8, 32, { requested: { cpu: 8, pods: 1 } })],
      [demand('ns/a', pods('w', 1, 4, 1)), demand('ns/b', pods('w', 1, 4, 1)), demand('ns/c', pods('w', 1, 4, 1))],
      [{ name: 'cpu-pool', minSize: 1, maxSize: 5, currentSize: 1, nodeNames: ['c-1'] }],
      [
        { verdict: 'fits-after-scale-up', scaleUp: [{ nodeGroup: 'cpu-pool', addNodes: 1, maxSize: 5, currentSize: 1 }] },
        {
          verdict: 'fits-after-scale-up',
          scaleUp: [],
          placed: [{ role: 'w', node: 'cpu-pool-new-1' }],
          summary: 'Fits on the nodes the autoscaler adds for ns/a.',
        },
        {
          verdict: 'fits-after-scale-up',
          scaleUp: [{ nodeGroup: 'cpu-pool', addNodes: 1, maxSize: 5, currentSize: 2 }],
          placed: [{ role: 'w', node: 'cpu-pool-new-2' }],
        },
      ],
    ],
    [
      // the autoscaler is there but lists no groups: visible, nothing added
      'no node groups',
      [node('n1', 2, 8)],
      [demand('ns/a', pods('w', 1, 4, 1))],
      [],
      [
        {
          verdict: 'does-not-fit',
          autoscalerVisible: true,
          scaleUp: [],
          shortfalls: [expect.objectContaining({ message: expect.stringMatching(/; the cluster autoscaler reports no node groups$/) })],
        },
      ],
    ],
    [
      // a group without any known node cannot be copied: no scale-up
      'group without a template node',
      [node('n1', 2, 8)],
      [demand('ns/a', pods('w', 1, 1.5, 1)), demand('ns/b', pods('w', 1, 1, 1))],
      [{ name: 'ghost', minSize: 0, maxSize: 10, currentSize: 0, nodeNames: ['gone'] }],
      [{ verdict: 'fits' }, { verdict: 'does-not-fit', scaleUp: [] }],
    ],
  ])('%s', (_n, nodes, demands, groups, expected) => {
    const results = fit(nodes, demands, groups);
    expect(results).toHaveLength(expected.length);
    for (const [i, r] of results.entries()) expect(r).toMatchObject(expected[i]!);
  });
});
