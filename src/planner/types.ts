/** The plan: the contract of README.md ("The plan", "JSON"): what `--format json` prints and the action outputs. */
import type { AcceleratorDemand } from '../capacity/accelerators.js';
import type { ResourceFigures } from '../capacity/capacity.js';
import type { StrategyType } from '../kuberay/upgrade-strategy.js';
import type { WordData } from '../util/wording.js';

// Reasons, notes and field notes are made from a rule id and its data; their words live in wording/.
export { fieldNote, note, overridden, reason } from './wording/index.js';

export type Change = 'create' | 'delete' | 'none' | 'app' | 'cluster-inplace' | 'cluster' | 'cluster-incremental' | 'ignored' | 'rejected';

/**
 * From weakest to strongest: the strongest change of a run is the action's `change` output.
 * `rejected` changes nothing in the cluster, as `ignored`, but is worse news: it sits right above it.
 */
export const CHANGE_ORDER: readonly Change[] = ['none', 'ignored', 'rejected', 'app', 'cluster-inplace', 'create', 'cluster-incremental', 'cluster', 'delete'];

export function strongestChange(changes: Iterable<Change>): Change {
  let best: Change = 'none';
  for (const c of changes) if (CHANGE_ORDER.indexOf(c) > CHANGE_ORDER.indexOf(best)) best = c;
  return best;
}

export interface FieldChange {
  /** Dotted path in the manifest (`spec.rayClusterConfig.workerGroupSpecs[0].template…`). */
  readonly path: string;
  /** The field for people: relative to its group, named by group, container and env name (`gpu › ray-worker › env[HF_TOKEN]`). */
  readonly label?: string;
  readonly from: unknown;
  readonly to: unknown;
  /** What this field alone makes the operator do. */
  readonly effect: Change;
  /** Manifest line (head, or base for a removal); null when it cannot be placed. */
  readonly line: number | null;
  /** Stable id of the rule that decided `effect` (docs/rule-ids.md). */
  readonly rule: RuleId;
  /** The file of `line` when it is not the service's `file` (a kustomize patch, or rendered output). */
  readonly file?: string;
  /** A few words on what Ray Serve or KubeRay does with it (rendered from `rule` and `data`: wording/field-notes.ts). */
  readonly note?: string;
  /** The data `note` is rendered from (present with `note`). */
  readonly data?: WordData;
}

/** A stable rule id, e.g. `cluster.hash-blanked` (the table is docs/rule-ids.md). */
export type RuleId = string;

/**
 * A reason of a plan or a note of its cluster view: the id of the rule that produced it and its
 * data (what modules decide on), and its English rendered from them (what people read; the words
 * may change, the id does not). Made by `reason()` / `note()` (wording/).
 */
export interface Reason {
  readonly rule: RuleId;
  /** What the words are rendered from: names, numbers, paths, versions (the rule's entry in wording/ says which). */
  readonly data: WordData;
  readonly text: string;
  /** What would happen but for another rule (a refusal, a halted RayService, a rollback): that rule's id; it also words the prefix of `text`. */
  readonly overriddenBy?: RuleId;
}

/** A note: what the cluster changed in the plan, or what could not be read (same shape as a reason). */
export type Note = Reason;

/** What the operator will refuse, as it will say it (present whenever the operator's validation fails the head). */
export interface OperatorRejectionView {
  readonly rule: RuleId;
  /** `InvalidRayServiceSpec` or `InvalidRayServiceMetadata`: the reason of the Warning event. */
  readonly eventReason: string;
  /** The Warning event's message, in the operator's words. */
  readonly eventMessage: string;
  /** 1.6+: the message of Ready=False, reason ValidationFailed. */
  readonly conditionMessage?: string;
  /** The refused field and its line in the head manifest. */
  readonly path: string;
  readonly line: number | null;
  /** Feature gates whose release default the verdict assumed (only the running operator can settle them). */
  readonly assumedGates?: readonly string[];
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
  readonly reasons: readonly Reason[];
  readonly changes: readonly FieldChange[];
  readonly capacity: CapacityPlan;
  /** The operator's validation fails the head (the change is `rejected`, or `none` when the manifest did not change). */
  readonly rejection?: OperatorRejectionView;
  /** What the cluster says (only in a cluster-aware plan: `plan --live`, the action's `live` input, apply). */
  readonly cluster?: ServiceClusterView;
  /** How the manifest differs between base and head as parsed objects (formatting and comments are not a change). */
  readonly manifest?: ManifestState;
  /** The devices the (head, else base) cluster requests, with the accelerator model its pods select. */
  readonly accelerators?: readonly AcceleratorDemand[];
  /** cluster-inplace: what the appended worker groups hold at minReplicas and at maxReplicas (null: unbounded). */
  readonly appendedGroups?: { readonly min: ResourceFigures; readonly max: ResourceFigures | null };
  /**
   * A RayService removed from Git (manifest `removed`): `prune`, apply deletes it (prune is on and,
   * in a cluster-aware plan, our field manager applied it); `left-running`, prune is off;
   * `not-ours`, prune is on but the live object was applied by someone else, so it stays.
   */
  readonly removal?: Removal;
}

export type Removal = 'prune' | 'left-running' | 'not-ours';

export type ManifestState = 'added' | 'removed' | 'edited' | 'unchanged';

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
  readonly notes: readonly Note[];
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
  readonly notes: readonly Note[];
  /** The RayService's health as it stands before the change (absent: not read); empty: healthy. */
  readonly before?: readonly HealthProblem[];
}

/**
 * A problem in a RayService's state (a pod that cannot run, a failing Serve application, an upgrade
 * that is stuck, a spec the operator refuses): what the plan reports as "before the change", and
 * what a rollout names when it ends done but degraded. `subject` identifies what it is about
 * (`pod:<name>`, `app:<cluster>/<app>`, `cluster:<name>`, `service`), so that the state before an
 * apply and the state after it can be compared.
 */
export interface HealthProblem {
  /** Stable id of the rule that found it (docs/rule-ids.md). */
  readonly rule: RuleId;
  readonly subject: string;
  /** What the words are rendered from (src/rollout/wording.ts). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly text: string;
}
