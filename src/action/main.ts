/**
 * The GitHub Action's entry point (dist/index.js). `run()` resolves the event (src/action/event.ts),
 * lets the mode compute an outcome, turns whatever stopped it into one (src/action/outcome.ts), and
 * always reports it (src/action/report.ts): every run that starts sets its commit status, the
 * `result` output and the job summary. A user error is one line, not a stack trace; only a real
 * bug is called an internal error. Exported for @github/local-action, which imports this module
 * and calls run(); run only on import when this file is the process's entry (the bundle).
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { getInput } from '@actions/core';
import { context } from '@actions/github';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { abandonedRequests } from '../kube/cluster-facts.js';
import { apiLimitsFromEnv, createOctokit } from '../github/api.js';
import { checkedOutCommit } from '../git/git-tree.js';
import { DEFAULTS } from '../settings/defaults.js';
import { ActionInputError, readInputs, type ActionInputs } from './inputs.js';
import { inputsFor, readFleet } from './fleet.js';
import type { FleetTarget } from '../targets/types.js';
import { pullRequestNumber, resolveTarget, statusSha, type EventInput, type Target } from './event.js';
import { errorOutcome, type Outcome } from './outcome.js';
import { planFooter, runFleetPlanMode, runPlanMode, type RunInfo } from './plan-mode.js';
import { applyFooter, runApplyMode } from './apply-mode.js';
import { runFleetApplyMode } from './fleet-apply-mode.js';
import { runObserveMode } from './observe-mode.js';
import { report, type Facts, type ReportContext } from './report.js';
import { checkRenderTrust } from './render-trees.js';

export async function run(): Promise<void> {
  const ev: EventInput = {
    eventName: context.eventName,
    payload: context.payload as Record<string, unknown>,
    sha: context.sha,
    owner: context.repo.owner,
    repo: context.repo.repo,
  };
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const runUrl = context.runId ? `${context.serverUrl}/${ev.owner}/${ev.repo}/actions/runs/${context.runId}` : undefined;
  const info: RunInfo = { workspace, workflow: context.workflow, runUrl, repoUrl: `${context.serverUrl}/${ev.owner}/${ev.repo}` };
  // What the report needs is read without the parsers that may refuse an input: a wrong `fail-on`
  // must still leave a status on the commit.
  const token = getInput('github-token');
  const octokit = token ? createOctokit(token, apiLimitsFromEnv(process.env), (t) => core.warning(t)) : undefined;
  const facts: Facts = {};
  let inputs: ActionInputs | undefined;
  let target: Target | undefined;
  let outcome: Outcome;
  try {
    inputs = readInputs();
    target = resolveTarget(ev, inputs.mode);
    let fleet = await readFleet(inputs, workspace);
    // A matrix leg (`target`) runs its one target as a single-target run, scoped by its name.
    if (fleet && inputs.target) {
      inputs = inputsFor(inputs, fleet[0]!, workspace);
      fleet = undefined;
    }
    core.info(`rayservice-rollout: ${target.mode} (event ${ev.eventName}, ${fleet ? `${fleet.length} targets` : `KubeRay ${inputs.kuberayVersion}`})`);
    checkRenderTrust(ev.eventName, inputs);
    for (const t of fleet ?? []) checkRenderTrust(ev.eventName, inputsFor(inputs, t, workspace));
    outcome = await runMode(inputs, target, fleet, info, facts, ev);
  } catch (e) {
    const kind = reportKind(ev, target, inputs);
    const footer = target?.mode === 'plan' ? planFooter(info, target) : target ? applyFooter(info, target.after) : undefined;
    outcome = errorOutcome(e, kind, footer, inputs?.target || undefined);
    if (process.env.RUNNER_DEBUG === '1') core.debug((e as Error)?.stack ?? '');
  }
  await report(outcome, reportContext(ev, info, target, inputs), facts, octokit, inputs?.comment ?? false);
}

async function runMode(inputs: ActionInputs, target: Target, fleet: FleetTarget[] | undefined, info: RunInfo, facts: Facts, ev: EventInput): Promise<Outcome> {
  const scope = inputs.target ? `${inputs.target}` : undefined;
  if (target.mode === 'plan') {
    if (ev.eventName === 'pull_request_target') await warnIfHeadCheckedOut(info.workspace, target.headSha);
    if (fleet) return runFleetPlanMode(inputs, fleet, target, info, facts);
    return runPlanMode(inputs, target, info, facts, scope ? `RayService rollout plan · ${scope}` : undefined);
  }
  if (fleet && target.mode === 'observe') throw new ActionInputError('observe mode follows one target: run a job per target (a matrix) with the target input');
  if (fleet) return runFleetApplyMode(inputs, fleet, target, info, facts);
  if (target.mode === 'observe') return runObserveMode(inputs, target, info, facts);
  return runApplyMode(inputs, target, info, facts, scope);
}

function reportContext(ev: EventInput, info: RunInfo, target: Target | undefined, inputs: ActionInputs | undefined): ReportContext {
  const kind = reportKind(ev, target, inputs);
  const context = getInput('status-context').trim() || DEFAULTS.planStatusContext;
  // A matrix leg's status and comment carry its target's name: legs never overwrite each other.
  const scope = inputs?.target || getInput('target').trim() || undefined;
  // Apply mode reports under its own context unless one is set, so a plan check is never overwritten.
  const statusContext = kind === 'apply' && context === DEFAULTS.planStatusContext ? DEFAULTS.applyStatusContext : context;
  return {
    kind,
    owner: ev.owner,
    repo: ev.repo,
    sha: target ? (target.mode === 'plan' ? target.headSha : target.after) : statusSha(ev),
    statusContext: scope && /^[a-z0-9._-]{1,40}$/.test(scope) ? `${statusContext} (${scope})` : statusContext,
    ...(scope && /^[a-z0-9._-]{1,40}$/.test(scope) ? { scope } : {}),
    pullRequest: target ? (target.mode === 'plan' ? target.pullRequest : undefined) : pullRequestNumber(ev),
    commentOnMergedPullRequest: ev.eventName === 'push',
    workflow: info.workflow,
    runUrl: info.runUrl,
    tempDir: process.env.RUNNER_TEMP,
  };
}

/** Observe mode reports as apply mode does: the same status context, summary and merged-PR comment. */
function reportKind(ev: EventInput, target: Target | undefined, inputs: ActionInputs | undefined): 'plan' | 'apply' {
  const mode = target?.mode ?? inputs?.mode ?? (ev.eventName === 'push' ? 'apply' : 'plan');
  return mode === 'plan' ? 'plan' : 'apply';
}

/** pull_request_target with the PR's head checked out is the "pwn request" pattern: say so loudly. */
async function warnIfHeadCheckedOut(workspace: string, headSha: string): Promise<void> {
  if ((await checkedOutCommit(workspace))?.toLowerCase() !== headSha.toLowerCase()) return;
  core.warning(
    "The workspace has the pull request's head checked out under pull_request_target: any step that runs its files runs them with a write token. Check out the base branch (actions/checkout without `ref:`); this action reads the head's manifests from Git as data (docs/security.md).",
  );
}

/** True when this module is what `node` was asked to run (the bundle), not an import (local-action, tests). */
function isEntry(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  run()
    .catch((e: unknown) => core.setFailed(`internal error: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it)`))
    .finally(() => {
      // Don't keep the job waiting on requests abandoned on timeout (a black-holed API server).
      if (abandonedRequests() > 0) process.exit();
    });
}
