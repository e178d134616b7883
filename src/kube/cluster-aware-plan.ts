/**
 * The cluster-aware plan as one call for the CLI and the action: connect, read the facts, plan.
 * Degrades to the Git-only plan with a note — never an error — when there are no credentials or
 * the cluster cannot be reached; refusals of the manifests themselves (InputError) still throw.
 */
import { connect, ConnectionError, type ConnectOptions } from './connection.js';
import { ClusterUnreachableError, readClusterFacts, type FactsOptions } from './cluster-facts.js';
import { gitOnlyPlan, planWithCluster } from '../live/cluster-plan.js';
import type { ManifestSet } from '../manifests/load.js';
import type { PlanOptions } from '../planner/plan.js';
import type { Plan } from '../planner/types.js';

export interface ClusterAwareOptions extends PlanOptions, FactsOptions {
  readonly connect?: ConnectOptions;
}

export async function clusterAwarePlan(base: ManifestSet, head: ManifestSet, options: ClusterAwareOptions): Promise<Plan> {
  let conn;
  try {
    conn = await connect(options.connect ?? {});
  } catch (e) {
    if (e instanceof ConnectionError) return gitOnlyPlan(base, head, options, `Planned from Git alone: ${e.message}.`);
    throw e;
  }
  let facts;
  try {
    facts = await readClusterFacts(conn, base, head, options);
  } catch (e) {
    if (e instanceof ClusterUnreachableError) return gitOnlyPlan(base, head, options, `Planned from Git alone: ${e.message}.`);
    throw e;
  }
  return planWithCluster(base, head, facts, options);
}
