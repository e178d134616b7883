/**
 * The one reporting step every run ends with, whatever the mode computed or however it stopped:
 * the outputs (`result` always), the job summary within GitHub's size, the comment, the commit
 * status on the right SHA, and the step's failure. Each GitHub call is on its own: a comment the
 * API refuses does not keep the status from being set. An API fault is named for what it is (a
 * rate limit, no write access, the API unavailable), never an internal error.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiFault, type Octokit } from '../github/api.js';
import { markerFor, upsertStickyComment } from '../github/sticky-comment.js';
import { strongestChange, type Plan } from '../planner/types.js';
import { renderFleetJson, renderJson } from '../render/json.js';
import type { FleetPlan } from '../targets/types.js';
import { serviceKey } from '../util/objects.js';
import { statusDescription, type Outcome } from './outcome.js';

export interface ReportContext {
  readonly kind: 'plan' | 'apply';
  readonly owner: string;
  readonly repo: string;
  /** Where the commit status goes; undefined: nowhere (no commit known). */
  readonly sha: string | undefined;
  readonly statusContext: string;
  /** A matrix leg's target: its own sticky comment (the marker names it). */
  readonly scope?: string;
  /** Plan mode: the pull request of the sticky comment (none for a merge group). */
  readonly pullRequest: number | undefined;
  /** Apply mode: comment the outcome on the pull request merged as `sha`. */
  readonly commentOnMergedPullRequest: boolean;
  readonly workflow: string;
  readonly runUrl: string | undefined;
  /** Where the full plan is written (RUNNER_TEMP). */
  readonly tempDir: string | undefined;
}

/** What the mode got to before the outcome (the plan is reported even when the apply fails later). */
export interface Facts {
  plan?: Plan;
  /** A fleet's plan (the `targets` input): the `plan` output is `{targets: [{name, wave, plan}]}`. */
  fleet?: FleetPlan;
  /** Further step outputs (apply mode): name → JSON or text. */
  json?: Record<string, string>;
  text?: Record<string, string>;
}

/** GitHub drops a job summary over 1 MiB; stay clear of it. */
export const SUMMARY_MAX_BYTES = 1_000_000;
/** GitHub documents 1 MB per step output; the `plan` output above this carries the short form. */
export const OUTPUT_MAX_BYTES = 900_000;

export async function report(outcome: Outcome, ctx: ReportContext, facts: Facts, octokit: Octokit | undefined, comment: boolean): Promise<void> {
  core.setOutput('result', outcome.result);
  await step('set the step outputs', () => setOutputs(outcome, ctx, facts));
  await step('write the job summary', () => core.writeSummaryWithin(outcome.summary, SUMMARY_MAX_BYTES));
  if (outcome.at) core.error(outcome.failure ?? outcome.description, { file: outcome.at.file, startLine: outcome.at.line });
  if (outcome.failure) core.setFailed(outcome.failure);

  if (!octokit) return;
  if (comment && outcome.comment !== undefined) {
    if (ctx.kind === 'plan' && ctx.pullRequest !== undefined)
      await commentOnPullRequest(octokit, ctx, ctx.pullRequest, outcome.comment, !outcome.commentOnlyIfPresent);
    else if (ctx.kind === 'apply' && ctx.commentOnMergedPullRequest && ctx.sha) await commentOnMergedPullRequest(octokit, ctx, ctx.sha, outcome.comment);
  }
  if (ctx.sha) {
    for (const t of outcome.targetStatuses ?? []) await setStatus(octokit, { ...ctx, statusContext: `${ctx.statusContext} (${t.name})` }, ctx.sha, t);
    await setStatus(octokit, ctx, ctx.sha, outcome);
  }
}

async function setOutputs(outcome: Outcome, ctx: ReportContext, facts: Facts): Promise<void> {
  if (facts.fleet) setFleetOutputs(facts.fleet, ctx);
  else if (facts.plan) {
    const json = renderJson(facts.plan).trim();
    const file = join(ctx.tempDir || tmpdir(), `rayservice-rollout-${ctx.kind}-${process.pid}.json`);
    core.writeJsonFile(file, json);
    core.setOutput('plan-file', file);
    core.setJsonOutput('plan', core.jsonOutputBytes(json) <= OUTPUT_MAX_BYTES ? json : shortPlan(facts.plan, file));
    core.setOutput('change', strongestChange(facts.plan.services.map((s) => s.change)));
  }
  for (const [name, json] of Object.entries(facts.json ?? {})) core.setJsonOutput(name, json);
  for (const [name, text] of Object.entries(facts.text ?? {})) core.setOutput(name, text);
  // The comment body, with its marker, for workflows that post it elsewhere (fork PRs: docs/security.md).
  if (ctx.kind === 'plan' && outcome.comment !== undefined) core.setMarkdownOutput('comment', `${markerOf('plan', ctx)}\n${outcome.comment}`);
}

function setFleetOutputs(fleet: FleetPlan, ctx: ReportContext): void {
  const json = renderFleetJson(fleet).trim();
  const file = join(ctx.tempDir || tmpdir(), `rayservice-rollout-${ctx.kind}-${process.pid}.json`);
  core.writeJsonFile(file, json);
  core.setOutput('plan-file', file);
  const short = () =>
    JSON.stringify({
      truncated: true,
      note: 'The full plan is over the 1 MB a step output may hold: it is in the file named by the plan-file output.',
      planFile: file,
      targets: fleet.targets.map((t) => ({ name: t.name, wave: t.wave, services: t.plan.services.map((s) => ({ service: serviceKey(s), change: s.change })) })),
    });
  core.setJsonOutput('plan', core.jsonOutputBytes(json) <= OUTPUT_MAX_BYTES ? json : short());
  core.setOutput('change', strongestChange(fleet.targets.flatMap((t) => t.plan.services.map((s) => s.change))));
}

/** The hidden marker of our comments: per workflow, and per target for a matrix leg (legs never share a comment). */
function markerOf(kind: string, ctx: ReportContext): string {
  return markerFor(kind, ctx.scope ? `${ctx.workflow}/${ctx.scope}` : ctx.workflow);
}

/** The `plan` output when the full plan is over GitHub's output size: every service and its change, and where the rest is. */
function shortPlan(plan: Plan, file: string): string {
  return JSON.stringify({
    truncated: true,
    note: 'The full plan is over the 1 MB a step output may hold: it is in the file named by the plan-file output.',
    planFile: file,
    kuberayVersion: plan.kuberayVersion,
    services: plan.services.map((s) => ({ service: serviceKey(s), file: s.file, change: s.change })),
  });
}

async function commentOnPullRequest(octokit: Octokit, ctx: ReportContext, issueNumber: number, body: string, create: boolean): Promise<void> {
  await api('comment on the pull request', 'warning', async () => {
    const marker = markerOf('plan', ctx);
    const r = await upsertStickyComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber, marker }, core.markdownText(body), { create });
    if (r.action === 'none') {
      core.info('No RayService changed: no plan comment posted');
      return;
    }
    // Only comments the token's own identity wrote are edited or minimized (src/github/sticky-comment.ts).
    const as = r.author ? ` as ${r.author.login}${r.author.source === 'fallback' ? ' (viewer query refused)' : ''}` : '';
    core.info(`Plan comment ${r.action} (id ${r.id})${as}${r.minimized ? `, ${r.minimized} outdated minimized` : ''}`);
    for (const f of r.minimizeFailures) core.warning(`Could not minimize an outdated plan comment: ${f}`);
  });
}

async function commentOnMergedPullRequest(octokit: Octokit, ctx: ReportContext, sha: string, body: string): Promise<void> {
  await api('comment on the merged pull request', 'warning', async () => {
    const prs = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: sha });
    const pr = prs.data.find((x) => x.merged_at) ?? prs.data[0];
    if (!pr) return;
    await octokit.rest.issues.createComment({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: pr.number,
      body: core.markdownText(`${markerOf('apply', ctx)}\n${body}`),
    });
  });
}

async function setStatus(octokit: Octokit, ctx: ReportContext, sha: string, outcome: Pick<Outcome, 'state' | 'description'>): Promise<void> {
  // A status left unset keeps a required check waiting: unless the token may not write (a fork's
  // pull request, where the README's workflow_run pattern sets it), that fails the step.
  await api('set the commit status', 'error', () =>
    octokit.rest.repos.createCommitStatus({
      owner: ctx.owner,
      repo: ctx.repo,
      sha,
      context: ctx.statusContext,
      state: outcome.state,
      description: core.singleLine(statusDescription(outcome.description)),
      ...(ctx.runUrl ? { target_url: ctx.runUrl } : {}),
    }),
  );
}

/** One GitHub call that must not stop the others; what went wrong is said in words. */
async function api(what: string, level: 'warning' | 'error', f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (e) {
    const fault = apiFault(e);
    if (!fault) {
      core.setFailed(`internal error: could not ${what}: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it)`);
      return;
    }
    if (fault.kind === 'no-permission') {
      core.warning(
        `Could not ${what} (HTTP ${fault.status}): the token has no write access (a pull request from a fork?). The plan is in the job summary and the \`plan\` output; see the README for the fork-safe workflow.`,
      );
      return;
    }
    const text = `Could not ${what}: ${fault.text}${fault.kind === 'rate-limit' ? ' (retried while the wait was short; re-run the job later)' : ''}`;
    if (level === 'error') core.setFailed(text);
    else core.warning(text);
  }
}

/** A local step of the report (a file, an output) that must not keep the rest from running. */
async function step(what: string, f: () => unknown): Promise<void> {
  try {
    await f();
  } catch (e) {
    core.setFailed(`internal error: could not ${what}: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it)`);
  }
}
