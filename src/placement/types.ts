/**
 * The data of a "will it fit?" simulation: what the cluster offers (nodes, quotas, autoscaler node
 * groups) and what each RayService's new RayCluster asks for, as plain figures. The adapters in
 * from-objects.ts build these from API objects; fit.ts answers. Everything here is pure data.
 */
import type { ResourceFigures } from '../capacity/capacity.js';

export type { ResourceFigures };

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeState {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  /** Includes `pods`. */
  allocatable: ResourceFigures;
  /** Σ requests of non-terminal pods bound here, plus `pods`: their count. */
  requested: ResourceFigures;
  /** The part of `requested` from DaemonSet-owned pods: a fresh node of the same group would carry it too. */
  daemonSetRequested?: ResourceFigures;
}

/** `count` identical pods. */
export interface PodShape {
  /** 'head' or the worker group name. */
  role: string;
  count: number;
  /** Scheduling cost of one pod (max(Σ containers, max init) + overhead; requests default from limits), without `pods`. */
  requests: ResourceFigures;
  /** For quota `limits.*`. */
  limits: ResourceFigures;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  requiredTerms: NodeSelectorTerm[];
  priorityClassName?: string;
}

export interface ScopeSelectorRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

export interface QuotaState {
  namespace: string;
  name: string;
  hard: Record<string, number>;
  used: Record<string, number>;
  scopes: string[];
  scopeSelector?: { matchExpressions?: ScopeSelectorRequirement[] };
}

/** A cluster-autoscaler node group; `nodeNames`: existing nodes known to belong to it (templates for new ones). */
export interface NodeGroup {
  name: string;
  minSize: number;
  maxSize: number;
  currentSize: number;
  nodeNames: string[];
}

/** What one RayService's rollout asks to place. */
export interface FitDemand {
  id: string;
  namespace: string;
  pods: PodShape[];
  /**
   * Pods that go away before/while these are scheduled (a replaced pending cluster). `requests` as in
   * NodeState.requested, i.e. with `pods` as a count; without `pods` one pod is assumed.
   */
  frees?: { node: string; requests: ResourceFigures }[];
}

export interface FitInput {
  nodes: NodeState[];
  quotas: QuotaState[];
  /** From the cluster-autoscaler status; undefined = no autoscaler seen. */
  nodeGroups?: NodeGroup[];
  demands: FitDemand[];
}

export type FitVerdict = 'fits' | 'fits-after-scale-up' | 'does-not-fit' | 'nothing-to-place';

export interface Shortfall {
  role: string;
  unplaced: number;
  of: number;
  /** In words: "nodes matching accelerator=a100 and tolerating nvidia.com/gpu=present:NoSchedule", or "any schedulable node". */
  constraint: string;
  /** Nodes that pass the non-resource filters. */
  matchingNodes: number;
  /** Σ unplaced requests − Σ free on matching nodes after placement; positive ones only. */
  missing: { resource: string; amount: number }[];
  /** What kube-scheduler would write ("0/5 nodes are available: …."), without the preemption tail. */
  scheduler: string;
  /** One sentence for people. */
  message: string;
}

export interface QuotaShortfall {
  quota: string;
  resource: string;
  hard: number;
  /** Quota usage after the pods that were admitted. */
  used: number;
  /** Σ of this resource over the rejected pods. */
  need: number;
  message: string;
}

export interface ScaleUp {
  nodeGroup: string;
  addNodes: number;
  maxSize: number;
  /** Group size when this demand started (the reported size plus nodes added for earlier demands). */
  currentSize: number;
}

export interface FitResult {
  id: string;
  verdict: FitVerdict;
  pods: number;
  placed: { role: string; node: string }[];
  shortfalls: Shortfall[];
  quota: QuotaShortfall[];
  scaleUp: ScaleUp[];
  autoscalerVisible: boolean;
  summary: string;
}
