/**
 * Plan on a pull request or a merge group: manifests at the base and head SHAs → the plan → its
 * outcome (status, summary, comment: reported by src/action/report.ts), and annotations on the
 * manifest lines. Planning needs no cluster credentials and no token; the GitHub API is only the
 * report's business.
 */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import { ensureCommit, manifestsAt } from '../git/git-tree.js';
import { manifestsFromTexts, type ManifestSet } from '../manifests/load.js';
import { withRenderedCommits } from './render-trees.js';
import { plan } from '../planner/plan.js';
import { judgeFailOn } from '../planner/fail-on.js';
import { clusterAwarePlan } from '../flows/cluster-aware-plan.js';
import { planFleet, targetConnect } from '../flows/fleet-plan.js';
import type { FleetTarget } from '../targets/types.js';
import { inputsFor } from './fleet.js';
import { fleetPlanOutcome } from './fleet-outcome.js';
import type { Plan } from '../planner/types.js';
import type { ActionInputs } from './inputs.js';
import type { PlanTarget } from './event.js';
import { planOutcome, type Outcome } from './outcome.js';
import type { Facts } from './report.js';

export interface RunInfo {
  readonly workspace: string;
  readonly workflow: string;
  readonly runUrl: string | undefined;
  /** `https://github.com/owner/repo`: the comment links each field to its line at the head SHA. */
  readonly repoUrl?: string;
}

export function planFooter(run: RunInfo, target: Pick<PlanTarget, 'baseSha' | 'headSha'>): string | undefined {
  return run.runUrl
    ? `<sub>[Workflow run](${run.runUrl}) · rayservice-rollout · base \`${target.baseSha.slice(0, 7)}\` → head \`${target.headSha.slice(0, 7)}\`</sub>`
    : undefined;
}

/** Plans, fills `facts.plan`, and returns the outcome; a refusal (a bad manifest) throws. */
export async function runPlanMode(inputs: ActionInputs, target: PlanTarget, run: RunInfo, facts: Facts, title?: string): Promise<Outcome> {
  const result = await makePlan(inputs, target, run);
  facts.plan = result;
  const verdict = judgeFailOn(result, inputs.failOn);
  for (const w of verdict.warnings) core.warning(w);
  annotate(result);
  return planOutcome(result, verdict, planFooter(run, target), fileLinks(run, target), title);
}

/**
 * A fleet: every target planned at once (its own manifests, release, settings and, with `live`,
 * its own cluster), one comment with a verdict row per target, one status per target.
 */
export async function runFleetPlanMode(inputs: ActionInputs, fleet: readonly FleetTarget[], target: PlanTarget, run: RunInfo, facts: Facts): Promise<Outcome> {
  // Fetch the two commits once (a shallow checkout), not once per target.
  await Promise.all([ensureCommit(run.workspace, target.baseSha), ensureCommit(run.workspace, target.headSha)]);
  const planned = await planFleet(fleet, (t) => makePlan(inputsFor(inputs, t, run.workspace), target, run, t.name));
  facts.fleet = planned;
  const verdicts = planned.targets.map((tp, i) => {
    const verdict = judgeFailOn(tp.plan, fleet[i]!.failOn);
    for (const w of verdict.warnings) core.warning(`${tp.name}: ${w}`);
    annotate(tp.plan, tp.name);
    return verdict;
  });
  return fleetPlanOutcome(planned, verdicts, planFooter(run, target), fileLinks(run, target));
}

function fileLinks(run: RunInfo, target: PlanTarget) {
  return run.repoUrl ? { repoUrl: run.repoUrl, headSha: target.headSha, baseSha: target.baseSha } : undefined;
}

/** One target's plan: from Git at the two SHAs, or rendered in both commits; logged. */
async function makePlan(inputs: ActionInputs, target: PlanTarget, run: RunInfo, name?: string): Promise<Plan> {
  const tag = name ? `${name}: ` : '';
  const result = inputs.render
    ? await withRenderedCommits(run.workspace, { base: target.baseSha, head: target.headSha }, inputs, (pair) => {
        core.info(`${tag}Rendered with ${inputs.render}: ${pair.base.manifests.size} RayService(s) at base, ${pair.head.manifests.size} at head`);
        return pair.planWith(() => planManifests(inputs, pair.base.manifests, pair.head.manifests));
      })
    : await planFromGit(inputs, target, run, tag);
  if (result.cluster?.mode === 'git-only') for (const n of result.cluster.notes) core.warning(`${tag}${n.text}`);
  else if (result.cluster)
    core.info(
      `${tag}Compared with the cluster ${result.cluster.server ?? ''}: KubeRay ${result.kuberayVersion} (${result.cluster.operator?.detail ?? 'from the input'})`,
    );
  return result;
}

async function planFromGit(inputs: ActionInputs, target: PlanTarget, run: RunInfo, tag: string): Promise<Plan> {
  const globs = inputs.manifests;
  const [baseFiles, headFiles] = await Promise.all([manifestsAt(run.workspace, target.baseSha, globs), manifestsAt(run.workspace, target.headSha, globs)]);
  core.info(`${tag}Manifests: ${baseFiles.length} file(s) at base ${target.baseSha.slice(0, 7)}, ${headFiles.length} at head ${target.headSha.slice(0, 7)}`);
  const base = manifestsFromTexts(
    baseFiles.map((f) => ({ file: f.path, text: f.text })),
    inputs.namespace,
  );
  const head = manifestsFromTexts(
    headFiles.map((f) => ({ file: f.path, text: f.text })),
    inputs.namespace,
  );
  return planManifests(inputs, base, head);
}

async function planManifests(inputs: ActionInputs, base: ManifestSet, head: ManifestSet): Promise<Plan> {
  // prune: the comment says what merging will do with a RayService removed from Git.
  const options = {
    kuberayVersion: inputs.kuberayVersion,
    zeroDowntime: inputs.zeroDowntime,
    prune: inputs.prune,
    ...(inputs.incrementalGate !== undefined ? { incrementalGate: inputs.incrementalGate } : {}),
  };
  // A target of a fleet reads its own cluster: its kubeconfig and context.
  const connect = targetConnect(inputs);
  return inputs.live
    ? await clusterAwarePlan(base, head, { ...options, fieldManager: inputs.fieldManager, forceConflicts: inputs.forceConflicts, connect })
    : plan(base, head, options);
}

/** Annotations on the manifest lines that build a new cluster or are ignored, within GitHub's per-step limits. */
function annotate(p: Plan, targetName?: string): void {
  const of = (s: { namespace: string; name: string }) => `${targetName ? `${targetName}: ` : ''}${s.namespace}/${s.name}`;
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
        title: `${of(s)}: refused by the API server`,
      });
    }
    if (s.cluster?.fit.verdict === 'does-not-fit' && warnings < LIMIT) {
      core.warning(`${s.cluster.fit.summary}${s.cluster.fit.problems.length ? ` ${s.cluster.fit.problems.join(' ')}` : ''}`, {
        file: s.file,
        title: `${of(s)}: does not fit`,
      });
      warnings++;
    }
    for (const c of s.changes) {
      if (c.line === null) continue;
      const props = { file: c.file ?? s.file, startLine: c.line, title: `${of(s)}: ${c.effect}` };
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
