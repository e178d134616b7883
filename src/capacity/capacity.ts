/**
 * What a RayCluster asks of the scheduler, from its (stored) RayService spec.
 *
 * Per pod: Σ containers' requests, each resource falling back to its limit (as the API server
 * defaults requests from limits), then the max with each init container, plus the pod overhead;
 * the head also carries the autoscaler sidecar when in-tree autoscaling is on, and each worker the
 * operator's `wait-gcs-ready` init container (kuberay/pod-additions.ts). Per worker group:
 * clamp(replicas, minReplicas, maxReplicas) × numOfHosts pods (0 when the group or the cluster
 * is suspended). KubeRay's own status.desired* fields leave the sidecar out; the scheduler does not.
 */
import { workerPodAsBuilt } from '../kuberay/pod-additions.js';
import { parseQuantity, quantityToNumber } from '../quantity/quantity.js';
import { isPlainObject } from '../util/objects.js';

/** Resource name → amount in base units (cores, bytes, counts), plus `pods`. */
export type ResourceFigures = Record<string, number>;

/** KubeRay's default autoscaler sidecar resources (requests = limits). */
export const DEFAULT_AUTOSCALER_RESOURCES: ResourceFigures = { cpu: 0.5, memory: 512 * 1024 * 1024 };

export interface ClusterSize {
  readonly total: ResourceFigures;
  readonly head: ResourceFigures;
  readonly groups: readonly { name: string; pods: number; perPod: ResourceFigures }[];
}

export interface SizeOptions {
  /** Start every worker group at minReplicas (an incremental upgrade's new cluster). */
  readonly atMinReplicas?: boolean;
  /** The operator injects the wait-gcs-ready init container into workers (ENABLE_INIT_CONTAINER_INJECTION; default: yes). */
  readonly initContainerInjection?: boolean;
}

export function clusterSize(rayClusterConfig: Record<string, unknown>, options: SizeOptions = {}): ClusterSize {
  const suspended = rayClusterConfig.suspend === true;
  const headSpec = obj(obj(obj(rayClusterConfig.headGroupSpec).template).spec);
  const head = podResources(headSpec);
  if (rayClusterConfig.enableInTreeAutoscaling === true) {
    addInto(head, autoscalerResources(obj(rayClusterConfig.autoscalerOptions)));
  }
  const total: ResourceFigures = {};
  if (!suspended) {
    addInto(total, head);
    total.pods = 1;
  }
  const groups = (Array.isArray(rayClusterConfig.workerGroupSpecs) ? rayClusterConfig.workerGroupSpecs : []).map((g: unknown) => {
    const group = obj(g);
    const perPod = podResources(workerPodAsBuilt(obj(obj(group.template).spec), options.initContainerInjection !== false));
    const pods = suspended || group.suspend === true ? 0 : workerPods(group, options.atMinReplicas === true);
    if (pods > 0) addInto(total, perPod, pods);
    total.pods = (total.pods ?? 0) + pods;
    return { name: String(group.groupName ?? ''), pods, perPod };
  });
  if (total.pods === undefined) total.pods = 0;
  return { total: tidy(total), head: tidy(head), groups };
}

/** Pods of one worker group: clamp(replicas, min, max) × numOfHosts (ignores suspension). */
export function workerPods(group: Record<string, unknown>, atMin: boolean): number {
  const min = int(group.minReplicas, 0);
  const max = int(group.maxReplicas, 2147483647);
  const replicas = atMin ? min : int(group.replicas, min);
  const clamped = Math.min(Math.max(replicas, min), Math.max(max, min));
  return clamped * Math.max(int(group.numOfHosts, 1), 1);
}

/** Scheduling cost of one pod. */
export function podResources(podSpec: Record<string, unknown>): ResourceFigures {
  const sum: ResourceFigures = {};
  for (const c of list(podSpec.containers)) addInto(sum, containerResources(obj(c)));
  for (const c of list(podSpec.initContainers)) {
    const init = containerResources(obj(c));
    if (obj(c).restartPolicy === 'Always') {
      addInto(sum, init); // a native sidecar runs beside the main containers
      continue;
    }
    for (const [k, v] of Object.entries(init)) sum[k] = Math.max(sum[k] ?? 0, v);
  }
  addInto(sum, quantities(obj(podSpec.overhead)));
  return sum;
}

function containerResources(container: Record<string, unknown>): ResourceFigures {
  const resources = obj(container.resources);
  return { ...quantities(obj(resources.limits)), ...quantities(obj(resources.requests)) };
}

/** Requests of the autoscaler sidecar KubeRay adds to the head when in-tree autoscaling is on. */
export function autoscalerResources(options: Record<string, unknown>): ResourceFigures {
  const resources = obj(options.resources);
  if (!isPlainObject(options.resources)) return { ...DEFAULT_AUTOSCALER_RESOURCES };
  return { ...quantities(obj(resources.limits)), ...quantities(obj(resources.requests)) };
}

/** A ResourceList (`{cpu: '500m'}`) in base units. Throws QuantityError on a malformed quantity. */
export function quantities(m: Record<string, unknown>): ResourceFigures {
  const out: ResourceFigures = {};
  for (const [k, v] of Object.entries(m)) out[k] = quantityToNumber(parseQuantity(v));
  return out;
}

export function addInto(target: ResourceFigures, add: ResourceFigures, times = 1): ResourceFigures {
  for (const [k, v] of Object.entries(add)) target[k] = (target[k] ?? 0) + v * times;
  return target;
}

export function sumFigures(a: ResourceFigures, b: ResourceFigures): ResourceFigures {
  return tidy(addInto(addInto({}, a), b));
}

export function maxFigures(a: ResourceFigures, b: ResourceFigures): ResourceFigures {
  const out: ResourceFigures = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return tidy(out);
}

/** Sorted keys (cpu, memory first) and no float noise (0.1 + 0.2). */
function tidy(f: ResourceFigures): ResourceFigures {
  const order = (k: string) => (k === 'cpu' ? 0 : k === 'memory' ? 1 : k === 'pods' ? 3 : 2);
  const out: ResourceFigures = {};
  for (const k of Object.keys(f).sort((x, y) => order(x) - order(y) || x.localeCompare(y))) {
    out[k] = Math.round(f[k]! * 1e9) / 1e9;
  }
  return out;
}

function obj(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function int(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}
