/**
 * Will it fit, at the scale of a large cluster: 2,000 nodes (CPU, and tainted GPU pools with
 * selectors), 40,000 bound pods, and one change of 100 RayServices of 40 pods each, simulated in
 * plan order. Target: well under a second, so that a cluster-aware plan is bound by API reads, not
 * by the simulation.
 */
import { checkFit } from '../src/placement/fit.js';
import { nodeStatesFrom, podShapesOf } from '../src/placement/from-objects.js';
import type { FitDemand } from '../src/placement/types.js';

export interface PlacementBench {
  readonly nodes: number;
  readonly boundPods: number;
  readonly newPods: number;
  readonly readMs: number;
  readonly fitMs: number;
  readonly verdicts: Record<string, number>;
}

export function benchPlacement(): PlacementBench {
  const nodes = Array.from({ length: 2_000 }, (_, i) => {
    const gpu = i % 5 === 0;
    return {
      metadata: {
        name: `node-${String(i).padStart(4, '0')}`,
        labels: { 'kubernetes.io/hostname': `node-${i}`, ...(gpu ? { accelerator: i % 10 === 0 ? 'a100' : 'l4' } : {}) },
      },
      spec: { taints: gpu ? [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] : [] },
      status: { allocatable: { cpu: gpu ? '48' : '32', memory: gpu ? '192Gi' : '128Gi', pods: '110', ...(gpu ? { 'nvidia.com/gpu': '8' } : {}) } },
    };
  });
  const pods = Array.from({ length: 40_000 }, (_, i) => ({
    metadata: { name: `p-${i}`, namespace: `team-${i % 50}` },
    spec: { nodeName: nodes[i % nodes.length]!.metadata.name, containers: [{ resources: { requests: { cpu: '500m', memory: '1Gi' } } }] },
    status: { phase: 'Running' },
  }));
  const cluster = (i: number) => ({
    headGroupSpec: { template: { spec: { containers: [{ resources: { requests: { cpu: '4', memory: '16Gi' } } }] } } },
    workerGroupSpecs: [
      { groupName: 'cpu', replicas: 30, template: { spec: { containers: [{ resources: { requests: { cpu: '2', memory: '8Gi' } } }] } } },
      {
        groupName: 'gpu',
        replicas: 9,
        template: {
          spec: {
            nodeSelector: { accelerator: i % 2 ? 'a100' : 'l4' },
            tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
            containers: [{ resources: { requests: { cpu: '8', memory: '32Gi', 'nvidia.com/gpu': '1' } } }],
          },
        },
      },
    ],
  });
  const demands: FitDemand[] = Array.from({ length: 100 }, (_, i) => ({
    id: `team-${i % 50}/svc-${i}`,
    namespace: `team-${i % 50}`,
    pods: podShapesOf(cluster(i)),
  }));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const reads: number[] = [];
  const fits: number[] = [];
  let verdicts: Record<string, number> = {};
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    const states = nodeStatesFrom(nodes, pods);
    reads.push(performance.now() - t);
    t = performance.now();
    const results = checkFit({ nodes: states, quotas: [], demands });
    fits.push(performance.now() - t);
    verdicts = {};
    for (const r of results) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  }
  return {
    nodes: nodes.length,
    boundPods: pods.length,
    newPods: demands.reduce((n, d) => n + d.pods.reduce((m, p) => m + p.count, 0), 0),
    readMs: median(reads),
    fitMs: median(fits),
    verdicts,
  };
}
