import { describe, expect, it } from 'vitest';
import { clusterSize, podResources } from '../../src/capacity/capacity.js';
import { storedSpec } from '../../src/kuberay/stored-spec.js';
import { plan } from '../../src/planner/plan.js';
import { rayService, set, workerGroup, type Obj } from '../fixtures/rayservice.js';

const GI = 1024 ** 3;
const MI = 1024 ** 2;

function pod(containers: Obj[], initContainers: Obj[] = [], extra: Obj = {}): Obj {
  return { containers, initContainers, ...extra };
}
const c = (requests?: Obj, limits?: Obj) => ({ name: 'c', image: 'i', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });

describe('pod scheduling cost', () => {
  it.each([
    ['requests summed over containers', pod([c({ cpu: '1', memory: '1Gi' }), c({ cpu: '500m', memory: '512Mi' })]), { cpu: 1.5, memory: 1.5 * GI }],
    [
      'limits stand in for missing requests, per resource',
      pod([c({ cpu: '1' }, { cpu: '2', memory: '2Gi', 'nvidia.com/gpu': '1' })]),
      { cpu: 1, memory: 2 * GI, 'nvidia.com/gpu': 1 },
    ],
    ['init containers: max with the sum', pod([c({ cpu: '1', memory: '1Gi' })], [c({ cpu: '4', memory: '100Mi' })]), { cpu: 4, memory: GI }],
    ['native sidecars add up', pod([c({ cpu: '1' })], [{ ...c({ cpu: '250m' }), restartPolicy: 'Always' }]), { cpu: 1.25 }],
    ['pod overhead', pod([c({ cpu: '1' })], [], { overhead: { cpu: '100m' } }), { cpu: 1.1 }],
    [
      'extended resources counted',
      pod([c({ 'google.com/tpu': '4', 'amd.com/gpu': 2, 'ephemeral-storage': '10Gi' })]),
      { 'amd.com/gpu': 2, 'ephemeral-storage': 10 * GI, 'google.com/tpu': 4 },
    ],
  ])('%s', (_n, spec, expected) => {
    expect(podResources(spec)).toEqual(expected);
  });
});

function size(mutate: (rs: Obj) => void, atMin = false) {
  const rs = rayService(mutate);
  const spec = storedSpec(rs.spec, '1.7');
  return clusterSize(spec.rayClusterConfig as Obj, { atMinReplicas: atMin }).total;
}

describe('cluster size', () => {
  // The fixture: head 1 CPU / 2Gi, one group of 1 × (1 CPU / 2Gi), min 1, max 3.
  it.each<[string, (rs: Obj) => void, boolean, Obj]>([
    ['head + replicas', () => {}, false, { cpu: 2, memory: 4 * GI, pods: 2 }],
    [
      'replicas clamped up to minReplicas',
      (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 0, minReplicas: 2 }),
      false,
      { cpu: 3, memory: 6 * GI, pods: 3 },
    ],
    [
      'replicas clamped down to maxReplicas',
      (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 9, maxReplicas: 4 }),
      false,
      { cpu: 5, memory: 10 * GI, pods: 5 },
    ],
    [
      'numOfHosts multiplies pods',
      (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 2, numOfHosts: 4 }),
      false,
      { cpu: 9, memory: 18 * GI, pods: 9 },
    ],
    [
      'autoscaler sidecar, default 500m/512Mi',
      (rs) => (rs.spec.rayClusterConfig.enableInTreeAutoscaling = true),
      false,
      { cpu: 2.5, memory: 4 * GI + 512 * MI, pods: 2 },
    ],
    [
      'autoscaler sidecar from autoscalerOptions.resources',
      (rs) =>
        Object.assign(rs.spec.rayClusterConfig, { enableInTreeAutoscaling: true, autoscalerOptions: { resources: { limits: { cpu: '1', memory: '1Gi' } } } }),
      false,
      { cpu: 3, memory: 5 * GI, pods: 2 },
    ],
    [
      'incremental: new cluster at minReplicas',
      (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 3, minReplicas: 0 }),
      true,
      { cpu: 1, memory: 2 * GI, pods: 1 },
    ],
    ['suspended worker group', (rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].suspend = true), false, { cpu: 1, memory: 2 * GI, pods: 1 }],
    ['suspended cluster', (rs) => (rs.spec.rayClusterConfig.suspend = true), false, { pods: 0 }],
    ['replicas absent: minReplicas', (rs) => delete rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas, false, { cpu: 2, memory: 4 * GI, pods: 2 }],
  ])('%s', (_n, mutate, atMin, expected) => {
    expect(size(mutate, atMin)).toEqual(expected);
  });
});

describe('capacity of a plan', () => {
  it('blue/green holds old + new at peak', () => {
    const base = rayService();
    const head = rayService((rs) => {
      rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = 'x:2';
      rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 2;
    });
    const cap = plan(set([base]), set([head])).services[0]!.capacity;
    expect(cap).toEqual({
      strategy: 'NewCluster',
      current: { cpu: 2, memory: 4 * GI, pods: 2 },
      new: { cpu: 3, memory: 6 * GI, pods: 3 },
      peak: { cpu: 5, memory: 10 * GI, pods: 5 },
    });
  });

  it('an append grows the running cluster; peak is the larger', () => {
    const head = rayService((rs) =>
      rs.spec.rayClusterConfig.workerGroupSpecs.push(
        workerGroup('gpu', { template: { spec: { containers: [c({ cpu: '4', 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' })] } } }),
      ),
    );
    const cap = plan(set([rayService()]), set([head])).services[0]!.capacity;
    // The appended worker gets the operator's wait-gcs-ready init container (200m, 256Mi): its memory counts.
    expect(cap.new).toEqual({ cpu: 6, memory: 4 * GI + 256 * 1024 * 1024, 'nvidia.com/gpu': 1, pods: 3 });
    expect(cap.peak).toEqual(cap.new);
  });

  it('an ignored replicas change leaves the running size', () => {
    const head = rayService((rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 3));
    const cap = plan(set([rayService()]), set([head])).services[0]!.capacity;
    expect(cap.new).toEqual(cap.current);
    expect(cap.peak).toEqual(cap.current);
  });
});
