/**
 * From API objects (plain JSON as the API server returns them) to the figures the simulation reads.
 * Pure: the caller lists nodes, pods, quotas and the autoscaler status; nothing here talks to a cluster.
 */
import { workerPodAsBuilt } from '../kuberay/pod-additions.js';
import {
  DEFAULT_AUTOSCALER_RESOURCES,
  addInto,
  autoscalerResources,
  podResources,
  quantities,
  workerPods,
  type ResourceFigures,
} from '../capacity/capacity.js';
import { parseQuantity, quantityToNumber } from '../quantity/quantity.js';
import { asList as list, asMap as obj, type KubeObject, stringMap } from '../util/kube-object.js';
import { isPlainObject } from '../util/objects.js';
import type { NodeSelectorTerm, NodeState, PodShape, QuotaState, Taint, Toleration } from './types.js';

export { nodeGroupsFrom } from './autoscaler-status.js';

/** Pods, nodes and quotas as far as this module reads them: their spec and status are narrowed field by field. */
type Obj = KubeObject<Record<string, unknown>, Record<string, unknown>>;

/**
 * Each node's allocatable and what the pods bound to it already request. Pods that have finished
 * (Succeeded/Failed) free their room; terminating ones (deletionTimestamp set) still hold it until
 * they are gone, as the scheduler counts them.
 */
export function nodeStatesFrom(nodes: readonly object[], pods: readonly object[]): NodeState[] {
  const requested = new Map<string, ResourceFigures>();
  const daemonSet = new Map<string, ResourceFigures>();
  for (const pod of pods as Obj[]) {
    const nodeName = pod?.spec?.nodeName;
    if (typeof nodeName !== 'string' || nodeName === '') continue;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const cost = { ...safeFigures(() => podResources(obj(pod.spec))), pods: 1 };
    addInto(entry(requested, nodeName), cost);
    const owners: unknown[] = Array.isArray(pod.metadata?.ownerReferences) ? pod.metadata.ownerReferences : [];
    if (owners.some((o) => obj(o).kind === 'DaemonSet')) addInto(entry(daemonSet, nodeName), cost);
  }
  return (nodes as Obj[]).map((node) => {
    const name = String(node?.metadata?.name ?? '');
    const ds = daemonSet.get(name);
    return {
      name,
      labels: stringMap(node?.metadata?.labels),
      taints: list(node?.spec?.taints).map(taintOf),
      unschedulable: node?.spec?.unschedulable === true,
      allocatable: lenientFigures(obj(node?.status?.allocatable ?? node?.status?.capacity)),
      requested: { ...(requested.get(name) ?? {}) },
      ...(ds ? { daemonSetRequested: ds } : {}),
    };
  });
}

export interface ShapeOptions {
  /** Every worker group at minReplicas (the new cluster of an incremental upgrade). */
  readonly atMinReplicas?: boolean;
  /** Only these worker groups (appended in place to a running cluster); implies no head. */
  readonly onlyGroups?: readonly string[];
  /** Include the head pod; default: yes, unless onlyGroups is given. */
  readonly withHead?: boolean;
  /** The operator injects the wait-gcs-ready init container into workers (default: yes). */
  readonly initContainerInjection?: boolean;
}

/**
 * The pods a RayCluster spec makes, head first, as capacity.ts counts them (clusterSize): the head
 * with the autoscaler sidecar when in-tree autoscaling is on, then per worker group
 * clamp(replicas, min, max) × numOfHosts pods; nothing for suspended clusters or groups. Shapes with
 * no pods are left out.
 */
export function podShapesOf(rayClusterConfig: Record<string, unknown>, opts: ShapeOptions = {}): PodShape[] {
  const suspended = rayClusterConfig.suspend === true;
  const out: PodShape[] = [];
  const withHead = opts.withHead ?? opts.onlyGroups === undefined;
  if (withHead && !suspended) {
    const headSpec = obj(obj(obj(rayClusterConfig.headGroupSpec).template).spec);
    const head = podShapeOf(headSpec, 'head', 1);
    if (rayClusterConfig.enableInTreeAutoscaling === true) {
      const options = obj(rayClusterConfig.autoscalerOptions);
      addInto(head.requests, autoscalerResources(options));
      addInto(head.limits, autoscalerLimits(options));
    }
    out.push(head);
  }
  const groups: unknown[] = Array.isArray(rayClusterConfig.workerGroupSpecs) ? rayClusterConfig.workerGroupSpecs : [];
  for (const g of groups) {
    const group = obj(g);
    const name = String(group.groupName ?? '');
    if (opts.onlyGroups && !opts.onlyGroups.includes(name)) continue;
    const count = suspended || group.suspend === true ? 0 : workerPods(group, opts.atMinReplicas === true);
    if (count > 0) out.push(podShapeOf(workerPodAsBuilt(obj(obj(group.template).spec), opts.initContainerInjection !== false), name, count));
  }
  return out;
}

/** `count` pods of one pod spec: its scheduling cost, quota limits and placement constraints. */
export function podShapeOf(podSpec: Record<string, unknown>, role: string, count: number): PodShape {
  const affinity = obj(obj(podSpec.affinity).nodeAffinity);
  const terms = list(obj(affinity.requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
  const requests = podResources(podSpec);
  delete requests.pods;
  return {
    role,
    count,
    requests,
    limits: podLimits(podSpec),
    nodeSelector: stringMap(podSpec.nodeSelector),
    tolerations: list(podSpec.tolerations).map(tolerationOf),
    requiredTerms: terms.map(termOf),
    ...(typeof podSpec.priorityClassName === 'string' && podSpec.priorityClassName !== '' ? { priorityClassName: podSpec.priorityClassName } : {}),
  };
}

/**
 * Limits for quota `limits.*`: Σ containers (and native sidecars), at least any single init
 * container, plus the overhead on resources that have a limit, as the quota evaluator counts them.
 */
function podLimits(podSpec: Record<string, unknown>): ResourceFigures {
  const sum: ResourceFigures = {};
  const limitsOf = (c: unknown) => quantities(obj(obj(obj(c).resources).limits));
  for (const c of list(podSpec.containers)) addInto(sum, limitsOf(c));
  for (const c of list(podSpec.initContainers)) if (obj(c).restartPolicy === 'Always') addInto(sum, limitsOf(c));
  for (const c of list(podSpec.initContainers)) {
    if (obj(c).restartPolicy === 'Always') continue;
    for (const [k, v] of Object.entries(limitsOf(c))) sum[k] = Math.max(sum[k] ?? 0, v);
  }
  const overhead = quantities(obj(podSpec.overhead));
  for (const k of Object.keys(sum)) sum[k]! += overhead[k] ?? 0;
  return sum;
}

/** The autoscaler sidecar's limits: KubeRay's default sets requests = limits. */
function autoscalerLimits(options: Record<string, unknown>): ResourceFigures {
  if (!isPlainObject(options.resources)) return { ...DEFAULT_AUTOSCALER_RESOURCES };
  return quantities(obj(options.resources.limits));
}

/** Hard limits as the quota controller reports them (spec.hard until it has), usage as counted so far. */
export function quotaStatesFrom(quotas: readonly object[]): QuotaState[] {
  return (quotas as Obj[]).map((q) => {
    const statusHard = obj(q?.status?.hard);
    const scopeSelector = obj(q?.spec?.scopeSelector);
    const expressions = list(scopeSelector.matchExpressions).map((e) => {
      const o = obj(e);
      return { scopeName: String(o.scopeName ?? ''), operator: String(o.operator ?? ''), ...(Array.isArray(o.values) ? { values: o.values.map(String) } : {}) };
    });
    return {
      namespace: String(q?.metadata?.namespace ?? ''),
      name: String(q?.metadata?.name ?? ''),
      hard: lenientFigures(Object.keys(statusHard).length > 0 ? statusHard : obj(q?.spec?.hard)),
      used: lenientFigures(obj(q?.status?.used)),
      scopes: list(q?.spec?.scopes).map(String),
      ...(expressions.length > 0 ? { scopeSelector: { matchExpressions: expressions } } : {}),
    };
  });
}

function taintOf(t: unknown): Taint {
  const o = obj(t);
  return { key: String(o.key ?? ''), ...(typeof o.value === 'string' ? { value: o.value } : {}), effect: String(o.effect ?? '') };
}

function tolerationOf(t: unknown): Toleration {
  const o = obj(t);
  const out: Toleration = {};
  if (typeof o.key === 'string') out.key = o.key;
  if (typeof o.operator === 'string') out.operator = o.operator;
  if (typeof o.value === 'string') out.value = o.value;
  if (typeof o.effect === 'string') out.effect = o.effect;
  if (typeof o.tolerationSeconds === 'number') out.tolerationSeconds = o.tolerationSeconds;
  return out;
}

function termOf(t: unknown): NodeSelectorTerm {
  const o = obj(t);
  const reqs = (v: unknown) =>
    list(v).map((e) => {
      const r = obj(e);
      return { key: String(r.key ?? ''), operator: String(r.operator ?? ''), ...(Array.isArray(r.values) ? { values: r.values.map(String) } : {}) };
    });
  return {
    ...(Array.isArray(o.matchExpressions) ? { matchExpressions: reqs(o.matchExpressions) } : {}),
    ...(Array.isArray(o.matchFields) ? { matchFields: reqs(o.matchFields) } : {}),
  };
}

/** Quantities that parse; a malformed one (never from a real API server) is skipped rather than fatal. */
function lenientFigures(m: Record<string, unknown>): ResourceFigures {
  const out: ResourceFigures = {};
  for (const [k, v] of Object.entries(m)) {
    try {
      out[k] = quantityToNumber(parseQuantity(v));
    } catch {
      // skip
    }
  }
  return out;
}

function safeFigures(f: () => ResourceFigures): ResourceFigures {
  try {
    return f();
  } catch {
    return {};
  }
}

function entry(m: Map<string, ResourceFigures>, key: string): ResourceFigures {
  let e = m.get(key);
  if (!e) m.set(key, (e = {}));
  return e;
}
