/**
 * Plan on a pull request: manifests at the PR's base and head SHAs → the plan → one sticky
 * comment, a commit status on the head SHA, annotations, the job summary and outputs.
 * Planning needs no cluster credentials; a read-only token (fork PRs) degrades to summary and
 * outputs with a warning, never a failed job for that reason alone.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import type { getOctokit } from '@actions/github';
import { manifestsAt } from '../git/git-tree.js';
import { upsertStickyComment, markerFor } from '../github/sticky-comment.js';
import { manifestsFromTexts } from '../manifests/load.js';
import { plan } from '../planner/plan.js';
import { judgeFailOn } from '../planner/fail-on.js';
import { clusterAwarePlan } from '../flows/cluster-aware-plan.js';
import { strongestChange, type Plan } from '../planner/types.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown, summaryLine } from '../render/markdown.js';
import type { ActionInputs } from './inputs.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
}

export interface RunInfo {
  readonly workspace: string;
  readonly workflow: string;
  readonly runUrl: string | undefined;
}

export async function runPlanMode(inputs: ActionInputs, pr: PullRequestRef, run: RunInfo, octokit: Octokit | undefined): Promise<Plan> {
  const globs = inputs.manifests;
  const [baseFiles, headFiles] = await Promise.all([manifestsAt(run.workspace, pr.baseSha, globs), manifestsAt(run.workspace, pr.headSha, globs)]);
  core.info(`Manifests: ${baseFiles.length} file(s) at base ${pr.baseSha.slice(0, 7)}, ${headFiles.length} at head ${pr.headSha.slice(0, 7)}`);
  const base = manifestsFromTexts(
    baseFiles.map((f) => ({ file: f.path, text: f.text })),
    inputs.namespace,
  );
  const head = manifestsFromTexts(
    headFiles.map((f) => ({ file: f.path, text: f.text })),
    inputs.namespace,
  );
  const options = { kuberayVersion: inputs.kuberayVersion, zeroDowntime: inputs.zeroDowntime };
  const result = inputs.live
    ? await clusterAwarePlan(base, head, { ...options, fieldManager: inputs.fieldManager, forceConflicts: inputs.forceConflicts })
    : plan(base, head, options);
  if (result.cluster?.mode === 'git-only') for (const n of result.cluster.notes) core.warning(n);
  else if (result.cluster)
    core.info(
      `Compared with the cluster ${result.cluster.server ?? ''}: KubeRay ${result.kuberayVersion} (${result.cluster.operator?.detail ?? 'from the input'})`,
    );

  const verdict = judgeFailOn(result, inputs.failOn);
  for (const w of verdict.warnings) core.warning(w);
  const footer = run.runUrl
    ? `<sub>[Workflow run](${run.runUrl}) · rayservice-rollout · base \`${pr.baseSha.slice(0, 7)}\` → head \`${pr.headSha.slice(0, 7)}\`</sub>`
    : undefined;
  const markdown = renderMarkdown(result, footer ? { footer } : {});

  annotate(result);
  core.setJsonOutput('plan', renderJson(result).trim());
  core.setOutput('change', strongestChange(result.services.map((s) => s.change)));
  core.setOutput('result', verdict.result);
  // The comment body, with its marker, for workflows that post it elsewhere (fork PRs: docs/security.md).
  core.setMarkdownOutput('comment', `${markerFor('plan', run.workflow)}\n${markdown}`);
  await core.writeSummary(renderMarkdown(result, { maxLength: 1_000_000, ...(footer ? { footer } : {}) }));

  const policy = verdict.reasons.join('; ') || undefined;

  if (octokit) {
    if (inputs.comment) {
      await tolerateNoPermission('comment on the pull request', async () => {
        const r = await upsertStickyComment(
          octokit,
          { owner: pr.owner, repo: pr.repo, issueNumber: pr.number, marker: markerFor('plan', run.workflow) },
          core.markdownText(markdown),
        );
        // Only comments the token's own identity wrote are edited or minimized (src/github/sticky-comment.ts).
        const as = r.author ? ` as ${r.author.login}${r.author.source === 'fallback' ? ' (viewer query refused)' : ''}` : '';
        core.info(`Plan comment ${r.action} (id ${r.id})${as}${r.minimized ? `, ${r.minimized} outdated minimized` : ''}`);
      });
    }
    await tolerateNoPermission('set the commit status', async () => {
      await octokit.rest.repos.createCommitStatus({
        owner: pr.owner,
        repo: pr.repo,
        sha: pr.headSha,
        context: inputs.statusContext,
        state: policy ? 'failure' : 'success',
        description: truncate(core.singleLine(policy ?? summaryLine(result).replace(/\*\*|`/g, '')), 140),
        ...(run.runUrl ? { target_url: run.runUrl } : {}),
      });
    });
  }
  if (policy) core.setFailed(policy);
  return result;
}

/** Annotations on the manifest lines that build a new cluster or are ignored, within GitHub's per-step limits. */
function annotate(p: Plan): void {
  const LIMIT = 10; // GitHub shows at most 10 errors, 10 warnings and 10 notices per step
  let warnings = 0;
  let notices = 0;
  let errors = 0;
  for (const s of p.services) {
    for (const e of s.cluster?.dryRunErrors ?? []) {
      if (errors++ >= LIMIT) break;
      core.error(`${e.path ? `${e.path}: ` : ''}the API server refuses this manifest: ${e.message}`, {
        file: s.file,
        ...(e.line ? { startLine: e.line } : {}),
        title: `${s.namespace}/${s.name}: refused by the API server`,
      });
    }
    if (s.cluster?.fit.verdict === 'does-not-fit' && warnings < LIMIT) {
      core.warning(`${s.cluster.fit.summary}${s.cluster.fit.problems.length ? ` ${s.cluster.fit.problems.join(' ')}` : ''}`, {
        file: s.file,
        title: `${s.namespace}/${s.name}: does not fit`,
      });
      warnings++;
    }
    for (const c of s.changes) {
      if (c.line === null) continue;
      const props = { file: s.file, startLine: c.line, title: `${s.namespace}/${s.name}: ${c.effect}` };
      if (c.effect === 'ignored' && warnings < LIMIT) {
        core.warning(`${c.path}: ignored by the operator${c.note ? ` (${c.note})` : ''}`, props);
        warnings++;
      } else if ((c.effect === 'cluster' || c.effect === 'cluster-incremental') && notices < LIMIT) {
        core.notice(`${c.path}: builds a new RayCluster (${c.effect})`, props);
        notices++;
      }
    }
  }
}

async function tolerateNoPermission(what: string, f: () => Promise<void>): Promise<void> {
  try {
    await f();
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 403 || status === 404) {
      core.warning(
        `Could not ${what} (HTTP ${status}): the token has no write access (a pull request from a fork?). The plan is in the job summary and the \`plan\` output; see the README for the fork-safe workflow.`,
      );
      return;
    }
    throw e;
  }
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
