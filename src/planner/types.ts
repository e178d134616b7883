/** The plan: what the product promises in product.md ("Vocabulary of a plan", `--format json`). */
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
}

export interface Plan {
  readonly kuberayVersion: string;
  readonly services: readonly ServicePlan[];
}
