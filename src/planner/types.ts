/** The plan: the contract of README.md ("The plan", "JSON"): what `--format json` prints and the action outputs. */
import type { ResourceFigures } from '../capacity/capacity.js';
import type { StrategyType } from '../kuberay/upgrade-strategy.js';

export type Change = 'create' | 'delete' | 'none' | 'app' | 'cluster-inplace' | 'cluster' | 'cluster-incremental' | 'ignored';

/** From weakest to strongest: the strongest change of a run is the action's `change` output. */
export const CHANGE_ORDER: readonly Change[] = ['none', 'ignored', 'app', 'cluster-inplace', 'create', 'cluster-incremental', 'cluster', 'delete'];

export function strongestChange(changes: Iterable<Change>): Change {
  let best: Change = 'none';
  for (const c of changes) if (CHANGE_ORDER.indexOf(c) > CHANGE_ORDER.indexOf(best)) best = c;
  return best;
}

export interface FieldChange {
  /** Dotted path in the manifest (`spec.rayClusterConfig.workerGroupSpecs[0].template…`). */
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
  /** What this field alone makes the operator do. */
  readonly effect: Change;
  /** Manifest line (head, or base for a removal); null when it cannot be placed. */
  readonly line: number | null;
  /** The file of `line` when it is not the service's `file` (a kustomize patch, or rendered output). */
  readonly file?: string;
  /** A few words on what Ray Serve or KubeRay does with it. */
  readonly note?: string;
}

export interface CapacityPlan {
  readonly strategy: StrategyType;
  /** What runs before the change (null for create). */
  readonly current: ResourceFigures | null;
  /** What the new or updated cluster starts with (null for delete). */
  readonly new: ResourceFigures | null;
  /** The most held at once during the rollout. */
  readonly peak: ResourceFigures;
}

export interface ServicePlan {
  readonly namespace: string;
  readonly name: string;
  readonly file: string;
  readonly change: Change;
  readonly reasons: readonly string[];
  readonly changes: readonly FieldChange[];
  readonly capacity: CapacityPlan;
  /** What the cluster says (only in a cluster-aware plan: `plan --live`, the action's `live` input, apply). */
  readonly cluster?: ServiceClusterView;
}

export interface Plan {
  readonly kuberayVersion: string;
  /** Where the operator version came from (cluster-aware plans; absent: the input). */
  readonly kuberayVersionSource?: VersionSource;
  /** Present when the plan tried to read the cluster: what it read, or why it could not. */
  readonly cluster?: PlanClusterContext;
  readonly services: readonly ServicePlan[];
}

export type VersionSource = 'input' | 'operator-deployment' | 'cluster-annotation';

export interface PlanClusterContext {
  /** `live`: the plan compared with the cluster; `git-only`: it could not (see notes). */
  readonly mode: 'live' | 'git-only';
  /** The kubeconfig context or API server host read (never credentials). */
  readonly server?: string;
  /** What could not be read and what the plan did instead. */
  readonly notes: readonly string[];
  /** The operator: version, where it was found, image. */
  readonly operator?: { readonly version: string; readonly source: VersionSource; readonly detail: string };
}

/** A field where the live RayService differs from Git's base (someone changed it outside Git). */
export interface Drift {
  readonly path: string;
  readonly git: unknown;
  readonly live: unknown;
  /** Line in the base manifest, when it has the field. */
  readonly line: number | null;
  /** The field manager that last wrote it, when the object's managedFields tell. */
  readonly manager?: string;
}

export interface DryRunError {
  readonly path: string | null;
  readonly line: number | null;
  readonly message: string;
}

export type FitVerdictView = 'fits' | 'fits-after-scale-up' | 'does-not-fit' | 'nothing-to-place' | 'unknown';

export interface FitView {
  readonly verdict: FitVerdictView;
  /** One sentence for people. */
  readonly summary: string;
  /** Pods the rollout adds. */
  readonly pods: number;
  /** Why pods stay Pending or are refused, one sentence each. */
  readonly problems: readonly string[];
  /** Node groups a cluster autoscaler would grow. */
  readonly scaleUp: readonly { readonly nodeGroup: string; readonly addNodes: number; readonly maxSize: number; readonly currentSize: number }[];
}

export interface ServiceClusterView {
  /** `found`: the RayService runs; `absent`: it does not exist yet; `unknown`: it could not be read. */
  readonly live: 'found' | 'absent' | 'unknown';
  readonly activeCluster?: string;
  readonly pendingCluster?: string;
  /** The RayCluster the operator compares this change with (the pending one during an upgrade). */
  readonly comparedWith?: string;
  /** The change predicted from Git alone, when the cluster-aware prediction differs. */
  readonly gitOnlyChange?: Change;
  readonly drift: readonly Drift[];
  /** Server-side dry run of the head manifest: ok, or what the API server refuses. */
  readonly dryRun: 'ok' | 'refused' | 'not-run';
  readonly dryRunErrors: readonly DryRunError[];
  /** Fields that a server-side apply keeps although Git's head does not set them (owned by another manager). */
  readonly keptByApply: readonly string[];
  readonly fit: FitView;
  /** Things a person should know before merging (in-progress rollout, operator refresh, apply conflicts). */
  readonly notes: readonly string[];
}
