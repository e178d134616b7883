/**
 * Apply on push: manifests at the pushed range (before → after), planned, dry-run, applied with
 * server-side apply, then every rollout waited for; progress streamed in the log, the timeline or
 * the diagnosis in the job summary, a commit status on the pushed SHA, and the outcome commented
 * on the merged pull request.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import type { getOctokit } from '@actions/github';
import { manifestsAt } from '../git/git-tree.js';
import { applyAndWait, overallResult } from '../flows/apply-and-wait.js';
import { connect } from '../kube/connection.js';
import { manifestsFromTexts } from '../manifests/load.js';
import { planBeforeApply } from '../flows/cluster-aware-plan.js';
import { logClusterFindings } from './cluster-findings.js';
import { strongestChange } from '../planner/types.js';
import { renderJson } from '../render/json.js';
import { renderOutcomes } from '../render/rollout-markdown.js';
import { renderLine, renderVerdict } from '../rollout/index.js';
import { markerFor } from '../github/sticky-comment.js';
import type { ActionInputs } from './inputs.js';
import { DEFAULTS } from '../settings/defaults.js';
import type { RunInfo } from './plan-mode.js';
import { serviceKey } from '../util/objects.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface PushRef {
  readonly owner: string;
  readonly repo: string;
  /** The commit before the push; all zeros for a new branch. */
  readonly before: string;
  readonly after: string;
}

const NO_COMMIT = /^0+$/;

export async function runApplyMode(inputs: ActionInputs, push: PushRef, run: RunInfo, octokit: Octokit | undefined): Promise<void> {
  const globs = inputs.manifests;
  const [baseFiles, headFiles] = await Promise.all([
    NO_COMMIT.test(push.before) ? Promise.resolve([]) : manifestsAt(run.workspace, push.before, globs),
    manifestsAt(run.workspace, push.after, globs),
  ]);
  const base = manifestsFromTexts(
    baseFiles.map((f) => ({ file: f.path, text: f.text })),
    inputs.namespace,
  );
  const head = manifestsFromTexts(
    headFiles.map((f) => ({ file: f.path, text: f.text })),
    inputs.namespace,
  );
  const conn = await connect();
  const p = await planBeforeApply(conn, base, head, {
    kuberayVersion: inputs.kuberayVersion,
    zeroDowntime: inputs.zeroDowntime,
    fieldManager: inputs.fieldManager,
    forceConflicts: inputs.forceConflicts,
  });
  logClusterFindings(p);
  core.setJsonOutput('plan', renderJson(p).trim());
  core.setOutput('change', strongestChange(p.services.map((s) => s.change)));
  for (const s of p.services.filter((x) => x.change === 'delete'))
    core.warning(`${s.namespace}/${s.name} is gone from ${push.after.slice(0, 7)}: not deleted from the cluster (deletion is not enabled).`);

  const started = Date.now();
  const outcomes = await applyAndWait({
    conn,
    plan: p,
    head,
    base,
    onFailure: inputs.onFailure,
    onRollback: (s, text) => core.warning(`${s.namespace}/${s.name}: rollback: ${text}`),
    timeoutMs: inputs.timeoutMs,
    fieldManager: inputs.fieldManager,
    forceConflicts: inputs.forceConflicts,
    dryRun: inputs.dryRun,
    onApplied: (s, a) => core.info(`${s.namespace}/${s.name}: applied (generation ${a.generation}); expecting ${s.change}`),
    onProgress: (s, line) => core.info(`[${s.namespace}/${s.name}] ${renderLine(line)}`),
    onLog: (s, text) => core.info(`[${s.namespace}/${s.name}] ${text}`),
  });
  for (const o of outcomes) {
    if (!o.verdict) continue;
    core.startGroup(`${o.service.namespace}/${o.service.name}: ${o.verdict.result}`);
    for (const l of renderVerdict(o.verdict)) core.info(l);
    core.endGroup();
  }
  const result = inputs.dryRun ? 'dry-run' : overallResult(outcomes);
  core.setOutput('result', result);
  core.setJsonOutput(
    'clusters',
    JSON.stringify(Object.fromEntries(outcomes.filter((o) => o.verdict?.activeCluster).map((o) => [serviceKey(o.service), o.verdict!.activeCluster]))),
  );
  core.setJsonOutput(
    'durations',
    JSON.stringify(Object.fromEntries(outcomes.filter((o) => o.verdict).map((o) => [serviceKey(o.service), Math.round(o.verdict!.durationMs / 1000)]))),
  );
  core.setOutput('duration', String(Math.round((Date.now() - started) / 1000)));

  const footer = run.runUrl ? `<sub>[Workflow run](${run.runUrl}) · rayservice-rollout · \`${push.after.slice(0, 7)}\`</sub>` : undefined;
  const markdown = renderOutcomes(outcomes, { title: inputs.dryRun ? 'RayService rollout (dry run)' : 'RayService rollout', ...(footer ? { footer } : {}) });
  await core.writeSummary(markdown);

  if (octokit) {
    const failed = result === 'failed' || result === 'timeout';
    await bestEffort('set the commit status', () =>
      octokit.rest.repos.createCommitStatus({
        owner: push.owner,
        repo: push.repo,
        sha: push.after,
        context: inputs.statusContext === DEFAULTS.planStatusContext ? DEFAULTS.applyStatusContext : inputs.statusContext,
        state: failed ? 'failure' : 'success',
        description: core.singleLine(describe(outcomes.length, result)),
        ...(run.runUrl ? { target_url: run.runUrl } : {}),
      }),
    );
    if (inputs.comment && outcomes.length) {
      await bestEffort('comment on the merged pull request', async () => {
        const prs = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: push.owner, repo: push.repo, commit_sha: push.after });
        const pr = prs.data.find((x) => x.merged_at) ?? prs.data[0];
        if (!pr) return;
        await octokit.rest.issues.createComment({
          owner: push.owner,
          repo: push.repo,
          issue_number: pr.number,
          body: core.markdownText(`${markerFor('apply', run.workflow)}\n${markdown}`),
        });
      });
    }
  }
  if (result === 'failed' || result === 'timeout') {
    const bad = outcomes.filter((o) => o.verdict && o.verdict.result !== 'succeeded');
    core.setFailed(bad.map((o) => o.verdict!.summary).join('; '));
  }
}

function describe(n: number, result: string): string {
  if (n === 0) return 'nothing to apply';
  return `${n} RayService${n > 1 ? 's' : ''}: ${result}`;
}

async function bestEffort(what: string, f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (e) {
    core.warning(`Could not ${what}: ${(e as Error).message.split('\n')[0]}`);
  }
}
