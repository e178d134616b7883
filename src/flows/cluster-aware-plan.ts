/**
 * The cluster-aware plan as one call for the CLI and the action: connect, read the facts, plan.
 * Degrades to the Git-only plan with a note — never an error — when there are no credentials or
 * the cluster cannot be reached; refusals of the manifests themselves (InputError) still throw.
 * `planBeforeApply` is the apply's version: connected already, and strict.
 */
import { connect, ConnectionError, type ConnectOptions, type Connection } from '../kube/connection.js';
import { Deadline, DeadlineError } from '../kube/deadline.js';
import { ApplyRefusedError } from '../kube/apply.js';
import { dryRunRefusals } from '../render/cluster-findings.js';
import { ClusterUnreachableError, readClusterFacts, type FactsOptions } from '../kube/cluster-facts.js';
import { gitOnlyPlan, planWithCluster } from '../planner/live/cluster-plan.js';
import type { ManifestSet } from '../manifests/load.js';
import type { PlanOptions } from '../planner/plan.js';
import type { ClusterFacts, LiveService } from '../planner/live/facts.js';
import type { HealthProblem, Plan } from '../planner/types.js';
import { buildSnapshot } from '../rollout/snapshot.js';
import { healthOf } from '../rollout/health.js';
import { serviceKey } from '../util/objects.js';
import { UserError } from '../util/user-error.js';

export interface ClusterAwareOptions extends PlanOptions, FactsOptions {
  readonly connect?: ConnectOptions;
}

/** How long a plan may spend on the cluster, all reads together (each read has its own 15 s too). */
export const LIVE_PLAN_DEADLINE_MS = 60_000;

export async function clusterAwarePlan(base: ManifestSet, head: ManifestSet, options: ClusterAwareOptions): Promise<Plan> {
  const deadline = options.connect?.deadline ?? new Deadline(LIVE_PLAN_DEADLINE_MS, 'the time limit of a live plan');
  let conn: Connection;
  try {
    conn = await connect({ ...options.connect, deadline });
  } catch (e) {
    if (e instanceof ConnectionError) return gitOnlyPlan(base, head, options, e.message);
    throw e;
  }
  let facts: Awaited<ReturnType<typeof readClusterFacts>>;
  try {
    facts = await readClusterFacts(conn, base, head, options);
  } catch (e) {
    // Unreachable, out of time, a credential plugin that failed: still a plan, from Git.
    if (e instanceof ClusterUnreachableError || e instanceof DeadlineError || e instanceof ConnectionError) return gitOnlyPlan(base, head, options, e.message);
    throw e;
  } finally {
    // Nothing more is read: a credential plugin still running is killed, not left behind.
    deadline.cancel();
  }
  return withHealthBefore(planWithCluster(base, head, facts, options), facts);
}

/**
 * Before an apply: the change predicted against what runs (the pending cluster of an upgrade in
 * progress, drift) with the running operator's rules, and the fit known up front. A manifest the
 * API server refuses stops everything before anything is applied (ApplyRefusedError, named by line);
 * an unreachable cluster throws (ClusterUnreachableError): there is nothing to apply to.
 */
export async function planBeforeApply(conn: Connection, base: ManifestSet, head: ManifestSet, options: PlanOptions & FactsOptions): Promise<Plan> {
  const facts = await readClusterFacts(conn, base, head, options);
  const p = withHealthBefore(planWithCluster(base, head, facts, options), facts);
  const refused = dryRunRefusals(p);
  if (refused.length) throw new ApplyRefusedError(refused);
  const rejected = p.services.filter((s) => s.change === 'rejected' && s.rejection);
  if (rejected.length)
    throw new OperatorRejectsError(
      rejected.map((s) => `${s.file}:${s.rejection!.line ?? '?'}: ${serviceKey(s)}: ${s.rejection!.conditionMessage ?? s.rejection!.eventMessage}`),
    );
  return p;
}

/**
 * Each running RayService's health as it stands, apart from what the change will do: pods that
 * cannot run and why, failing Serve applications, an upgrade already stuck, a refused spec. Absent
 * when the RayService does not run or could not be read.
 */
export function withHealthBefore(p: Plan, facts: ClusterFacts): Plan {
  return {
    ...p,
    services: p.services.map((s) => {
      const live = facts.services.get(serviceKey(s));
      const before = live ? healthBefore(s.name, live, Date.now()) : undefined;
      return before && s.cluster ? { ...s, cluster: { ...s.cluster, before } } : s;
    }),
  };
}

export function healthBefore(name: string, live: LiveService, at: number): HealthProblem[] | undefined {
  if (!live.rayService) return undefined;
  const rayClusters = [live.active, live.pending].filter((c) => c !== undefined);
  return healthOf(buildSnapshot({ name }, { at, rayService: live.rayService, rayClusters, ...(live.pods ? { pods: live.pods } : {}) }));
}

/** The operator would refuse a head (its own validation): nothing is applied, since nothing would roll out. */
export class OperatorRejectsError extends UserError {
  constructor(readonly rejections: string[]) {
    super(`the KubeRay operator would reject ${rejections.length} RayService(s); nothing was applied:\n${rejections.map((r) => `  ${r}`).join('\n')}`);
  }
}
