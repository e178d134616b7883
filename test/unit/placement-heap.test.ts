/**
 * ShapePlacer (a heap over a run of identical pods) must place exactly as repeated scheduleOne + bind
 * does: same node for every pod, same point where none is left. Generated cases with ties (identical
 * nodes), selectors, taints, several resources and runs of up to 25 pods.
 */
import { describe, expect, it } from 'vitest';
import { bind, podCost, scheduleOne, ShapePlacer, type SimNode } from '../../src/placement/scheduler.js';
import type { PodShape } from '../../src/placement/types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function nodesFor(r: () => number): SimNode[] {
  const n = 1 + Math.floor(r() * 12);
  return Array.from({ length: n }, (_, i): SimNode => {
    const gpu = r() < 0.3;
    const identical = r() < 0.4; // many equal scores: the name decides
    const cpu = identical ? 16 : 4 + Math.floor(r() * 28);
    return {
      name: `node-${String.fromCharCode(97 + Math.floor(r() * 26))}${i}`,
      labels: gpu ? { accelerator: r() < 0.5 ? 'a100' : 'l4' } : ({} as Record<string, string>),
      taints: gpu && r() < 0.7 ? [{ key: 'gpu', effect: 'NoSchedule' }] : [],
      unschedulable: r() < 0.05,
      allocatable: { cpu, memory: cpu * 4 * 2 ** 30, pods: 3 + Math.floor(r() * 20), ...(gpu ? { 'nvidia.com/gpu': 1 + Math.floor(r() * 8) } : {}) } as Record<
        string,
        number
      >,
      requested: identical
        ? ({} as Record<string, number>)
        : { cpu: Math.floor(r() * cpu * 0.5), memory: Math.floor(r() * cpu * 2) * 2 ** 30, pods: Math.floor(r() * 3) },
    };
  });
}

function shapeFor(r: () => number): PodShape {
  const gpu = r() < 0.4;
  return {
    role: 'workers',
    count: 1 + Math.floor(r() * 25),
    requests: { cpu: 0.5 + Math.floor(r() * 8) / 2, memory: (1 + Math.floor(r() * 16)) * 2 ** 30, ...(gpu ? { 'nvidia.com/gpu': 1 } : {}) },
    limits: {},
    nodeSelector: gpu && r() < 0.5 ? { accelerator: 'a100' } : {},
    tolerations: gpu ? [{ key: 'gpu', operator: 'Exists' }] : [],
    requiredTerms: [],
  };
}

describe('ShapePlacer places a run of pods exactly as scheduleOne does', () => {
  it.each(Array.from({ length: 300 }, (_, i) => i))('case %i', (seed) => {
    const r = rng(seed + 1);
    const nodes = nodesFor(r);
    const shapes = [shapeFor(r), shapeFor(r)];
    const viaHeap = structuredClone(nodes);
    const viaScan = structuredClone(nodes);
    const heapOrder: (string | undefined)[] = [];
    const scanOrder: (string | undefined)[] = [];
    for (const shape of shapes) {
      const placer = new ShapePlacer(shape, viaHeap);
      for (let i = 0; i < shape.count; i++) heapOrder.push(placer.place()?.name);
      for (let i = 0; i < shape.count; i++) {
        const a = scheduleOne(shape, viaScan);
        if (a.node) bind(a.node, podCost(shape));
        scanOrder.push(a.node?.name);
      }
    }
    expect(heapOrder).toEqual(scanOrder);
    expect(viaHeap.map((n) => n.requested)).toEqual(viaScan.map((n) => n.requested));
  });
});
