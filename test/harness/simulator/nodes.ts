// Node objects with capacity/allocatable, so that capacity checks (ours and the product's) read something
// real. No kubelet runs on them: the simulator's kubelet plays every node.
import type { KubeObject, KubeRest } from '../kube/rest.js';
import { isConflict, isNotFound } from '../kube/rest.js';
import { R, collectionPath, objectPath } from '../kube/resources.js';

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeSpec {
  name: string;
  /** Capacity as Kubernetes quantities, e.g. { cpu: '16', memory: '64Gi', pods: '110', 'nvidia.com/gpu': '4' }. */
  capacity: Record<string, string>;
  /** Defaults to `capacity`. */
  allocatable?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: NodeTaint[];
  /** Cordoned (spec.unschedulable). */
  unschedulable?: boolean;
}

/** Three generous CPU nodes: room for several RayServices with a blue/green upgrade each. */
export const DEFAULT_NODES: readonly NodeSpec[] = [0, 1, 2].map((i) => ({
  name: `node-${i}`,
  capacity: { cpu: '16', memory: '64Gi', pods: '110', 'ephemeral-storage': '100Gi' },
}));

/** A GPU node spec, for tests of the double-capacity problem. */
export function gpuNode(name: string, gpus: number, extra: Partial<NodeSpec> = {}): NodeSpec {
  return {
    name,
    capacity: { cpu: '32', memory: '128Gi', pods: '110', 'ephemeral-storage': '100Gi', 'nvidia.com/gpu': String(gpus) },
    labels: { 'nvidia.com/gpu.present': 'true' },
    ...extra,
  };
}

export function nodeObject(spec: NodeSpec, internalIP: string, kubeletPort?: number): KubeObject {
  const now = new Date().toISOString();
  const cond = (type: string, status: string, reason: string) => ({ type, status, reason, lastHeartbeatTime: now, lastTransitionTime: now, message: '' });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'rayservice-rollout.test/simulated': 'true',
        ...spec.labels,
      },
    },
    spec: {
      taints: spec.taints ?? [],
      unschedulable: spec.unschedulable ?? false,
    },
    status: {
      capacity: spec.capacity,
      allocatable: spec.allocatable ?? spec.capacity,
      conditions: [
        cond('Ready', 'True', 'KubeletReady'),
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID'),
      ],
      addresses: [
        { type: 'InternalIP', address: internalIP },
        { type: 'Hostname', address: spec.name },
      ],
      // Where the apiserver calls the kubelet (pods/log): the simulator's kubelet endpoint (kubelet-server.ts).
      ...(kubeletPort ? { daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } } } : {}),
      nodeInfo: {
        kubeletVersion: 'v1.36.3',
        containerRuntimeVersion: 'simulated://1.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
        osImage: 'rayservice-rollout simulator',
        kernelVersion: '',
        kubeProxyVersion: '',
        machineID: '',
        systemUUID: '',
        bootID: '',
      },
    },
  };
}

/** Creates the node, or replaces spec, labels and status of an existing one of the same name. */
export async function upsertNode(rest: KubeRest, spec: NodeSpec, internalIP: string, kubeletPort?: number): Promise<void> {
  const desired = nodeObject(spec, internalIP, kubeletPort);
  let existing = await rest.getOrUndefined(objectPath(R.nodes, spec.name));
  if (!existing) {
    try {
      existing = await rest.request('POST', collectionPath(R.nodes), { body: desired });
    } catch (e) {
      if (!isConflict(e)) throw e;
      existing = await rest.get(objectPath(R.nodes, spec.name));
    }
  } else {
    await rest.mergePatch(objectPath(R.nodes, spec.name), { metadata: { labels: desired.metadata.labels }, spec: desired.spec });
  }
  // Status is a subresource: whatever create kept of it, set it explicitly.
  await rest.mergePatch(objectPath(R.nodes, spec.name, undefined, 'status'), { status: desired.status });
}

export async function deleteNode(rest: KubeRest, name: string): Promise<void> {
  try {
    await rest.request('DELETE', objectPath(R.nodes, name));
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
