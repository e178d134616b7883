import { describe, expect, it } from 'vitest';
import { checkFit } from '../../src/placement/fit.js';
import { nodeStatesFrom, podShapeOf } from '../../src/placement/from-objects.js';
import { addInto, podRequests, type ResourceList } from '../harness/simulator/resources.js';
import { nodeView, schedule } from '../harness/simulator/scheduling.js';

// The prediction must make the decisions the e2e suites' fake kube-scheduler makes. Generated clusters
// (labels, taints, cordons, pod limits, GPUs, pods already bound, finished pods) and generated pods
// (requests, limits only, init containers, overhead, selectors, tolerations, affinity), both sides fed
// the same raw objects: every pod must land on the same node, or fail with the same message.

type Obj = Record<string, any>;

/** Deterministic: a failing seed can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
const GPU_TAINT = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

function generate(seed: number) {
  const r = random(seed);
  const nodes: Obj[] = [];
  for (let i = 0; i < r.int(2, 6); i++) {
    const name = NAMES[i]!;
    const gpu = r.chance(0.35);
    const cpu = r.pick(['4', '8', '16', '3500m']);
    const taints: Obj[] = [];
    if (gpu && r.chance(0.6)) taints.push(GPU_TAINT);
    if (r.chance(0.15)) taints.push({ key: 'dedicated', value: 'infra', effect: 'NoExecute' });
    if (r.chance(0.2)) taints.push({ key: 'spot', value: 'true', effect: 'PreferNoSchedule' });
    nodes.push({
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          zone: r.pick(['a', 'b', 'c']),
          cores: String(parseInt(cpu, 10) >= 100 ? 3 : parseInt(cpu, 10)),
          ...(gpu ? { accelerator: r.pick(['a100', 't4']) } : {}),
        },
      },
      spec: { taints, unschedulable: r.chance(0.1) },
      status: {
        allocatable: {
          cpu,
          memory: r.pick(['8Gi', '16Gi', '32Gi', '64Gi']),
          pods: r.pick(['110', '110', '4']),
          ...(gpu ? { 'nvidia.com/gpu': r.pick(['1', '2', '4']) } : {}),
        },
      },
    });
  }
  const container = (gpu: boolean): Obj => {
    const requests = { cpu: r.pick(['100m', '250m', '500m', '1', '2', '3']), memory: r.pick(['128Mi', '512Mi', '1Gi', '4Gi', '6Gi']) };
    if (r.chance(0.15)) return { name: 'c', resources: { limits: { ...requests, ...(gpu ? { 'nvidia.com/gpu': '1' } : {}) } } }; // requests default from limits
    if (r.chance(0.1)) return { name: 'c' }; // no resources at all
    return { name: 'c', resources: { requests, ...(gpu ? { limits: { 'nvidia.com/gpu': '1' } } : {}) } };
  };
  const bound: Obj[] = [];
  for (let i = 0; i < r.int(0, 8); i++) {
    bound.push({
      metadata: { name: `old-${i}`, namespace: 'x' },
      spec: { nodeName: r.pick(nodes).metadata.name, containers: [container(false)] },
      status: { phase: r.pick(['Running', 'Running', 'Pending', 'Succeeded', 'Failed']) },
    });
  }
  const fresh: Obj[] = [];
  for (let i = 0; i < r.int(4, 12); i++) {
    const gpu = r.chance(0.3);
    const spec: Obj = { containers: [container(gpu), ...(r.chance(0.3) ? [container(false)] : [])] };
    if (r.chance(0.2)) spec.initContainers = [{ name: 'init', resources: { requests: { cpu: r.pick(['1', '4']), memory: '256Mi' } } }];
    if (r.chance(0.1)) spec.overhead = { cpu: '100m', memory: '64Mi' };
    if (r.chance(0.3)) spec.nodeSelector = { zone: r.pick(['a', 'b']) };
    if (gpu && r.chance(0.5)) spec.nodeSelector = { ...spec.nodeSelector, accelerator: r.pick(['a100', 't4']) };
    const tolerations: Obj[] = [];
    if (gpu || r.chance(0.2)) tolerations.push({ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
    if (r.chance(0.15)) tolerations.push({ key: 'dedicated', operator: 'Equal', value: 'infra' });
    if (r.chance(0.05)) tolerations.push({ operator: 'Exists' });
    if (r.chance(0.1)) tolerations.push({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
    if (tolerations.length > 0) spec.tolerations = tolerations;
    if (r.chance(0.3)) {
      const terms = r.pick<Obj[]>([
        [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'c'] }] }],
        [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }, { matchExpressions: [{ key: 'accelerator', operator: 'Exists' }] }],
        [
          {
            matchExpressions: [
              { key: 'zone', operator: 'NotIn', values: ['b'] },
              { key: 'accelerator', operator: 'DoesNotExist' },
            ],
          },
        ],
        [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['alpha', 'charlie'] }] }],
        [{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['16'] }] }],
      ]);
      spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
    }
    fresh.push({ metadata: { name: `new-${i}`, namespace: 'ml' }, spec, status: { phase: 'Pending' } });
  }
  return { nodes, bound, fresh };
}

/** The harness's kubelet loop, in short: used = bound unfinished pods; then pods one by one in order. */
function harness(nodes: Obj[], bound: Obj[], fresh: Obj[]) {
  const views = nodes.map(nodeView).sort((a, b) => a.name.localeCompare(b.name));
  const used = new Map<string, ResourceList>();
  const charge = (node: string, pod: Obj) => {
    const u = used.get(node) ?? new Map();
    addInto(u, podRequests(pod));
    used.set(node, u);
  };
  for (const p of bound) if (p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed') charge(p.spec.nodeName, p);
  const placed: (string | undefined)[] = fresh.map((pod) => {
    const result = schedule(pod, views, used);
    if (result.node !== undefined) charge(result.node, pod);
    return result.node;
  });
  // What a still-pending pod's condition ends up saying: its last attempt, against the final state.
  const messages = fresh.map((pod, i) => {
    if (placed[i] !== undefined) return undefined;
    const result = schedule(pod, views, used);
    return result.node === undefined ? result.message.replace(/ preemption: .*$/, '') : `placed on retry: ${result.node}`;
  });
  return { placed, messages };
}

function prediction(nodes: Obj[], bound: Obj[], fresh: Obj[]) {
  const pods = fresh.map((p, i) => podShapeOf(p.spec, `pod-${i}`, 1));
  const [result] = checkFit({ nodes: nodeStatesFrom(nodes, bound), quotas: [], demands: [{ id: 'ml/svc', namespace: 'ml', pods }] });
  const byRole = new Map(result!.placed.map((p) => [p.role, p.node]));
  const messages = new Map(result!.shortfalls.map((s) => [s.role, s.scheduler]));
  return { placed: fresh.map((_, i) => byRole.get(`pod-${i}`)), messages: fresh.map((_, i) => messages.get(`pod-${i}`)) };
}

describe('agrees with the harness scheduler', () => {
  const seeds = Array.from({ length: 60 }, (_, i) => 1000 + i * 7919);

  it.each(seeds)('seed %i', (seed) => {
    const { nodes, bound, fresh } = generate(seed);
    expect(prediction(nodes, bound, fresh)).toEqual(harness(nodes, bound, fresh));
  });

  it('the generated cases cover both outcomes', () => {
    // guards the generator: a suite where everything fits (or nothing does) would prove little
    let placed = 0;
    let pending = 0;
    for (const seed of seeds) {
      const { nodes, bound, fresh } = generate(seed);
      for (const n of harness(nodes, bound, fresh).placed) n === undefined ? pending++ : placed++;
    }
    expect(placed).toBeGreaterThan(100);
    expect(pending).toBeGreaterThan(50);
  });
});
