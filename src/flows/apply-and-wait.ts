/**
 * The merge-time flow shared by `rayservice-rollout apply` and the action's apply mode: from a
 * plan, apply every RayService that changed (all dry-run first), then wait for each rollout in
 * parallel. Output goes through callbacks, so the CLI prints lines and the action groups logs and
 * writes a summary.
 */
import { parse as parseYaml } from 'yaml';
import type { ManifestSet } from '../manifests/load.js';
import type { Change, Plan, ServicePlan } from '../planner/types.js';
import type { ProgressLine, Verdict } from '../rollout/types.js';
import { applyAll, dryRunAll, type Applied } from '../kube/apply.js';
import type { Connection } from '../kube/connection.js';
import { Deadline } from '../kube/deadline.js';
import { watchRollout } from '../kube/rollout-watch.js';
import { serviceKey } from '../util/objects.js';

/** Changes that reach the cluster: applied, then waited for ('ignored' returns at once). */
export const APPLIED_CHANGES: readonly Change[] = ['create', 'app', 'cluster', 'cluster-incremental', 'cluster-inplace', 'ignored'];

export interface ApplyAndWaitOptions {
  readonly conn: Connection;
  readonly plan: Plan;
  readonly head: ManifestSet;
  /** The base manifests: what `onFailure: 'rollback'` re-applies. */
  readonly base?: ManifestSet;
  /**
   * 'rollback': when a rollout fails or times out, re-apply the base manifest and wait for that.
   * What it means for KubeRay (read in the operator, seen on the control plane): the operator
   * compares the reverted spec with the *pending* cluster, so under NewCluster it replaces the
   * failed pending cluster with a new one built from the base spec (a copy of what runs), deletes
   * the failed one after rayClusterDeletionDelaySeconds, and switches traffic to the copy once it
   * is ready: a second blue/green rollout of the old version, while the old cluster keeps
   * serving. A Serve-only change is reverted in place.
   */
  readonly onFailure?: 'rollback' | 'none';
  readonly timeoutMs: number;
  readonly fieldManager: string;
  readonly forceConflicts: boolean;
  /** Validate with a server-side dry run only; apply nothing. */
  readonly dryRun?: boolean;
  readonly onApplied?: (service: ServicePlan, applied: Applied) => void;
  readonly onProgress?: (service: ServicePlan, line: ProgressLine) => void;
  readonly onLog?: (service: ServicePlan, text: string) => void;
  readonly onRollback?: (service: ServicePlan, text: string) => void;
}

export interface ServiceOutcome {
  readonly service: ServicePlan;
  readonly applied?: Applied;
  readonly verdict?: Verdict;
  /** API requests made while waiting for this service. */
  readonly requests?: number;
  /** The rollback's own outcome, when the rollout failed and `onFailure` was 'rollback'. */
  readonly rollback?: { readonly verdict?: Verdict; readonly skipped?: string };
}

/** Throws ApplyRefusedError (nothing applied) when the API server refuses any manifest. */
export async function applyAndWait(opts: ApplyAndWaitOptions): Promise<ServiceOutcome[]> {
  const services = opts.plan.services.filter((s) => APPLIED_CHANGES.includes(s.change));
  if (services.length === 0) return [];
  const manifests = services.map((s) => opts.head.get(serviceKey(s))!);
  const applyOptions = { fieldManager: opts.fieldManager, forceConflicts: opts.forceConflicts };
  if (opts.dryRun) {
    await dryRunAll(opts.conn, manifests, applyOptions);
    return services.map((service) => ({ service }));
  }
  const applied = await applyAll(opts.conn, manifests, applyOptions);
  const startedAt = Date.now();
  return Promise.all(
    applied.map(async (a, i) => {
      const service = services[i]!;
      opts.onApplied?.(service, a);
      // Without a base (a first run, a manual dispatch) a live RayService was planned as 'create':
      // wait for its current config to run; a pending cluster, if one appears, is followed.
      const expected: Change = !a.existed ? 'create' : service.change === 'create' ? 'app' : service.change;
      const { verdict, requests } = await waitFor(opts, service, a, expected, startedAt);
      if (verdict.result === 'succeeded' || opts.onFailure !== 'rollback') return { service, applied: a, verdict, requests };
      return { service, applied: a, verdict, requests, rollback: await rollBack(opts, service, expected, applyOptions) };
    }),
  );
}

function waitFor(opts: ApplyAndWaitOptions, service: ServicePlan, a: Applied, expected: Change, startedAt: number) {
  return watchRollout({
    conn: opts.conn,
    target: {
      namespace: service.namespace,
      name: service.name,
      expected,
      generation: a.generation,
      ...(a.activeBefore ? { activeBefore: a.activeBefore } : {}),
      serveApps: serveAppsOf(a.manifest.object),
      startedAt,
      // One deadline per command: the connection's, when it has one (the CLI), bounds the wait too.
      deadline: Math.min(startedAt + opts.timeoutMs, opts.conn.deadline.at),
    },
    onProgress: (line) => opts.onProgress?.(service, line),
    log: (text) => opts.onLog?.(service, text),
  });
}

async function rollBack(
  opts: ApplyAndWaitOptions,
  service: ServicePlan,
  failed: Change,
  applyOptions: { fieldManager: string; forceConflicts: boolean },
): Promise<NonNullable<ServiceOutcome['rollback']>> {
  const base = opts.base?.get(serviceKey(service));
  const say = (text: string) => opts.onRollback?.(service, text);
  if (!base) {
    const skipped = 'nothing to roll back to: the RayService is new in this change (delete it by hand if it must go)';
    say(skipped);
    return { skipped };
  }
  const clusterLevel = failed === 'cluster' || failed === 'cluster-incremental' || failed === 'cluster-inplace';
  say(
    clusterLevel
      ? 're-applying the base manifest: KubeRay replaces the failed pending cluster with a new one built from the base spec and switches to it when ready (a second blue/green rollout of the old version; the running cluster keeps serving meanwhile)'
      : 're-applying the base manifest: the previous Serve config is sent to the running cluster',
  );
  // The rollback is a second apply and wait, with a time of its own: the command's may be gone.
  if (Number.isFinite(opts.conn.deadline.ms)) opts.conn.deadline = new Deadline(opts.timeoutMs, "the rollback's --timeout");
  const [a] = await applyAll(opts.conn, [base], applyOptions);
  const startedAt = Date.now();
  // A reverted cluster change builds another cluster (see onFailure); a reverted Serve change is in place.
  const { verdict } = await waitFor(opts, service, a!, clusterLevel && failed !== 'cluster-inplace' ? 'cluster' : 'app', startedAt);
  say(`rollback ${verdict.result}: ${verdict.summary}`);
  return { verdict };
}

/** Application names of a RayService's Serve config (Ray Serve calls an unnamed one "default"). */
export function serveAppsOf(o: Record<string, unknown>): string[] {
  const text = (o?.spec as { serveConfigV2?: unknown } | undefined)?.serveConfigV2;
  if (typeof text !== 'string') return [];
  try {
    const apps = (parseYaml(text) as { applications?: { name?: string }[] })?.applications ?? [];
    return apps.map((a) => a?.name || 'default');
  } catch {
    return [];
  }
}

/** The worst result wins. */
export function overallResult(outcomes: readonly ServiceOutcome[]): 'succeeded' | 'failed' | 'timeout' | 'nothing' {
  if (outcomes.length === 0) return 'nothing';
  if (outcomes.some((o) => o.verdict?.result === 'failed')) return 'failed';
  if (outcomes.some((o) => o.verdict?.result === 'timeout')) return 'timeout';
  return 'succeeded';
}
