/**
 * The GitHub Action's entry point (dist/index.js). Mode from the event (pull_request → plan,
 * push → apply) or the `mode` input. User errors end in one `::error::` line, not a stack trace,
 * and never print the token or kubeconfig.
 */
import { UserError } from '../util/user-error.js';
import * as core from '@actions/core';
import { abandonedRequests } from '../kube/cluster-facts.js';
import { context, getOctokit } from '@actions/github';
import { InputError } from '../manifests/input-error.js';
import { ActionInputError, readInputs, type Mode } from './inputs.js';
import { runPlanMode } from './plan-mode.js';
import { runApplyMode } from './apply-mode.js';

async function main(): Promise<void> {
  const inputs = readInputs();
  const mode: Mode = inputs.mode ?? (context.eventName === 'push' ? 'apply' : 'plan');
  core.info(`rayservice-rollout: ${mode} (event ${context.eventName}, KubeRay ${inputs.kuberayVersion})`);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const runUrl = context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : undefined;
  const octokit = inputs.token ? getOctokit(inputs.token) : undefined;

  if (mode === 'plan') {
    const pr = context.payload.pull_request;
    if (!pr) throw new ActionInputError(`plan mode needs a pull_request event (got ${context.eventName}); set mode: apply for pushes`);
    await runPlanMode(
      inputs,
      { owner: context.repo.owner, repo: context.repo.repo, number: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha },
      { workspace, workflow: context.workflow, runUrl },
      octokit,
    );
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
