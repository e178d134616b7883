/**
 * `plan --targets FILE` and `apply --targets FILE`: a fleet from the targets file. `--base` and
 * `--head` are then the two checkouts (tree roots); each target's globs (or render spec) are
 * matched in both, as the action matches them in Git. Plans run for every target at once (live
 * reads concurrently, each with its own kubeconfig or context and deadline); applies run wave by
 * wave, the targets of a wave in parallel, and a wave that fails stops the later ones.
 */
import type { PlanFlags } from './plan-command.js';
import { loadSmokeFile } from '../flows/load-smoke.js';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { APPLIED_CHANGES, applyAndWait } from '../flows/apply-and-wait.js';
import { clusterAwarePlan, LIVE_PLAN_DEADLINE_MS, planBeforeApply } from '../flows/cluster-aware-plan.js';
import { applyFleet, fleetResult } from '../flows/fleet-apply.js';
import { planFleet, targetConnect, targetPlanOptions } from '../flows/fleet-plan.js';
import { globMatcher } from '../git/git-tree.js';
import { connect } from '../kube/connection.js';
import { Deadline } from '../kube/deadline.js';
import { loadMatching, type ManifestSet } from '../manifests/load.js';
import { judgeFailOn } from '../planner/fail-on.js';
import { plan } from '../planner/plan.js';
import type { Plan, ServicePlan } from '../planner/types.js';
import { dryRunRefusals } from '../render/cluster-findings.js';
import { renderFleetMarkdown } from '../render/fleet-markdown.js';
import { renderFleetOutcomes } from '../render/fleet-rollout-markdown.js';
import { renderFleetJson } from '../render/json.js';
import { renderBoth } from '../render-manifests/index.js';
import { renderLine, renderVerdict } from '../rollout/index.js';
import { DEFAULTS, type OnFailure } from '../settings/defaults.js';
import { parseBool, parseChoice, parseDuration, parseKubeRayVersion } from '../settings/parse.js';
import { parseTargetsConfig, type FallbackSettings } from '../targets/config.js';
import type { FleetTarget } from '../targets/types.js';
import { serviceKey } from '../util/objects.js';
import { outputTo, textSink, type Sink } from './output.js';
import { UsageError } from './usage-error.js';

/** The flags a fleet command reads: the defaults of every target. */
export interface FleetFlags extends Omit<PlanFlags, 'render'> {
  targets?: string;
  'on-failure'?: string;
  'require-healthy'?: boolean;
  smoke?: string;
  verbose?: boolean;
}

/** The targets of `--targets`, each setting falling back to the command's flags. */
export async function readTargets(flags: FleetFlags, command: 'plan' | 'apply'): Promise<FleetTarget[]> {
  if (!flags.base || !flags.head) throw new UsageError(`${command} --targets needs --base and --head: the two checkouts (try ${command} --help)`);
  const file = flags.targets!;
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--targets ${file}: no such file`);
  });
  const gate = flags['incremental-gate'];
  const fallback: FallbackSettings = {
    manifests: [...DEFAULTS.manifestGlobs],
    kubeconfig: flags.kubeconfig,
    context: flags.context,
    kuberayVersion: parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion),
    zeroDowntime: parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime),
    incrementalGate: gate === undefined ? undefined : ['on', 'true'].includes(parseChoice('--incremental-gate', gate, ['on', 'off', 'true', 'false'])),
    namespace: flags.namespace ?? DEFAULTS.namespace,
    failOn: [DEFAULTS.failOn],
    live: flags.live ?? DEFAULTS.live,
    prune: flags.prune ?? DEFAULTS.prune,
    onFailure: parseChoice<OnFailure>('--on-failure', flags['on-failure'], ['rollback', 'none'], DEFAULTS.onFailure),
    timeoutMs: parseDuration('--timeout', flags.timeout, command === 'plan' ? `${LIVE_PLAN_DEADLINE_MS / 1000}s` : DEFAULTS.timeout),
    fieldManager: flags['field-manager'] ?? DEFAULTS.fieldManager,
    forceConflicts: flags['force-conflicts'] ?? DEFAULTS.forceConflicts,
  };
  // A relative kubeconfig in the file is relative to where the command runs (the repository root).
  return parseTargetsConfig(text, file, fallback).map((t) => (t.kubeconfig && !isAbsolute(t.kubeconfig) ? { ...t, kubeconfig: resolve(t.kubeconfig) } : t));
}

/** One target's manifests at base and head, and how to point the plan's lines back (rendered). */
async function targetManifests(
  t: FleetTarget,
  flags: FleetFlags,
): Promise<{ base: ManifestSet; head: ManifestSet; relocate: (p: () => Promise<Plan> | Plan) => Promise<Plan> }> {
  const roots = { base: flags.base!, head: flags.head! };
  if (t.render) {
    const pair = await renderBoth(roots, t.render, { defaultNamespace: t.namespace });
    return { base: pair.base.manifests, head: pair.head.manifests, relocate: pair.planWith };
  }
  const matches = globMatcher(t.manifests);
  const [base, head] = await Promise.all([loadMatching(roots.base, matches, t.namespace), loadMatching(roots.head, matches, t.namespace)]);
  return { base, head, relocate: async (p) => p() };
}

export async function runFleetPlan(flags: FleetFlags, out: Sink, err: Sink): Promise<number> {
  const format = parseChoice('--format', flags.format, ['json', 'markdown'], DEFAULTS.format);
  const targets = await readTargets(flags, 'plan');
  const fleet = await planFleet(targets, async (t) => {
    const { base, head, relocate } = await targetManifests(t, flags);
    if (!t.live) return relocate(() => plan(base, head, targetPlanOptions(t)));
    // Each cluster has its own time limit: a slow one degrades only its own target to Git-only.
    const deadline = new Deadline(t.timeoutMs, `the live plan's time limit of target ${t.name}`);
    return relocate(() => clusterAwarePlan(base, head, targetPlanOptions(t, { deadline })));
  });
  const [stdout, stderr] = [outputTo(out), outputTo(err)];
  const failures = new Map<string, string>();
  for (const [i, tp] of fleet.targets.entries()) {
    const reasons = judgeFailOn(tp.plan, targets[i]!.failOn).reasons;
    if (reasons.length) failures.set(tp.name, reasons.join('; '));
  }
  if (format === 'json') stdout.json(renderFleetJson(fleet));
  else stdout.text(renderFleetMarkdown(fleet, { maxLength: Number.MAX_SAFE_INTEGER, failures }));
  let refused = 0;
  for (const tp of fleet.targets) {
    for (const note of tp.plan.cluster?.mode === 'git-only' ? tp.plan.cluster.notes : []) stderr.text(`note: ${tp.name}: ${note.text}\n`);
    for (const r of dryRunRefusals(tp.plan)) {
      stderr.text(`${tp.name}: ${r}\n`);
      refused++;
    }
  }
  return refused ? 2 : 0;
}

const EXIT_OF: Record<string, number> = { succeeded: 0, nothing: 0, 'dry-run': 0, failed: 3, timeout: 4, refused: 2, error: 2 };

export async function runFleetApply(flags: FleetFlags, stdout: Sink, stderr: Sink): Promise<number> {
  const [out, err] = [textSink(stdout), textSink(stderr)];
  const targets = await readTargets(flags, 'apply');
  const results = await applyFleet(targets, (t) => applyTarget(t, flags, out, err), {
    onWave: (wave, ts) => out.write(`wave ${wave}: ${ts.map((t) => t.name).join(', ')}\n`),
  });
  for (const r of results) {
    if (r.reason) err.write(`${r.name}: ${r.result}: ${r.reason}\n`);
    for (const o of r.outcomes)
      if (o.verdict) out.write(`\n[${r.name} ${serviceKey(o.service)}] ${renderVerdict(o.verdict).join(`\n[${r.name} ${serviceKey(o.service)}] `)}\n`);
  }
  out.write(`\n${renderFleetOutcomes(results, { maxLength: Number.MAX_SAFE_INTEGER })}`);
  return EXIT_OF[fleetResult(results)] ?? 1;
}

/** One target's apply: its manifests, its cluster, its settings; lines prefixed with its name. */
async function applyTarget(t: FleetTarget, flags: FleetFlags, out: Sink, err: Sink) {
  const { base, head } = await targetManifests(t, flags);
  const options = targetPlanOptions(t);
  plan(base, head, options); // refuse bad manifests before touching the cluster
  const conn = await connect({ ...targetConnect(t), deadline: new Deadline(t.timeoutMs, `the timeout of target ${t.name}`) });
  const p = await planBeforeApply(conn, base, head, options);
  // The smoke file names RayServices by namespace/name; a bare name is in this target's namespace.
  const smoke = flags.smoke ? await loadSmokeFile(flags.smoke, t.namespace) : undefined;
  const id = (s: Pick<ServicePlan, 'namespace' | 'name'>) => `${t.name} ${serviceKey(s)}`;
  if (!p.services.some((s) => APPLIED_CHANGES.includes(s.change))) out.write(`[${t.name}] nothing to apply\n`);
  const outcomes = await applyAndWait({
    conn,
    plan: p,
    head,
    base,
    timeoutMs: t.timeoutMs,
    onFailure: t.onFailure,
    requireHealthy: flags['require-healthy'] === true,
    ...(smoke ? { smoke } : {}),
    fieldManager: t.fieldManager,
    forceConflicts: t.forceConflicts,
    prune: t.prune,
    onPrune: (s, text) => out.write(`[${id(s)}] removed from Git: ${text}\n`),
    onApplied: (s, a) => out.write(`[${id(s)}] applied (generation ${a.generation}); expecting ${s.change}\n`),
    onProgress: (s, line) => out.write(`[${id(s)}] ${renderLine(line)}\n`),
    onLog: (s, text) => out.write(`[${id(s)}] ${text}\n`),
    onRollback: (s, text) => err.write(`[${id(s)}] rollback: ${text}\n`),
  });
  return { outcomes, dryRun: false };
}
