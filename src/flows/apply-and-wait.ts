/**
 * The merge-time flow shared by `rayservice-rollout apply` and the action's apply mode: from a
 * plan, apply every RayService that changed (all dry-run first), then wait for each rollout in
 * parallel. Output goes through callbacks, so the CLI prints lines and the action groups logs and
 * writes a summary.
 */
import { parse as parseYaml } from 'yaml';
import type { ManifestSet } from '../manifests/load.js';
import type { Change, Plan, ServicePlan } from '../planner/types.js';
import type { Baseline, HealthProblem, ProgressLine, Verdict } from '../rollout/types.js';
import { healthOf, rayServiceView } from '../rollout/index.js';
import { isRemovedFromGit, type PruneDecision } from '../planner/prune.js';
import { applyAll, decidePrune, deleteAll, dryRunAll, type Applied, type Deletion } from '../kube/apply.js';
import type { Connection } from '../kube/connection.js';
import { Deadline } from '../kube/deadline.js';
import { watchRollout } from '../kube/rollout-watch.js';
import { readRolloutLogs } from '../kube/pod-logs.js';
import { runSmoke } from '../kube/smoke.js';
import { withLogs } from '../rollout/logs.js';
import { withSmoke } from '../rollout/smoke.js';
import type { SmokeSpec } from '../settings/smoke-file.js';
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
  /** Done but degraded by problems from before the change is a failure (not rolled back: the change did not cause them). */
  readonly requireHealthy?: boolean;
  readonly timeoutMs: number;
  readonly fieldManager: string;
  readonly forceConflicts: boolean;
  /** Validate with a server-side dry run only; apply nothing. */
  readonly dryRun?: boolean;
  /** Delete the RayServices removed between base and head that `fieldManager` applied. */
  readonly prune?: boolean;
  /** What prune does with each RayService removed from Git (deleting, left running and why, gone). */
  readonly onPrune?: (service: ServicePlan, text: string) => void;
  readonly onApplied?: (service: ServicePlan, applied: Applied) => void;
  readonly onProgress?: (service: ServicePlan, line: ProgressLine) => void;
  readonly onLog?: (service: ServicePlan, text: string) => void;
  readonly onRollback?: (service: ServicePlan, text: string) => void;
  /**
   * Requests sent to each RayService after its rollout succeeded, through the API server's service
   * proxy; one that does not answer as expected fails the rollout (and `onFailure` applies).
   */
  readonly smoke?: SmokeSpec;
  /** Add the head pod's Serve lines and the operator's lines to a failure's diagnosis (default: true; needs `pods/log`). */
  readonly logs?: boolean;
}

export interface ServiceOutcome {
  readonly service: ServicePlan;
  readonly applied?: Applied;
  readonly verdict?: Verdict;
  /** API requests made while waiting for this service. */
  readonly requests?: number;
  /** The rollback's own outcome, when the rollout failed and `onFailure` was 'rollback'. */
  readonly rollback?: { readonly verdict?: Verdict; readonly skipped?: string };
  /** A RayService removed from Git, with prune: deleted (the verdict: until it was gone), already gone, or left running. */
  readonly pruned?: PruneOutcome;
}

export type PruneOutcome = { readonly result: 'deleted' | 'gone' | 'dry-run' } | { readonly result: 'left-running'; readonly note: string };

/** Throws ApplyRefusedError (nothing applied) when the API server refuses any manifest. */
export async function applyAndWait(opts: ApplyAndWaitOptions): Promise<ServiceOutcome[]> {
  const services = opts.plan.services.filter((s) => APPLIED_CHANGES.includes(s.change));
  const removed = opts.prune ? opts.plan.services.filter((s) => isRemovedFromGit(s) && opts.base?.has(serviceKey(s))) : [];
  if (services.length === 0 && removed.length === 0) return [];
  const manifests = services.map((s) => opts.head.get(serviceKey(s))!);
  const applyOptions = { fieldManager: opts.fieldManager, forceConflicts: opts.forceConflicts };
  const pruning = await planPrune(opts, removed);
  if (opts.dryRun) {
    await dryRunAll(opts.conn, manifests, applyOptions, pruning.deletions);
    return [...services.map((service) => ({ service })), ...pruning.outcomes(true)];
  }
  const applied = await applyAll(opts.conn, manifests, applyOptions, pruning.deletions);
  await deleteAll(opts.conn, pruning.deletions);
  const startedAt = Date.now();
  return Promise.all([...applyWaits(opts, services, applied, startedAt), ...pruning.outcomes(false).map((o) => waitGone(opts, o, startedAt))]);
}

function applyWaits(opts: ApplyAndWaitOptions, services: readonly ServicePlan[], applied: readonly Applied[], startedAt: number): Promise<ServiceOutcome>[] {
  const applyOptions = { fieldManager: opts.fieldManager, forceConflicts: opts.forceConflicts };
  return applied.map(async (a, i) => {
    const service = services[i]!;
    opts.onApplied?.(service, a);
    // Without a base (a first run, a manual dispatch) a live RayService was planned as 'create':
    // wait for its current config to run; a pending cluster, if one appears, is followed.
    const expected: Change = !a.existed ? 'create' : service.change === 'create' ? 'app' : service.change;
    const watched = await waitFor(opts, service, a, expected, startedAt, baselineOf(service, a, startedAt));
    const verdict = await afterRollout(opts, service, watched.verdict, startedAt);
    const requests = watched.requests;
    if (verdict.result === 'succeeded' || opts.onFailure !== 'rollback' || onlyUnhealthyBefore(verdict)) return { service, applied: a, verdict, requests };
    return { service, applied: a, verdict, requests, rollback: await rollBack(opts, service, expected, applyOptions) };
  });
}

/**
 * A rollout KubeRay calls done is smoked (when the smoke file names the RayService); one that
 * failed, or whose smoke requests failed, gets the logs that explain it.
 */
async function afterRollout(opts: ApplyAndWaitOptions, service: ServicePlan, watched: Verdict, startedAt: number): Promise<Verdict> {
  let verdict = watched;
  const smoke = opts.smoke?.get(serviceKey(service));
  if (verdict.result === 'succeeded' && smoke) {
    opts.onLog?.(service, `smoke: ${smoke.requests.length} request${smoke.requests.length === 1 ? '' : 's'} through the API server's service proxy`);
    const outcomes = await runSmoke({ conn: opts.conn, smoke, log: (text) => opts.onLog?.(service, text) });
    verdict = withSmoke(verdict, smoke, outcomes, Date.now(), startedAt);
    opts.onProgress?.(service, verdict.timeline.at(-1)!);
  }
  // A rollout that ran out of the command's time gets no logs: the command ends when it said it would.
  if (verdict.result === 'succeeded' || opts.logs === false || opts.conn.deadline.remainingMs() < 2_000) return verdict;
  const { logs, forbidden } = await readRolloutLogs(opts.conn, service.namespace, service.name);
  return withLogs(verdict, logs, forbidden);
}

interface Pruning {
  readonly deletions: readonly Deletion[];
  /** One outcome per RayService removed from Git; `dryRun`: the deletions were only dry-run. */
  outcomes(dryRun: boolean): ServiceOutcome[];
}

/** Reads every RayService removed from Git and decides what prune does with each (and says so). */
async function planPrune(opts: ApplyAndWaitOptions, removed: readonly ServicePlan[]): Promise<Pruning> {
  if (removed.length === 0) return { deletions: [], outcomes: () => [] };
  const decided = await decidePrune(
    opts.conn,
    removed.map((s) => opts.base!.get(serviceKey(s))!),
    opts.fieldManager,
  );
  const say = (d: PruneDecision): string =>
    d.action === 'delete'
      ? 'to be deleted once the dry runs pass (prune; propagation Foreground: gone once its RayClusters are)'
      : d.action === 'gone'
        ? 'already gone from the cluster'
        : d.note;
  for (const [i, d] of decided.entries()) opts.onPrune?.(removed[i]!, say(d.decision));
  return {
    deletions: decided.flatMap((d) => (d.decision.action === 'delete' ? [{ manifest: d.manifest, ...(d.decision.uid ? { uid: d.decision.uid } : {}) }] : [])),
    outcomes: (dryRun) =>
      decided.map(({ decision }, i) => ({
        service: removed[i]!,
        pruned:
          decision.action === 'skip'
            ? { result: 'left-running', note: decision.note }
            : { result: decision.action === 'gone' ? 'gone' : dryRun ? 'dry-run' : 'deleted' },
      })),
  };
}

/** A deleted RayService is done when it is gone, within the command's deadline. */
async function waitGone(opts: ApplyAndWaitOptions, o: ServiceOutcome, startedAt: number): Promise<ServiceOutcome> {
  if (o.pruned?.result !== 'deleted') return o;
  const { service } = o;
  const { verdict, requests } = await watchRollout({
    conn: opts.conn,
    target: {
      namespace: service.namespace,
      name: service.name,
      expected: 'delete',
      generation: 0,
      serveApps: [],
      startedAt,
      deadline: Math.min(startedAt + opts.timeoutMs, opts.conn.deadline.at),
    },
    onProgress: (line) => opts.onProgress?.(service, line),
    log: (text) => opts.onLog?.(service, text),
  });
  return { ...o, verdict, requests };
}

/**
 * What was wrong before this apply: the problems the plan read (pods included) and those of the
 * RayService read right before the apply; when the apply changed the spec; which Serve
 * applications it rewrites (still failing afterwards, they fail it).
 */
export function baselineOf(service: ServicePlan, a: Applied, startedAt: number): Baseline {
  const problems = new Map<string, HealthProblem>();
  for (const p of service.cluster?.before ?? []) problems.set(p.subject, p);
  if (a.before) for (const p of healthOf({ at: startedAt, rayService: rayServiceView(a.before) })) problems.set(p.subject, p);
  return { changedAt: a.changedAt ?? startedAt, problems: [...problems.values()], touchedApps: touchedApps(service) };
}

/** The Serve applications whose config the plan's field changes rewrite (`spec.serveConfigV2: applications[name]…`). */
export function touchedApps(service: ServicePlan): string[] {
  const names = service.changes.flatMap((c) => /^spec\.serveConfigV2: applications\[([^\]]+)\]/.exec(c.path)?.[1] ?? []);
  return [...new Set(names)];
}

/** Failed only because --require-healthy refuses problems from before the change: nothing to roll back. */
export function onlyUnhealthyBefore(v: Verdict): boolean {
  return v.result === 'failed' && v.diagnosis?.missing.length === 0 && (v.preExisting?.length ?? 0) > 0;
}

function waitFor(opts: ApplyAndWaitOptions, service: ServicePlan, a: Applied, expected: Change, startedAt: number, baseline?: Baseline) {
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
      baseline: baseline ?? { changedAt: a.changedAt ?? startedAt },
      ...(opts.requireHealthy ? { requireHealthy: true } : {}),
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
