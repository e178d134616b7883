/**
 * `rayservice-rollout apply` (plan, dry-run every changed manifest, server-side apply, then wait
 * for each rollout in parallel) and `rayservice-rollout wait <namespace/name>` (wait for a rollout
 * that someone else started). Exit status: 0 all rolled out, 3 a rollout failed, 4 timed out,
 * 2 bad input (nothing applied), 1 a bug.
 */
import { connect, type Connection } from '../kube/connection.js';
import { ApplyRefusedError } from '../kube/apply.js';
import { Deadline, DeadlineError } from '../kube/deadline.js';
import { requestError } from '../kube/request-errors.js';
import { APPLIED_CHANGES, applyAndWait, serveAppsOf } from '../flows/apply-and-wait.js';
import { healthOf, rayServiceView, specChangedAt } from '../rollout/index.js';
import type { KubeObject } from '../util/kube-object.js';
import { watchRollout } from '../kube/rollout-watch.js';
import { loadManifests, type ManifestSet } from '../manifests/load.js';
import { observeAndWait } from '../flows/observe-and-wait.js';
import { renderBoth } from '../render-manifests/index.js';
import type { Plan } from '../planner/types.js';
import { plan } from '../planner/plan.js';
import { planBeforeApply } from '../flows/cluster-aware-plan.js';
import { clusterFindings } from '../render/cluster-findings.js';
import type { ServicePlan } from '../planner/types.js';
import { isRemovedFromGit } from '../planner/prune.js';
import { renderLine, renderVerdict } from '../rollout/index.js';
import type { RolloutTarget, Verdict } from '../rollout/types.js';
import { UsageError } from './usage-error.js';
import { textSink } from './output.js';
import { DEFAULTS, type OnFailure } from '../settings/defaults.js';
import { parseBool, parseChoice, parseDuration, parseKubeRayVersion } from '../settings/parse.js';
import { serviceKey } from '../util/objects.js';
import { loadSmokeFile } from '../flows/load-smoke.js';
import { type LinkTemplates, parseUrlTemplate, serviceLinks } from '../settings/links.js';

export const ROLLOUT_EXIT = { ok: 0, failed: 3, timeout: 4 } as const;

export const APPLY_HELP = `Usage: rayservice-rollout apply --base <file|dir> --head <file|dir> [options]

Plans like \`plan\`, validates every changed RayService with a server-side dry run (nothing is
applied if one is refused), applies them with server-side apply, then waits for each rollout in
parallel until the operator has really finished, printing progress and a final timeline.

Options:
  --base, --head, --namespace, --kuberay-version, --zero-downtime   as for plan
  --timeout DURATION          deadline of the whole command: every request, the credential plugin
                              and the wait (default ${DEFAULTS.timeout}; e.g. 90s, 10m, 1h)
  --field-manager NAME        server-side apply field manager (default ${DEFAULTS.fieldManager})
  --force-conflicts           take over fields owned by another field manager
  --prune                     delete the RayServices removed between --base and --head, only those
                              this field manager applied (its server-side apply is in their
                              managedFields; others are left running with a note), dry-run first
                              with the applies; needs \`delete\` on rayservices (docs/rbac.md)
  --on-failure rollback|none  rollback: when a rollout fails or times out, re-apply the base manifest
                              and wait for that. Under NewCluster KubeRay then builds ANOTHER cluster
                              from the base spec (a copy of what runs) in place of the failed pending
                              one and switches to it: a second blue/green rollout, while the old
                              cluster keeps serving. A Serve-only change is reverted in place.
  --smoke FILE                requests sent to each RayService after its rollout, through the API
                              server's service proxy (docs/smoke.md); one that does not answer as
                              expected fails the rollout (and --on-failure applies). Needs
                              \`create\`/\`get\` on services/proxy (docs/rbac.md)
  --dashboard-url TEMPLATE    link printed after each rollout: the Ray dashboard, with {namespace},
  --grafana-url TEMPLATE      {name} and {cluster} filled in; and a Grafana dashboard, the same way
  --kubeconfig PATH           default: $KUBECONFIG, ~/.kube/config, or in-cluster
  --context NAME              kubeconfig context (default: the current one)
  --require-healthy           a rollout that is done but degraded by problems from before the change
                              (pods that could not run, failing Serve applications) fails (exit 3);
                              without it that is a success with a warning naming them
  --targets FILE              a fleet: apply each target of the file on its own cluster, wave by
                              wave (the targets of a wave in parallel); a wave that fails or times
                              out stops the later ones (reported as not started, with the reason).
                              --base and --head are the two checkouts; the other options are the
                              defaults of every target
  --verbose                   also print how many API requests each wait made

A failed rollout's diagnosis shows the head pod's Serve lines and the KubeRay operator's lines about
the RayService when the credentials may read pod logs (optional; docs/rbac.md).

Exit status: 0 rolled out (possibly degraded: see --require-healthy), 3 a rollout failed, 4 timed out (also: the cluster did not answer in
time), 2 bad input or a cluster that cannot be reached (nothing applied).
`;

export const WAIT_HELP = `Usage: rayservice-rollout wait <namespace/name> [--timeout ${DEFAULTS.timeout}] [--require-healthy] [--kubeconfig PATH] [--context NAME] [--verbose]
       rayservice-rollout wait --head <file|dir> [--base <file|dir>] [--render SPEC] [--sync-timeout 10m] [options]

With --head (observe: a GitOps controller such as Argo CD or Flux applies, not this command): waits
until every RayService that changed from --base (none: every one) carries the head's spec live (the
controller has synced; "not synced yet" naming the Argo CD Application or Flux object that owns it
when --sync-timeout runs out), then waits for each rollout as apply does. Read-only. --render, as
for plan, plans what a renderer prints (--base and --head are then tree roots).

Waits for the rollout of a RayService that someone else applied: a pending cluster to take over,
or the Serve applications to run the current generation. It judges a state as apply does: pods
older than the last spec change and Serve applications already failing when it starts predate the
change (done, degraded; a failure with --require-healthy). Exit status as for apply.
`;

export interface RolloutFlags {
  base?: string;
  head?: string;
  namespace?: string;
  'kuberay-version'?: string;
  'zero-downtime'?: string;
  timeout?: string;
  'field-manager'?: string;
  'force-conflicts'?: boolean;
  prune?: boolean;
  kubeconfig?: string;
  context?: string;
  verbose?: boolean;
  'on-failure'?: string;
  render?: string;
  'sync-timeout'?: string;
  smoke?: string;
  'dashboard-url'?: string;
  'grafana-url'?: string;
  'require-healthy'?: boolean;
}

type Out = { write(s: string): unknown };

export async function runApply(flags: RolloutFlags, stdout: Out, stderr: Out): Promise<number> {
  // Through the output edge: progress, events and Serve errors are the cluster's words.
  const err = textSink(stderr);
  try {
    return await apply(flags, stdout, err);
  } catch (e) {
    return timedOut(e, err);
  }
}

/**
 * The command's deadline ran out before the rollouts could be judged (a credential plugin or an
 * API server that did not answer): exit status 4, as a rollout that timed out.
 */
function timedOut(e: unknown, err: Out): number {
  if (!(e instanceof DeadlineError)) throw e;
  err.write(`rayservice-rollout: ${e.message}\n`);
  return ROLLOUT_EXIT.timeout;
}

/** The deadline of the whole command: every request, the credential plugin and the wait. */
function commandDeadline(flags: RolloutFlags): Deadline {
  return new Deadline(parseDuration('--timeout', flags.timeout, DEFAULTS.timeout), `--timeout ${flags.timeout ?? DEFAULTS.timeout}`);
}

async function apply(flags: RolloutFlags, stdout: Out, err: Out): Promise<number> {
  const out = textSink(stdout);
  if (!flags.base || !flags.head) throw new UsageError('apply needs --base and --head (try apply --help)');
  const timeoutMs = parseDuration('--timeout', flags.timeout, DEFAULTS.timeout);
  const deadline = commandDeadline(flags);
  const onFailure = parseChoice<OnFailure>('--on-failure', flags['on-failure'], ['rollback', 'none'], DEFAULTS.onFailure);
  const planOptions = {
    kuberayVersion: parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion),
    zeroDowntime: parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime),
    prune: flags.prune ?? DEFAULTS.prune,
  };
  const fieldManager = flags['field-manager'] ?? DEFAULTS.fieldManager;
  const namespace = flags.namespace ?? DEFAULTS.namespace;
  const links = linkTemplates(flags);
  const smoke = flags.smoke ? await loadSmokeFile(flags.smoke, namespace) : undefined;
  const [base, head] = await Promise.all([
    loadManifests(flags.base, { defaultNamespace: namespace, displayRoot: process.cwd() }),
    loadManifests(flags.head, { defaultNamespace: namespace, displayRoot: process.cwd() }),
  ]);
  // Refuse bad manifests before touching the cluster.
  plan(base, head, planOptions);
  const conn = await connect({ ...connectOptions(flags), deadline });
  const p = await planBeforeApply(conn, base, head, {
    ...planOptions,
    fieldManager,
    forceConflicts: flags['force-conflicts'] === true,
  });
  for (const f of clusterFindings(p)) err.write(`${f.level === 'warning' ? 'warning: ' : ''}${f.text}\n`);
  if (!planOptions.prune)
    for (const s of p.services.filter(isRemovedFromGit)) err.write(`${serviceKey(s)}: gone from head; left running (pass --prune to delete it)\n`);
  if (!p.services.some((s) => APPLIED_CHANGES.includes(s.change) || (planOptions.prune && isRemovedFromGit(s)))) {
    out.write('Nothing to apply: no RayService changed in a way that reaches the cluster.\n');
    return ROLLOUT_EXIT.ok;
  }
  const id = (s: ServicePlan) => serviceKey(s);
  let outcomes: Awaited<ReturnType<typeof applyAndWait>>;
  try {
    outcomes = await applyAndWait({
      conn,
      plan: p,
      head,
      base,
      timeoutMs,
      onFailure,
      requireHealthy: flags['require-healthy'] === true,
      fieldManager,
      forceConflicts: flags['force-conflicts'] === true,
      prune: planOptions.prune,
      onPrune: (s, text) => out.write(`${id(s)}: removed from Git: ${text}\n`),
      onApplied: (s, a) => out.write(`${id(s)}: applied (generation ${a.generation}); expecting ${s.change}\n`),
      onProgress: (s, line) => out.write(`[${id(s)}] ${renderLine(line)}\n`),
      onLog: (s, text) => out.write(`[${id(s)}] ${text}\n`),
      onRollback: (s, text) => out.write(`[${id(s)}] rollback: ${text}\n`),
      ...(smoke ? { smoke } : {}),
    });
  } catch (e) {
    if (e instanceof ApplyRefusedError) {
      err.write(`rayservice-rollout: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const o of outcomes) {
    if (!o.verdict) continue;
    out.write(`\n[${id(o.service)}] ${renderVerdict(o.verdict).join(`\n[${id(o.service)}] `)}\n`);
    warnDegraded(o.verdict, id(o.service), err);
    if (flags.verbose) out.write(`[${id(o.service)}] ${o.requests ?? 0} API requests while waiting (lists and watch connections)\n`);
    if (o.rollback?.verdict) out.write(`[${id(o.service)}] rolled back: ${o.rollback.verdict.result}: ${o.rollback.verdict.summary}\n`);
    const values = { namespace: o.service.namespace, name: o.service.name, cluster: o.verdict.activeCluster };
    for (const { label, url } of serviceLinks(links, values)) out.write(`[${id(o.service)}] ${label}: ${url}\n`);
  }
  out.write('\n');
  return exitFor(outcomes.map((o) => o.verdict!).filter(Boolean));
}

export async function runWait(target: string | undefined, flags: RolloutFlags, stdout: Out, stderr: Out = process.stderr): Promise<number> {
  try {
    return await wait(target, flags, stdout, textSink(stderr));
  } catch (e) {
    return timedOut(e, textSink(stderr));
  }
}

async function wait(target: string | undefined, flags: RolloutFlags, stdout: Out, err: Out): Promise<number> {
  const out = textSink(stdout);
  if (flags.head !== undefined) {
    if (target !== undefined) throw new UsageError('wait takes <namespace/name> or --head, not both (try wait --help)');
    return observe(flags, out, err);
  }
  const m = /^([a-z0-9-]+)\/([a-z0-9.-]+)$/.exec(target ?? '');
  if (!m) throw new UsageError('wait needs <namespace/name> (try wait --help)');
  const [, namespace, name] = m as unknown as [string, string, string];
  const deadline = commandDeadline(flags);
  const conn = await connect({ ...connectOptions(flags), deadline });
  const custom = conn.kc.makeApiClient(conn.k8s.CustomObjectsApi);
  const what = `GET RayService ${namespace}/${name}`;
  const rs = await deadline
    .within(what, custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace, plural: 'rayservices', name }))
    .catch((e: unknown) => {
      if ((e as { code?: unknown })?.code === 404) throw new UsageError(`RayService ${namespace}/${name} not found`);
      // An unreachable server, a refusal (401, 403): said as apply says them, never "internal error".
      throw requestError(e, what, conn.server);
    });
  const pending: string | undefined = rs.status?.pendingServiceStatus?.rayClusterName || undefined;
  const active: string | undefined = rs.status?.activeServiceStatus?.rayClusterName || undefined;
  const startedAt = Date.now();
  const verdict = await waitOne(
    conn,
    {
      namespace,
      name,
      // What is under way decides what "done" means: a pending cluster must take over; otherwise
      // the current generation's Serve config must run.
      expected: pending ? 'cluster' : active ? 'app' : 'create',
      generation: rs.metadata?.generation ?? 1,
      ...(active ? { activeBefore: active } : {}),
      serveApps: serveAppsOf(rs),
      startedAt,
      deadline: deadline.at,
      baseline: waitBaseline(rs as KubeObject, startedAt),
      ...(flags['require-healthy'] ? { requireHealthy: true } : {}),
    },
    out,
    err,
    flags.verbose === true,
  );
  return exitFor([verdict]);
}

/**
 * `wait` has no "before": what it can know from the state is when the spec last changed (the
 * RayService's managedFields: older pods predate the change) and the Serve applications failing
 * as it starts (it cannot tell which ones the change rewrote; those seen redeploying are the change's).
 */
function waitBaseline(rs: KubeObject, startedAt: number) {
  const problems = healthOf({ at: startedAt, rayService: rayServiceView(rs) }).filter((p) => p.rule === 'health.app-failed');
  return { changedAt: specChangedAt(rs) ?? startedAt, problems, touchedApps: [] };
}

/** `wait --head`: the controller applies; wait for it to sync, then for each rollout. */
async function observe(flags: RolloutFlags, out: Out, err: Out): Promise<number> {
  const namespace = flags.namespace ?? DEFAULTS.namespace;
  const syncTimeoutMs = parseDuration('--sync-timeout', flags['sync-timeout'], '10m');
  const { base, head, relocate } = await manifestsForObserve(flags, namespace);
  const p = relocate(
    plan(base, head, {
      kuberayVersion: parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion),
      zeroDowntime: parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime),
    }),
  );
  const deadline = commandDeadline(flags);
  const conn = await connect({ ...connectOptions(flags), deadline });
  const id = (s: ServicePlan) => serviceKey(s);
  const outcomes = await observeAndWait({
    conn,
    plan: p,
    head,
    syncTimeoutMs,
    timeoutMs: deadline.ms,
    requireHealthy: flags['require-healthy'] === true,
    onSynced: (s, g) => out.write(`${id(s)}: synced by the controller (generation ${g}); expecting ${s.change}\n`),
    onProgress: (s, line) => out.write(`[${id(s)}] ${renderLine(line)}\n`),
    onLog: (s, text) => out.write(`[${id(s)}] ${text}\n`),
  });
  if (outcomes.length === 0) out.write('Nothing to wait for: no RayService changed in a way that reaches the cluster.\n');
  for (const o of outcomes) {
    out.write(`\n[${id(o.service)}] ${renderVerdict(o.verdict!).join(`\n[${id(o.service)}] `)}\n`);
    warnDegraded(o.verdict!, id(o.service), err);
  }
  return exitFor(outcomes.map((o) => o.verdict!));
}

async function manifestsForObserve(flags: RolloutFlags, namespace: string): Promise<{ base: ManifestSet; head: ManifestSet; relocate: (p: Plan) => Plan }> {
  const headPath = flags.head!;
  if (flags.render) {
    const pair = await renderBoth({ base: flags.base ?? headPath, head: headPath }, flags.render, { defaultNamespace: namespace });
    return { base: flags.base ? pair.base.manifests : new Map(), head: pair.head.manifests, relocate: pair.relocate };
  }
  const load = (path: string) => loadManifests(path, { defaultNamespace: namespace, displayRoot: process.cwd() });
  const [base, head] = await Promise.all([flags.base ? load(flags.base) : Promise.resolve(new Map()), load(headPath)]);
  return { base, head, relocate: (p) => p };
}

function linkTemplates(flags: RolloutFlags): LinkTemplates {
  const dashboard = parseUrlTemplate('--dashboard-url', flags['dashboard-url']);
  const grafana = parseUrlTemplate('--grafana-url', flags['grafana-url']);
  return { ...(dashboard ? { dashboard } : {}), ...(grafana ? { grafana } : {}) };
}

function connectOptions(flags: RolloutFlags) {
  return { ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}), ...(flags.context ? { context: flags.context } : {}) };
}

async function waitOne(conn: Connection, target: RolloutTarget, out: Out, err: Out, verbose = false): Promise<Verdict> {
  const id = serviceKey(target);
  const { verdict, requests } = await watchRollout({
    conn,
    target,
    onProgress: (line) => out.write(`[${id}] ${renderLine(line)}\n`),
    log: (line) => out.write(`[${id}] ${line}\n`),
  });
  out.write(`\n[${id}] ${renderVerdict(verdict).join(`\n[${id}] `)}\n\n`);
  warnDegraded(verdict, id, err);
  if (verbose) out.write(`[${id}] ${requests} API requests while waiting (lists and watch connections)\n`);
  return verdict;
}

/** Done, degraded: exit 0, with a warning naming what was wrong before the change and still is. */
function warnDegraded(v: Verdict, id: string, err: Out): void {
  if (v.result === 'succeeded' && v.preExisting?.length)
    err.write(`warning: ${id}: done, degraded by ${v.preExisting.length} problem(s) from before the change: ${v.preExisting.map((p) => p.text).join('; ')}\n`);
}

function exitFor(verdicts: Verdict[]): number {
  if (verdicts.some((v) => v.result === 'failed')) return ROLLOUT_EXIT.failed;
  if (verdicts.some((v) => v.result === 'timeout')) return ROLLOUT_EXIT.timeout;
  return ROLLOUT_EXIT.ok;
}
