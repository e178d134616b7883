/**
 * A fleet: the targets of one repository (clusters or environments), each with its manifests, its
 * credentials source, its KubeRay release and settings, and its wave. Plain data, shared by the
 * planner's callers, the renderers and the apply in waves.
 */
import type { FailOn } from '../planner/fail-on.js';
import type { Plan } from '../planner/types.js';
import type { OnFailure } from '../settings/defaults.js';

export interface FleetTarget {
  readonly name: string;
  /** Lower waves roll out first; targets of one wave roll out in parallel. */
  readonly wave: number;
  /** Globs relative to the repository root (empty when `render` is set). */
  readonly manifests: readonly string[];
  /** A `--render` spec run in the base and the head tree instead of reading `manifests`. */
  readonly render: string | undefined;
  /** Kubeconfig path (relative to the repository root or absolute); undefined: KUBECONFIG, ~/.kube/config. */
  readonly kubeconfig: string | undefined;
  /** Kubeconfig context; undefined: the kubeconfig's current one. */
  readonly context: string | undefined;
  readonly kuberayVersion: string;
  readonly zeroDowntime: boolean;
  readonly incrementalGate: boolean | undefined;
  readonly namespace: string;
  readonly failOn: readonly FailOn[];
  readonly live: boolean;
  readonly prune: boolean;
  readonly onFailure: OnFailure;
  readonly timeoutMs: number;
  readonly fieldManager: string;
  readonly forceConflicts: boolean;
}

/** One target's plan, as the fleet's JSON carries it. */
export interface TargetPlan {
  readonly name: string;
  readonly wave: number;
  readonly plan: Plan;
}

export interface FleetPlan {
  readonly targets: readonly TargetPlan[];
}
