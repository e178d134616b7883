/**
 * Which accelerator a pod asks for: its extended resources (nvidia.com/gpu, google.com/tpu,
 * aws.amazon.com/neuron …) and the accelerator model its node selection pins, read from the node
 * labels that cloud providers and device plugins set. A GPU count without its model is half an
 * answer: 8 A100s and 8 T4s are not the same request to a capacity planner.
 */
import { isPlainObject } from '../util/objects.js';
import { podResources } from './capacity.js';

/** Node labels that name the accelerator model, most specific first. */
export const ACCELERATOR_LABELS: readonly string[] = [
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'nvidia.com/gpu.product',
  'karpenter.k8s.aws/instance-gpu-name',
  'k8s.amazonaws.com/accelerator',
  'accelerator',
  'node.kubernetes.io/instance-type',
];

export interface AcceleratorDemand {
  /** The extended resource, e.g. `nvidia.com/gpu`. */
  readonly resource: string;
  /** The model the pod's node selection pins (`a100-80gb`), when it pins one. */
  readonly accelerator?: string;
}

/** Resources the scheduler counts that are not CPU, memory, storage or pods: devices. */
export function isExtendedResource(name: string): boolean {
  return !['cpu', 'memory', 'pods', 'ephemeral-storage', 'storage'].includes(name) && !name.startsWith('hugepages-');
}

/** Each distinct (resource, accelerator) pair the head and worker groups request. */
export function acceleratorsOf(rayClusterConfig: Record<string, unknown>): AcceleratorDemand[] {
  const pods = [obj(rayClusterConfig.headGroupSpec), ...list(rayClusterConfig.workerGroupSpecs).map(obj)].map((g) => obj(obj(g.template).spec));
  const seen = new Map<string, AcceleratorDemand>();
  for (const pod of pods) {
    const accelerator = acceleratorOf(pod);
    for (const [resource, amount] of Object.entries(podResources(pod))) {
      if (!isExtendedResource(resource) || amount <= 0) continue;
      const demand = accelerator ? { resource, accelerator } : { resource };
      seen.set(`${resource}\n${accelerator ?? ''}`, demand);
    }
  }
  return [...seen.values()];
}

/** The model named by nodeSelector, else by a required node affinity `In` term. */
export function acceleratorOf(podSpec: Record<string, unknown>): string | undefined {
  const selector = obj(podSpec.nodeSelector);
  for (const label of ACCELERATOR_LABELS) if (typeof selector[label] === 'string' && selector[label] !== '') return selector[label] as string;
  const terms = list(obj(obj(obj(podSpec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
  for (const label of ACCELERATOR_LABELS) {
    const values = new Set<string>();
    for (const term of terms)
      for (const e of list(obj(term).matchExpressions).map(obj))
        if (e.key === label && e.operator === 'In') for (const v of list(e.values)) if (typeof v === 'string') values.add(v);
    if (values.size) return [...values].join(' or ');
  }
  return undefined;
}

function obj(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
