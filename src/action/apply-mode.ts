/**
 * Apply on push (or a manual dispatch): manifests at the pushed range (before → after), planned,
 * dry-run, applied with server-side apply, then every rollout waited for; progress streamed in the
 * log. Returns the outcome (the timeline or the diagnosis, the status) that src/action/report.ts
 * puts in the job summary, the commit status and the comment on the merged pull request.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { manifestsAt } from '../git/git-tree.js';
import { applyAndWait, overallResult, type ServiceOutcome } from '../flows/apply-and-wait.js';
import { targetConnect } from '../flows/fleet-plan.js';
import type { Plan } from '../planner/types.js';
import { connect } from '../kube/connection.js';
import { Deadline, formatSeconds } from '../kube/deadline.js';
import { manifestsFromTexts, type ManifestSet } from '../manifests/load.js';
import { withRenderedCommits } from './render-trees.js';
import { planBeforeApply } from '../flows/cluster-aware-plan.js';
import { logClusterFindings } from './cluster-findings.js';
import { isRemovedFromGit } from '../planner/prune.js';
import { renderOutcomes } from '../render/rollout-markdown.js';
import { renderLine, renderVerdict } from '../rollout/index.js';
import type { ActionInputs } from './inputs.js';
import type { RunInfo } from './plan-mode.js';
import { serviceKey } from '../util/objects.js';
import { loadSmokeFile } from '../flows/load-smoke.js';
import type { LinkTemplates } from '../settings/links.js';
import { isAbsolute, join } from 'node:path';
import type { ApplyTarget } from './event.js';
import { describeApply, type Outcome } from './outcome.js';
import type { Facts } from './report.js';

const NO_COMMIT = /^0+$/;

export function applyFooter(run: RunInfo, after: string): string | undefined {
  return run.runUrl ? `<sub>[Workflow run](${run.runUrl}) · rayservice-rollout · \`${after.slice(0, 7)}\`</sub>` : undefined;
}

/**
 * The manifests before and after the push: read from Git, or rendered in both commits (`render`).
 * With no commit before (a new branch, a dispatch) the base is empty.
 */
export async function manifestsOfPush(inputs: ActionInputs, push: ApplyTarget, run: RunInfo): Promise<{ base: ManifestSet; head: ManifestSet }> {
  const first = NO_COMMIT.test(push.before);
  if (inputs.render) {
    return withRenderedCommits(run.workspace, { base: first ? push.after : push.before, head: push.after }, inputs, async (pair) => ({
      base: first ? new Map() : pair.base.manifests,
      head: pair.head.manifests,
    }));
  }
  const globs = inputs.manifests;
  const [baseFiles, headFiles] = await Promise.all([
    first ? Promise.resolve([]) : manifestsAt(run.workspace, push.before, globs),
    manifestsAt(run.workspace, push.after, globs),
  ]);
  const texts = (files: typeof headFiles) => files.map((f) => ({ file: f.path, text: f.text }));
  return { base: manifestsFromTexts(texts(baseFiles), inputs.namespace), head: manifestsFromTexts(texts(headFiles), inputs.namespace) };
}

/** Applies and waits, fills `facts` as it goes, and returns the outcome; a refusal throws. */
export async function runApplyMode(inputs: ActionInputs, push: ApplyTarget, run: RunInfo, facts: Facts, scope?: string): Promise<Outcome> {
  const started = Date.now();
  const { outcomes } = await applyPush(inputs, push, run, (p) => {
    facts.plan = p;
  });
  const title = scope ? `RayService rollout · ${scope}` : undefined;
  return rolloutOutcome(
    outcomes,
    { dryRun: inputs.dryRun, footer: applyFooter(run, push.after), started, links: inputs.links, ...(title ? { title } : {}) },
    facts,
  );
}

/**
 * One target's apply: its manifests at the pushed range, planned against its cluster, applied and
 * waited for. `tag` prefixes the log lines of a fleet's target; a refusal throws.
 */
export async function applyPush(
  inputs: ActionInputs,
  push: ApplyTarget,
  run: RunInfo,
  planned: (p: Plan) => void,
  tag = '',
): Promise<{ readonly plan: Plan; readonly outcomes: ServiceOutcome[] }> {
  const { base, head } = await manifestsOfPush(inputs, push, run);
  // The smoke file of the checked-out workspace, checked before anything is applied.
  const smoke = inputs.smoke
    ? await loadSmokeFile(isAbsolute(inputs.smoke) ? inputs.smoke : join(run.workspace, inputs.smoke), inputs.namespace, run.workspace)
    : undefined;
  // One deadline for the run, as for the CLI's apply: the credential plugin, every request and the
  // wait end when the `timeout` input says, naming what did not answer.
  const deadline = new Deadline(inputs.timeoutMs, `the timeout input (${formatSeconds(inputs.timeoutMs)})`);
  const conn = await connect({ ...targetConnect(inputs), deadline });
  const p = await planBeforeApply(conn, base, head, {
    kuberayVersion: inputs.kuberayVersion,
    zeroDowntime: inputs.zeroDowntime,
    fieldManager: inputs.fieldManager,
    forceConflicts: inputs.forceConflicts,
    prune: inputs.prune,
  });
  logClusterFindings(p);
  planned(p);
  if (!inputs.prune)
    for (const s of p.services.filter(isRemovedFromGit))
      core.warning(
        `${tag}${s.namespace}/${s.name} is gone from ${push.after.slice(0, 7)}: left running in the cluster (set the input prune: true to delete it).`,
      );

  const outcomes = await applyAndWait({
    conn,
    plan: p,
    head,
    base,
    onFailure: inputs.onFailure,
    requireHealthy: inputs.requireHealthy,
    onRollback: (s, text) => core.warning(`${tag}${s.namespace}/${s.name}: rollback: ${text}`),
    timeoutMs: inputs.timeoutMs,
    fieldManager: inputs.fieldManager,
    forceConflicts: inputs.forceConflicts,
    dryRun: inputs.dryRun,
    prune: inputs.prune,
    onPrune: (s, text) => core.info(`${tag}${s.namespace}/${s.name}: removed from Git: ${text}`),
    onApplied: (s, a) => core.info(`${tag}${s.namespace}/${s.name}: applied (generation ${a.generation}); expecting ${s.change}`),
    onProgress: (s, line) => core.info(`[${tag}${s.namespace}/${s.name}] ${renderLine(line)}`),
    onLog: (s, text) => core.info(`[${tag}${s.namespace}/${s.name}] ${text}`),
    ...(smoke ? { smoke } : {}),
  });
  return { plan: p, outcomes };
}

/**
 * The outcome of waited-for rollouts, as apply and observe report it: each verdict logged, the
 * `clusters`, `durations` and `duration` outputs, the summary and the merged pull request's comment.
 */
export function rolloutOutcome(
  outcomes: readonly ServiceOutcome[],
  how: {
    readonly dryRun: boolean;
    readonly footer: string | undefined;
    readonly started: number;
    readonly title?: string;
    readonly links?: LinkTemplates;
  },
  facts: Facts,
): Outcome {
  for (const o of outcomes) {
    if (!o.verdict) continue;
    core.startGroup(`${o.service.namespace}/${o.service.name}: ${o.verdict.result}`);
    for (const l of renderVerdict(o.verdict)) core.info(l);
    core.endGroup();
    // Done, degraded: a success that still names what was wrong before the change.
    if (o.verdict.result === 'succeeded' && o.verdict.preExisting?.length)
      core.warning(`${o.service.namespace}/${o.service.name}: done, degraded: ${o.verdict.preExisting.map((p) => p.text).join('; ')}`);
  }
  const result = how.dryRun ? 'dry-run' : overallResult(outcomes);
  facts.json = {
    clusters: JSON.stringify(
      Object.fromEntries(outcomes.filter((o) => o.verdict?.activeCluster).map((o) => [serviceKey(o.service), o.verdict!.activeCluster])),
    ),
    durations: JSON.stringify(
      Object.fromEntries(outcomes.filter((o) => o.verdict).map((o) => [serviceKey(o.service), Math.round(o.verdict!.durationMs / 1000)])),
    ),
  };
  facts.text = { duration: String(Math.round((Date.now() - how.started) / 1000)) };

  const failed = result === 'failed' || result === 'timeout';
  const title = how.title ?? 'RayService rollout';
  const options = {
    title: how.dryRun ? `${title} (dry run)` : title,
    ...(how.footer ? { footer: how.footer } : {}),
    ...(how.links ? { links: how.links } : {}),
  };
  const bad = outcomes.filter((o) => o.verdict && o.verdict.result !== 'succeeded');
  return {
    state: failed ? 'failure' : 'success',
    result,
    description: describeApply(outcomes.length, result),
    summary: (maxLength) => renderOutcomes(outcomes, { ...options, maxLength }),
    // Nothing applied, nothing to tell the merged pull request.
    comment: outcomes.length ? renderOutcomes(outcomes, options) : undefined,
    failure: failed ? bad.map((o) => o.verdict!.summary).join('; ') : undefined,
  };
}
