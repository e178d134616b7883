/**
 * Observe after a merge (`mode: observe`), when Argo CD or Flux applies: the pushed range planned
 * from Git (or rendered), then, read-only, wait until each changed RayService carries the merged
 * spec and its rollout is done. Reported as apply mode reports: the commit status on the merged
 * SHA, the summary and the outcome comment on the merged pull request.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { observeAndWait } from '../flows/observe-and-wait.js';
import { targetConnect } from '../flows/fleet-plan.js';
import { connect } from '../kube/connection.js';
import { Deadline, formatSeconds } from '../kube/deadline.js';
import { plan } from '../planner/plan.js';
import { renderLine } from '../rollout/index.js';
import { applyFooter, manifestsOfPush, rolloutOutcome } from './apply-mode.js';
import type { ApplyTarget } from './event.js';
import type { ActionInputs } from './inputs.js';
import type { Outcome } from './outcome.js';
import type { RunInfo } from './plan-mode.js';
import type { Facts } from './report.js';

export async function runObserveMode(inputs: ActionInputs, push: ApplyTarget, run: RunInfo, facts: Facts): Promise<Outcome> {
  const { base, head } = await manifestsOfPush(inputs, push, run);
  const p = plan(base, head, { kuberayVersion: inputs.kuberayVersion, zeroDowntime: inputs.zeroDowntime });
  facts.plan = p;
  // One deadline for the sync and the rollouts together: the timeout input.
  const conn = await connect({ ...targetConnect(inputs), deadline: new Deadline(inputs.timeoutMs, `the timeout input (${formatSeconds(inputs.timeoutMs)})`) });
  const started = Date.now();
  const outcomes = await observeAndWait({
    conn,
    plan: p,
    head,
    syncTimeoutMs: inputs.syncTimeoutMs,
    timeoutMs: inputs.timeoutMs,
    requireHealthy: inputs.requireHealthy,
    onSynced: (s, generation) => core.info(`${s.namespace}/${s.name}: synced by the controller (generation ${generation}); expecting ${s.change}`),
    onProgress: (s, line) => core.info(`[${s.namespace}/${s.name}] ${renderLine(line)}`),
    onLog: (s, text) => core.info(`[${s.namespace}/${s.name}] ${text}`),
  });
  return rolloutOutcome(outcomes, { dryRun: false, footer: applyFooter(run, push.after), started, links: inputs.links }, facts);
}
