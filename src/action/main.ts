/**
 * The GitHub Action's entry point (dist/index.js). Mode from the event (pull_request or
 * pull_request_target → plan, push → apply) or the `mode` input. User errors end in one
 * `::error::` line, not a stack trace, and never print the token or kubeconfig.
 */
import { UserError } from '../util/user-error.js';
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { abandonedRequests } from '../kube/cluster-facts.js';
import { context, getOctokit } from '@actions/github';
import { InputError } from '../manifests/input-error.js';
import { ActionInputError, readInputs, type ActionMode } from './inputs.js';
import { runPlanMode, type PullRequestRef } from './plan-mode.js';
import { checkedOutCommit } from '../git/git-tree.js';
import { runApplyMode } from './apply-mode.js';

async function main(): Promise<void> {
  const inputs = readInputs();
  const mode: ActionMode = inputs.mode ?? (context.eventName === 'push' ? 'apply' : 'plan');
  core.info(`rayservice-rollout: ${mode} (event ${context.eventName}, KubeRay ${inputs.kuberayVersion})`);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const runUrl = context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : undefined;
  const octokit = inputs.token ? getOctokit(inputs.token) : undefined;

  if (mode === 'plan') {
    const pr = pullRequestFromEvent();
    if (context.eventName === 'pull_request_target') await warnIfHeadCheckedOut(workspace, pr.headSha);
    await runPlanMode(inputs, pr, { workspace, workflow: context.workflow, runUrl }, octokit);
    return;
  }
  const payload = context.payload as { before?: string; after?: string };
  const after = payload.after ?? context.sha;
  if (!after) throw new ActionInputError('apply mode needs the pushed commit (a push event, or GITHUB_SHA)');
  await runApplyMode(
    inputs,
    { owner: context.repo.owner, repo: context.repo.repo, before: payload.before ?? '0', after },
    { workspace, workflow: context.workflow, runUrl },
    octokit,
  );
}

/**
 * The pull request to plan, from the event payload the runner hands us (GITHUB_EVENT_PATH) and
 * nothing else: under pull_request_target the PR's files are hostile data, so its number and
 * SHAs are never read from a file, an artifact or an input. pull_request and pull_request_target
 * carry the same payload; SHAs are checked so nothing but an object name reaches git.
 */
function pullRequestFromEvent(): PullRequestRef {
  const pr = context.payload.pull_request as { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
  if (!pr) throw new ActionInputError(`plan mode needs a pull_request or pull_request_target event (got ${context.eventName}); set mode: apply for pushes`);
  const sha = (v: unknown) => (typeof v === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(v) ? v : undefined);
  const baseSha = sha(pr.base?.sha);
  const headSha = sha(pr.head?.sha);
  if (!Number.isSafeInteger(pr.number) || (pr.number as number) <= 0 || !baseSha || !headSha)
    throw new ActionInputError(`the ${context.eventName} event has no pull request number and base/head SHAs`);
  return { owner: context.repo.owner, repo: context.repo.repo, number: pr.number as number, baseSha, headSha };
}

/** pull_request_target with the PR's head checked out is the "pwn request" pattern: say so loudly. */
async function warnIfHeadCheckedOut(workspace: string, headSha: string): Promise<void> {
  if ((await checkedOutCommit(workspace))?.toLowerCase() !== headSha.toLowerCase()) return;
  core.warning(
    "The workspace has the pull request's head checked out under pull_request_target: any step that runs its files runs them with a write token. Check out the base branch (actions/checkout without `ref:`); this action reads the head's manifests from Git as data (docs/security.md).",
  );
}

main()
  .catch((e: unknown) => {
    if (e instanceof UserError) {
      if (e instanceof InputError && e.line) core.error(e.message, { file: e.file, startLine: e.line });
      core.setFailed(e.message);
      return;
    }
    core.setFailed(`internal error: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it)`);
    if (process.env.RUNNER_DEBUG === '1') core.debug((e as Error)?.stack ?? '');
  })
  .finally(() => {
    // Don't keep the job waiting on requests abandoned on timeout (a black-holed API server).
    if (abandonedRequests() > 0) process.exit();
  });
