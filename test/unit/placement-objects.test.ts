import { describe, expect, it } from 'vitest';
import { clusterSize } from '../../src/capacity/capacity.js';
import { storedSpec } from '../../src/kuberay/stored-spec.js';
import { groupOfNode, parseAutoscalerStatus } from '../../src/placement/autoscaler-status.js';
import { formatAmount } from '../../src/placement/format.js';
import { nodeGroupsFrom, nodeStatesFrom, podShapesOf, quotaStatesFrom } from '../../src/placement/from-objects.js';
import { rayService, workerGroup, type Obj } from '../fixtures/rayservice.js';

const GI = 2 ** 30;
const MI = 2 ** 20;

const container = (requests?: Obj, limits?: Obj) => ({
  name: 'c',
  image: 'i',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});
const podOn = (nodeName: string | undefined, resources: Obj, extra: { phase?: string; deleting?: boolean; daemonSet?: boolean } = {}): Obj => ({
  metadata: {
    name: 'p',
    namespace: 'default',
    ...(extra.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    ...(extra.daemonSet ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds', uid: 'u' }] } : {}),
  },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [container(resources.requests, resources.limits)] },
  status: { phase: extra.phase ?? 'Running' },
});

describe('nodeStatesFrom', () => {
  const nodes = [
    {
      metadata: { name: 'n1', labels: { zone: 'a' } },
      spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }], unschedulable: true },
      status: { allocatable: { cpu: '3900m', memory: '15Gi', pods: '110', 'nvidia.com/gpu': '1' }, capacity: { cpu: '4' } },
    },
    // no allocatable reported: capacity stands in
    { metadata: { name: 'n2' }, spec: {}, status: { capacity: { cpu: '2', memory: '8Gi', pods: '10' } } },
  ];
  const pods = [
    podOn('n1', { requests: { cpu: '500m', memory: '1Gi' } }), // running: counted
    podOn('n1', { requests: { cpu: '1', memory: '1Gi' } }, { phase: 'Succeeded' }), // finished: room given back
    podOn('n1', { requests: { cpu: '1' } }, { phase: 'Failed' }), // finished: room given back
    podOn('n1', { requests: { cpu: '250m' } }, { deleting: true }), // terminating: still holds its room
    podOn('n1', { requests: { cpu: '100m', memory: '128Mi' } }, { daemonSet: true }), // counted, and a DaemonSet share
    podOn(undefined, { requests: { cpu: '8' } }, { phase: 'Pending' }), // not bound: on no node
    podOn('n2', { limits: { cpu: '1' } }, { phase: 'Pending' }), // bound but not started: counted; requests default from limits
    podOn('gone', { requests: { cpu: '1' } }), // a node not listed
  ];

  it('counts bound, unfinished pods per node; DaemonSet pods also apart', () => {
    const [n1, n2] = nodeStatesFrom(nodes, pods);
    expect(n1).toMatchObject({
      name: 'n1',
      labels: { zone: 'a' },
      taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
      unschedulable: true,
      allocatable: { cpu: 3.9, memory: 15 * GI, pods: 110, 'nvidia.com/gpu': 1 },
      daemonSetRequested: { cpu: 0.1, memory: 128 * MI, pods: 1 },
    });
    // 500m + 250m + 100m; 1Gi + 128Mi; three pods
    expect(n1!.requested.cpu).toBeCloseTo(0.85, 9);
    expect(n1!.requested.memory).toBe(GI + 128 * MI);
    expect(n1!.requested.pods).toBe(3);
    expect(n2).toEqual({
      name: 'n2',
      labels: {},
      taints: [],
      unschedulable: false,
      allocatable: { cpu: 2, memory: 8 * GI, pods: 10 },
      requested: { cpu: 1, pods: 1 },
    });
  });
});

describe('quotaStatesFrom', () => {
  it.each<[string, Obj, Obj]>([
    // status.hard is what the quota controller enforces; used parsed
    [
      'status',
      {
        metadata: { name: 'q', namespace: 'ml' },
        spec: { hard: { 'requests.cpu': '99' } },
        status: { hard: { 'requests.cpu': '8', 'requests.memory': '32Gi' }, used: { 'requests.cpu': '1500m' } },
      },
      { namespace: 'ml', name: 'q', hard: { 'requests.cpu': 8, 'requests.memory': 32 * GI }, used: { 'requests.cpu': 1.5 }, scopes: [] },
    ],
    // freshly created, no status yet: spec.hard, nothing used
    [
      'spec fallback',
      {
        metadata: { name: 'q', namespace: 'ml' },
        spec: {
          hard: { pods: '10' },
          scopes: ['NotTerminating'],
          scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] },
        },
      },
      {
        namespace: 'ml',
        name: 'q',
        hard: { pods: 10 },
        used: {},
        scopes: ['NotTerminating'],
        scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] },
      },
    ],
  ])('%s', (_n, raw, expected) => {
    expect(quotaStatesFrom([raw])).toEqual([expected]);
  });
});

describe('podShapesOf', () => {
  const config = (mutate: (rs: Obj) => void = () => {}) => storedSpec(rayService(mutate).spec, '1.7').rayClusterConfig as Obj;

  // The same specs as the capacity tests: shapes must add up to clusterSize's totals.
  it.each<[string, (rs: Obj) => void, boolean]>([
    ['head + replicas', () => {}, false],
    ['replicas clamped up to minReplicas', (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 0, minReplicas: 2 }), false],
    ['replicas clamped down to maxReplicas', (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 9, maxReplicas: 4 }), false],
    ['numOfHosts multiplies pods', (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 2, numOfHosts: 4 }), false],
    ['autoscaler sidecar', (rs) => (rs.spec.rayClusterConfig.enableInTreeAutoscaling = true), false],
    ['incremental: at minReplicas', (rs) => Object.assign(rs.spec.rayClusterConfig.workerGroupSpecs[0], { replicas: 3, minReplicas: 0 }), true],
    ['suspended group', (rs) => (rs.spec.rayClusterConfig.workerGroupSpecs[0].suspend = true), false],
    ['suspended cluster', (rs) => (rs.spec.rayClusterConfig.suspend = true), false],
    [
      'two groups, one with GPUs',
      (rs) =>
        rs.spec.rayClusterConfig.workerGroupSpecs.push(
          workerGroup('gpu', { replicas: 2, template: { spec: { containers: [container({ cpu: '4', memory: '16Gi' }, { 'nvidia.com/gpu': '1' })] } } }),
        ),
      false,
    ],
  ])('agrees with clusterSize: %s', (_n, mutate, atMin) => {
    const spec = config(mutate);
    const size = clusterSize(spec, { atMinReplicas: atMin });
    const shapes = podShapesOf(spec, { atMinReplicas: atMin });
    expect(shapes.reduce((n, s) => n + s.count, 0)).toBe(size.total.pods);
    const sum: Obj = {};
    for (const s of shapes) for (const [k, v] of Object.entries(s.requests)) sum[k] = (sum[k] ?? 0) + v * s.count;
    for (const [k, v] of Object.entries(size.total)) if (k !== 'pods') expect(sum[k]).toBeCloseTo(v as number, 9);
    for (const g of size.groups) {
      const s = shapes.find((x) => x.role === g.name);
      expect(s?.count ?? 0).toBe(g.pods);
      if (s) expect(s.requests).toEqual(g.perPod);
    }
  });

  const rich = () =>
    config((rs) => {
      const rc = rs.spec.rayClusterConfig;
      rc.enableInTreeAutoscaling = true;
      Object.assign(rc.headGroupSpec.template.spec, { nodeSelector: { pool: 'cpu' }, priorityClassName: 'high' });
      rc.workerGroupSpecs.push(
        workerGroup('gpu', {
          replicas: 2,
          numOfHosts: 2,
          template: {
            spec: {
              containers: [container({ cpu: '4', memory: '16Gi' }, { cpu: '8', memory: '16Gi', 'nvidia.com/gpu': '1' })],
              tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [{ matchExpressions: [{ key: 'accelerator', operator: 'In', values: ['a100'] }] }],
                  },
                },
              },
            },
          },
        }),
      );
    });

  it('reads constraints, limits and the autoscaler sidecar', () => {
    const [head, workers, gpu] = podShapesOf(rich());
    // head: 1 cpu/2Gi + sidecar 500m/512Mi, requests = limits
    expect(head).toEqual({
      role: 'head',
      count: 1,
      requests: { cpu: 1.5, memory: 2 * GI + 512 * MI },
      limits: { cpu: 1.5, memory: 2 * GI + 512 * MI },
      nodeSelector: { pool: 'cpu' },
      tolerations: [],
      requiredTerms: [],
      priorityClassName: 'high',
    });
    expect(workers).toMatchObject({ role: 'workers', count: 1 });
    // 2 replicas × 2 hosts; the GPU request defaults from its limit
    expect(gpu).toEqual({
      role: 'gpu',
      count: 4,
      requests: { cpu: 4, memory: 16 * GI, 'nvidia.com/gpu': 1 },
      limits: { cpu: 8, memory: 16 * GI, 'nvidia.com/gpu': 1 },
      nodeSelector: {},
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      requiredTerms: [{ matchExpressions: [{ key: 'accelerator', operator: 'In', values: ['a100'] }] }],
    });
  });

  it.each<[string, Parameters<typeof podShapesOf>[1], string[]]>([
    // appended groups only: no head
    ['onlyGroups', { onlyGroups: ['gpu'] }, ['gpu']],
    // unless asked for
    ['onlyGroups with head', { onlyGroups: ['gpu'], withHead: true }, ['head', 'gpu']],
    // without the head
    ['withHead false', { withHead: false }, ['workers', 'gpu']],
  ])('%s', (_n, opts, roles) => {
    expect(podShapesOf(rich(), opts).map((s) => s.role)).toEqual(roles);
  });
});

describe('cluster-autoscaler status', () => {
  // cluster-autoscaler ≥ 1.30: the `status` key holds YAML
  const yamlStatus = `time: 2026-03-01 10:00:00.000000000 +0000 UTC
autoscalerStatus: Running
clusterWide:
  health:
    status: Healthy
nodeGroups:
- name: eks-workers-2c1f9d3b-a8e2-4f11-9c3e-8b7a6d5e4f30
  health:
    status: Healthy
    nodeCounts:
      registered:
        total: 3
        ready: 3
    cloudProviderTarget: 3
    minSize: 1
    maxSize: 10
- name: eks-gpu-7a8b9c0d-1111-2222-3333-444455556666
  health:
    status: Healthy
    nodeCounts:
      registered:
        total: 1
    cloudProviderTarget: 2
    minSize: 0
    maxSize: 4
- name: eks-gpu-large-9c0d1e2f-1111-2222-3333-444455556666
  health:
    cloudProviderTarget: 0
    minSize: 0
    maxSize: 2
`;
  // older releases: human-readable text
  const textStatus = `Cluster-autoscaler status at 2023-03-27 10:38:18.722053187 +0000 UTC:
Cluster-wide:
  Health:      Healthy (ready=5 unready=0 (resourceUnready=0) notStarted=0 longNotStarted=0 registered=5 longUnregistered=0)
               LastProbeTime:      2023-03-27 10:38:18.722053187 +0000 UTC
  ScaleUp:     NoActivity (ready=5 registered=5)
  ScaleDown:   NoCandidates (candidates=0)

NodeGroups:
  Name:        nodepool1
  Health:      Healthy (ready=1 unready=0 notStarted=0 longNotStarted=0 registered=1 longUnregistered=0 cloudProviderTarget=1 (minSize=1, maxSize=5))
               LastProbeTime:      2023-03-27 10:38:18.722053187 +0000 UTC
  ScaleUp:     NoActivity (ready=1 cloudProviderTarget=1)
  ScaleDown:   NoCandidates (candidates=0)

  Name:        https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/instanceGroups/gke-prod-gpu-pool-1a2b3c4d-grp
  Health:      Healthy (ready=2 unready=0 (resourceUnready=0) notStarted=0 longNotStarted=0 registered=2 longUnregistered=0 cloudProviderTarget=2 (minSize=0, maxSize=6))
  ScaleUp:     NoActivity (ready=2 cloudProviderTarget=2)

  Name:        https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-b/instanceGroups/gke-prod-gpu-pool-5e6f7a8b-grp
  Health:      Healthy (ready=2 unready=0 notStarted=0 longNotStarted=0 registered=2 longUnregistered=0 cloudProviderTarget=2 (minSize=0, maxSize=6))
`;
  const node = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels } });
  const cm = (status: string) => ({ metadata: { name: 'cluster-autoscaler-status', namespace: 'kube-system' }, data: { status } });

  it('YAML format: sizes, and nodes by their node-group label', () => {
    const nodes = [
      node('ip-1', { 'eks.amazonaws.com/nodegroup': 'workers' }), // "workers" is a segment run of eks-workers-<id>
      node('ip-2', { 'eks.amazonaws.com/nodegroup': 'gpu' }), // both gpu groups contain "gpu": the one with fewer segments
      node('ip-3', { 'eks.amazonaws.com/nodegroup': 'gpu-large' }), // only eks-gpu-large-<id>
      node('ip-4', {}), // no pool label: unknown
    ];
    expect(nodeGroupsFrom(cm(yamlStatus), nodes)).toEqual([
      { name: 'eks-workers-2c1f9d3b-a8e2-4f11-9c3e-8b7a6d5e4f30', minSize: 1, maxSize: 10, currentSize: 3, nodeNames: ['ip-1'] },
      // cloudProviderTarget (2) is the size being steered to, not the 1 registered
      { name: 'eks-gpu-7a8b9c0d-1111-2222-3333-444455556666', minSize: 0, maxSize: 4, currentSize: 2, nodeNames: ['ip-2'] },
      { name: 'eks-gpu-large-9c0d1e2f-1111-2222-3333-444455556666', minSize: 0, maxSize: 2, currentSize: 0, nodeNames: ['ip-3'] },
    ]);
  });

  it('text format: sizes, exact names, and zonal groups told apart by the zone label', () => {
    const nodes = [
      node('aks-1', { agentpool: 'nodepool1', 'kubernetes.azure.com/agentpool': 'nodepool1' }), // equal to the group name
      node('gke-a', { 'cloud.google.com/gke-nodepool': 'gpu-pool', 'topology.kubernetes.io/zone': 'us-central1-a' }),
      node('gke-b', { 'cloud.google.com/gke-nodepool': 'gpu-pool', 'topology.kubernetes.io/zone': 'us-central1-b' }),
    ];
    expect(nodeGroupsFrom(cm(textStatus), nodes)).toEqual([
      { name: 'nodepool1', minSize: 1, maxSize: 5, currentSize: 1, nodeNames: ['aks-1'] },
      {
        name: 'https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/instanceGroups/gke-prod-gpu-pool-1a2b3c4d-grp',
        minSize: 0,
        maxSize: 6,
        currentSize: 2,
        nodeNames: ['gke-a'],
      },
      {
        name: 'https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-b/instanceGroups/gke-prod-gpu-pool-5e6f7a8b-grp',
        minSize: 0,
        maxSize: 6,
        currentSize: 2,
        nodeNames: ['gke-b'],
      },
    ]);
  });

  it.each<[string, object | undefined, undefined | []]>([
    ['ConfigMap absent', undefined, undefined],
    ['no status key', { data: {} }, undefined],
    ['not YAML', cm('nodeGroups: [unclosed'), undefined],
    ['YAML of something else', cm('hello: world\n'), undefined],
    // the autoscaler runs but lists no groups (yet)
    ['YAML, no groups', cm('autoscalerStatus: Initializing\n'), []],
    ['text, cluster-wide only', cm('Cluster-autoscaler status at 2023-03-27 10:38:18 +0000 UTC:\nCluster-wide:\n  Health:      Healthy (ready=1)\n'), []],
  ])('%s', (_n, configMap, expected) => {
    expect(nodeGroupsFrom(configMap, [])).toEqual(expected);
  });

  it.each<[string, Record<string, string>, string[], string | undefined]>([
    // a value that is only part of a segment does not match
    ['partial segment', { 'eks.amazonaws.com/nodegroup': 'gp' }, ['eks-gpu-aaa'], undefined],
    // two equally specific candidates and no zone to decide: unknown rather than a guess
    ['ambiguous', { 'eks.amazonaws.com/nodegroup': 'gpu' }, ['eks-gpu-aaa', 'eks-gpu-bbb'], undefined],
    // Karpenter pool label, exact
    ['karpenter', { 'karpenter.sh/nodepool': 'default' }, ['default'], 'default'],
  ])('groupOfNode: %s', (_n, labels, groups, expected) => {
    expect(groupOfNode(labels, groups)).toBe(expected);
  });

  it('reads registered when the text has no cloudProviderTarget', () => {
    expect(parseAutoscalerStatus('NodeGroups:\n  Name:        g\n  Health:      Healthy (ready=2 registered=2 (minSize=1, maxSize=3))\n')).toEqual([
      { name: 'g', minSize: 1, maxSize: 3, currentSize: 2 },
    ]);
  });
});

describe('formatAmount', () => {
  it.each<[string, number, string]>([
    ['cpu', 8, '8'], // whole cores
    ['cpu', 0.5, '500m'], // below a core: millicores
    ['cpu', 1.5, '1.5'], // above: cores with decimals
    ['cpu', 0.1 + 0.2, '300m'], // float noise rounded to the millicore
    ['memory', 32 * GI, '32Gi'],
    ['memory', 1.5 * GI, '1.5Gi'],
    ['memory', 512 * MI, '512Mi'],
    ['memory', 2 ** 40, '1Ti'],
    ['memory', 100, '100'], // bytes
    ['requests.memory', 8 * GI, '8Gi'], // quota names carry their prefix
    ['limits.cpu', 0.25, '250m'],
    ['ephemeral-storage', 10 * GI, '10Gi'],
    ['hugepages-2Mi', 4 * MI, '4Mi'],
    ['nvidia.com/gpu', 2, '2'], // counts
    ['pods', 110, '110'],
    ['cpu', -2, '-2'], // a deficit
  ])('%s %d → %s', (resource, n, expected) => {
    expect(formatAmount(resource, n)).toBe(expected);
  });
});
