/**
 * The rollout watcher's vocabulary: what it is told (a target), what it sees (snapshots of plain
 * data, shaped like the objects' JSON so that an adapter can pass a RayService's `status` through
 * nearly verbatim), and what it says (progress lines and one verdict).
 *
 * Everything here is data: no clients, no timers. Times are ms since the epoch.
 */
import type { Change, HealthProblem } from '../planner/types.js';
import type { WordData } from '../util/wording.js';
import type { HintId } from './wording.js';

export type { HealthProblem };

/** A metav1.Condition (times converted to ms). */
export interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly observedGeneration?: number;
  readonly lastTransitionTime?: number;
}

/** Deployment status as Ray Serve reports it: UPDATING, HEALTHY, UNHEALTHY, DEPLOY_FAILED, UPSCALING, DOWNSCALING. */
export interface DeploymentStatus {
  readonly status: string;
  readonly message?: string;
}

/** Application status: NOT_STARTED, DEPLOYING, RUNNING, DEPLOY_FAILED, DELETING, UNHEALTHY. */
export interface AppStatus {
  readonly status: string;
  readonly message?: string;
  readonly serveDeploymentStatuses?: Readonly<Record<string, DeploymentStatus>>;
}

/** `status.activeServiceStatus` / `status.pendingServiceStatus` of a RayService. */
export interface ServiceStatus {
  /** "" or absent when there is no such cluster. */
  readonly rayClusterName?: string;
  readonly applicationStatuses?: Readonly<Record<string, AppStatus>>;
  /** Incremental upgrade only. */
  readonly targetCapacity?: number;
  readonly trafficRoutedPercent?: number;
}

export interface RayServiceView {
  /** metadata.generation */
  readonly generation: number;
  /** metadata.deletionTimestamp is set (the finalizer waits for the clusters to go). */
  readonly deleting?: boolean;
  readonly observedGeneration?: number;
  readonly conditions?: readonly Condition[];
  readonly activeServiceStatus?: ServiceStatus;
  readonly pendingServiceStatus?: ServiceStatus;
  readonly numServeEndpoints?: number;
}

/** A RayCluster owned by the RayService (read the objects: the copies in the RayService status are often stale). */
export interface RayClusterView {
  readonly name: string;
  readonly deleting?: boolean;
  /** The HeadPodReady condition: stands in for the head pod when pods are not watched. */
  readonly headReady?: boolean;
  readonly generation?: number;
  readonly observedGeneration?: number;
  readonly desiredWorkerReplicas?: number;
  readonly readyWorkerReplicas?: number;
}

export interface PodView {
  readonly name: string;
  /** Label ray.io/cluster. */
  readonly cluster?: string;
  /** Label ray.io/node-type. */
  readonly nodeType?: 'head' | 'worker';
  /** Label ray.io/group. */
  readonly group?: string;
  /** metadata.creationTimestamp (second precision): a pod older than the change predates it. */
  readonly createdAt?: number;
  readonly phase?: string;
  readonly ready: boolean;
  readonly deleting?: boolean;
  /** The PodScheduled condition. */
  readonly scheduled?: { readonly status: string; readonly reason?: string; readonly message?: string };
  /** The first container (init containers first) stuck in `waiting`, e.g. ImagePullBackOff. */
  readonly waiting?: { readonly reason: string; readonly message?: string };
}

export interface EventView {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  /** When last seen (lastTimestamp / series.lastObservedTime / eventTime). */
  readonly at: number;
  /** Name of the involved object (RayService, RayCluster or Pod). */
  readonly involved?: string;
  readonly kind?: string;
  readonly count?: number;
}

/**
 * One observation, true at `at`. `rayService`: undefined = not known (yet), null = it does not
 * exist. The lists hold the RayService's own RayClusters (label ray.io/originated-from-cr-name),
 * their pods, and the Events about all of these (any age: the watcher picks those since the apply).
 * A list left out means "not watched", which is not the same as "empty": an adapter without
 * permission to list Events or Pods simply omits them.
 */
export interface Snapshot {
  readonly at: number;
  readonly rayService?: RayServiceView | null;
  readonly rayClusters?: readonly RayClusterView[];
  readonly pods?: readonly PodView[];
  readonly events?: readonly EventView[];
}

export interface RolloutTarget {
  readonly namespace: string;
  readonly name: string;
  /** The planner's prediction. */
  readonly expected: Change;
  /** metadata.generation returned by the apply (G). */
  readonly generation: number;
  /** status.activeServiceStatus.rayClusterName before the apply (A); undefined when there was none. */
  readonly activeBefore?: string;
  /** Application names of the applied Serve config. */
  readonly serveApps: readonly string[];
  /** When the apply returned. */
  readonly startedAt: number;
  /** Default: startedAt + 30 min. */
  readonly deadline?: number;
  /** Settle window for in-place changes, counted from the first status of generation G (default 6 s). */
  readonly settleMs?: number;
  /** How long DEPLOY_FAILED / UNHEALTHY may last before the rollout fails (default 45 s). */
  readonly graceMs?: number;
  /** How long a blocking pod may stay unschedulable or stuck in a hopeless waiting state (default 2 min). */
  readonly stuckGraceMs?: number;
  /** How long the status may stay below generation G, with operator warnings, before failing (default 60 s). */
  readonly frozenGraceMs?: number;
  /** Cluster-level: only succeed once RayCluster A is gone (≈ rayClusterDeletionDelaySeconds after the switch). */
  readonly waitForOldClusterDeletion?: boolean;
  /** What was wrong before the change (health.ts); absent: derived from the state, as `wait` does. */
  readonly baseline?: Baseline;
  /** Done but degraded (problems from before the change still there) is a failure. */
  readonly requireHealthy?: boolean;
}

/**
 * The RayService's health before the change, so that problems the change did not cause do not fail
 * it (and problems it did cause are not excused). `apply` reads it before applying; `wait` has no
 * "before" and derives what it can from the state itself (health.ts, docs/rollout-rules.md).
 */
export interface Baseline {
  /**
   * When the change reached the API server: the time of the RayService's last spec write (its
   * managedFields), second precision. A pod created before it predates the change. Default: startedAt.
   */
  readonly changedAt?: number;
  /** The problems seen before the change (apply: read before applying; wait: when it starts); absent: none known. */
  readonly problems?: readonly HealthProblem[];
  /** Serve applications whose config the change rewrites: still failing afterwards, they fail it. */
  readonly touchedApps?: readonly string[];
}

export interface ProgressLine {
  readonly at: number;
  /** at − startedAt */
  readonly elapsedMs: number;
  readonly text: string;
  /** Something went wrong (a Warning event, an unschedulable pod, a failing app): worth a highlight. */
  readonly warning?: boolean;
}

export interface Diagnosis {
  /** The completion predicate's clauses that do not hold. */
  readonly missing: readonly string[];
  /** Every condition: `Ready=False (ZeroServeEndpoints): message`. */
  readonly conditions: readonly string[];
  /** Applications and deployments that are not (yet) fine, with their messages. */
  readonly apps: readonly string[];
  /** Pods of the clusters that matter that are not ready, and why. */
  readonly pendingPods: readonly string[];
  /** Warning events since the apply, deduplicated, newest first. */
  readonly warnings: readonly string[];
  /** Set when status.observedGeneration is below the applied generation. */
  readonly frozenStatus?: string;
  /** What to do next, one hint per id (a later rule never repeats an earlier one's advice). */
  readonly hints: readonly Hint[];
  /** The smoke requests sent after the rollout: each request (never its header values) and its answer. */
  readonly smoke?: readonly string[];
  /** The last lines of the logs that explain a failure (the head pod's Serve lines, the operator's). */
  readonly logs?: readonly LogExcerpt[];
}

/** A few log lines, bounded and neutralized, and where they come from. */
export interface LogExcerpt {
  /** "head pod ns/pod (Serve lines)", "KubeRay operator ns/pod". */
  readonly source: string;
  readonly lines: readonly string[];
}

/** The advice a hint gives (its words: wording.ts). */
export type { HintId } from './wording.js';

export interface Hint {
  readonly id: HintId;
  /** What the words are rendered from (names of clusters, pods, namespaces). */
  readonly data: WordData;
  readonly text: string;
}

export interface Verdict {
  readonly result: 'succeeded' | 'failed' | 'timeout';
  readonly summary: string;
  readonly at: number;
  readonly durationMs: number;
  /** The active cluster at the end (the action's per-service output). */
  readonly activeCluster?: string;
  readonly timeline: readonly ProgressLine[];
  readonly diagnosis?: Diagnosis;
  /** When each step of the rollout was first seen: the picture of the rollout (the job summary's chart). */
  readonly milestones?: Milestones;
  /**
   * Problems from before the change, not caused by it, still there at the end. With `succeeded`:
   * done, degraded (exit 0 with a warning); with `failed` and no other cause: --require-healthy.
   */
  readonly preExisting?: readonly HealthProblem[];
}

/** The steps of a rollout, each the time (ms) it was first seen; absent: not reached (or not this kind of rollout). */
export interface Milestones {
  readonly kind: RolloutKind;
  /** The apply returned. */
  readonly appliedAt: number;
  /** The operator observed the applied generation. */
  readonly observedAt?: number;
  /** The pending (new) RayCluster appeared. */
  readonly pendingAt?: number;
  /** Head and every worker of the cluster that decides the rollout ready. */
  readonly podsReadyAt?: number;
  /** Every Serve application RUNNING on that cluster. */
  readonly serveReadyAt?: number;
  /** The new cluster became active. */
  readonly switchedAt?: number;
  /** The old cluster gone. */
  readonly oldDeletedAt?: number;
}

/**
 * What kind of rollout is being watched, which decides its completion predicate: a Serve config
 * applied in place, a cluster updated in place, a new cluster taking over, a deletion, or nothing to
 * wait for. Starts from the prediction, and follows the operator when it does otherwise.
 */
export type RolloutKind = 'app' | 'inplace' | 'new-cluster' | 'delete' | 'nothing';

export interface ResolvedTarget extends RolloutTarget {
  readonly deadline: number;
  readonly settleMs: number;
  readonly graceMs: number;
  readonly stuckGraceMs: number;
  readonly frozenGraceMs: number;
}

/** A bad state seen continuously since `since`. */
export interface Since {
  readonly since: number;
  readonly text: string;
}

/** What the watcher remembers between observations. Plain data (JSON-safe). */
export interface Memory {
  /** First observation with observedGeneration ≥ G. */
  firstObservedAt?: number;
  /** The pending cluster being tracked (P). */
  pending?: string;
  /** Pending clusters replaced by a newer one (P → P′): never the goal. */
  abandoned: string[];
  /** A pending cluster was seen at some point. */
  everPending: boolean;
  /** When the tracked pending cluster appeared. */
  pendingAt?: number;
  /** When the target cluster's pods were first all ready, and every Serve app RUNNING on it. */
  podsReadyAt?: number;
  serveReadyAt?: number;
  /** The cluster that became active, and when. */
  switchedTo?: string;
  switchedAt?: number;
  /** Ready=True seen during the rollout (for the outage rule). */
  seenReady: boolean;
  /** First observation of an UpdatedServeApplications event since the apply, and the status then. */
  serveUpdateSeenAt?: number;
  serveUpdateFingerprint?: string;
  /** A status change was seen after that event: the status now reflects the submitted config. */
  settledByEvent: boolean;
  oldClusterSeen: boolean;
  oldClusterGoneAt?: number;
  /** App/deployment DEPLOY_FAILED or UNHEALTHY, keyed by cluster/app[/deployment]. */
  bad: Record<string, Since>;
  /** Blocking pods unschedulable or stuck, keyed by pod and reason. */
  stuck: Record<string, Since>;
  /** Applications (`cluster/app`) seen deploying during the rollout: whatever they do next is the change's. */
  redeployed: string[];
  /** Last value reported per progress topic, so that only transitions are reported. */
  marks: Record<string, string>;
}

/**
 * Everything the rules read, as one value: the target, the kind of rollout, what is remembered and
 * the last snapshot. observe and checkTime map (state, event) → state; the rules are functions of it.
 */
export interface RolloutState {
  readonly target: ResolvedTarget;
  readonly kind: RolloutKind;
  readonly memory: Memory;
  /** The latest snapshot observed (undefined until the first one). */
  readonly last?: Snapshot;
  readonly timeline: readonly ProgressLine[];
  readonly verdict?: Verdict;
}

export interface Step {
  readonly state: RolloutState;
  /** New lines from this step only. */
  readonly progress: readonly ProgressLine[];
  /** Only in the step that reached it; afterwards `state.verdict` keeps it and further steps are no-ops. */
  readonly verdict?: Verdict;
}
