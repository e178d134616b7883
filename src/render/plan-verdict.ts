/**
 * The first thing a reviewer reads: what merging does, in one or two sentences, and what it costs
 * at peak, added up the way apply runs the rollouts (all RayServices at once).
 */
import type { Change, Plan, ServicePlan } from '../planner/types.js';
import { describeExtra, labelledExtra } from './plan-figures.js';
import { prose } from './md.js';

/** How a RayService reads in the verdict: the words per count, or undefined when it is left out. */
function actionOf(s: ServicePlan): [key: string, one: string, many: (n: number) => string] | undefined {
  const edited = s.manifest === 'edited';
  const c: Change = s.change;
  switch (c) {
    case 'cluster':
      return ['cluster', 'builds 1 new RayCluster (blue/green)', (n) => `builds ${n} new RayClusters (blue/green)`];
    case 'cluster-incremental':
      return ['incremental', 'builds 1 new RayCluster, traffic moved step by step', (n) => `builds ${n} new RayClusters, traffic moved step by step`];
    case 'create':
      return edited
        ? ['resume', 'resumes 1 suspended RayService (a new RayCluster)', (n) => `resumes ${n} suspended RayServices (new RayClusters)`]
        : ['create', 'creates 1 RayService', (n) => `creates ${n} RayServices`];
    case 'cluster-inplace':
      return ['inplace', 'updates 1 running RayCluster in place', (n) => `updates ${n} running RayClusters in place`];
    case 'app':
      return ['app', 'updates 1 Serve config in place', (n) => `updates ${n} Serve configs in place`];
    case 'delete':
      if (edited)
        return ['suspend', 'suspends 1 RayService (KubeRay deletes its clusters)', (n) => `suspends ${n} RayServices (KubeRay deletes their clusters)`];
      if (s.removal === 'prune') return ['prune', 'deletes 1 RayService removed from Git (prune)', (n) => `deletes ${n} RayServices removed from Git (prune)`];
      if (s.removal === 'not-ours')
        return [
          'not-ours',
          'leaves 1 RayService removed from Git running (applied by someone else, so prune keeps it)',
          (n) => `leaves ${n} RayServices removed from Git running (applied by someone else, so prune keeps them)`,
        ];
      return [
        'orphan',
        'leaves 1 RayService removed from Git running (apply never deletes)',
        (n) => `leaves ${n} RayServices removed from Git running (apply never deletes)`,
      ];
    default:
      return undefined;
  }
}

/** What merging does, as phrases counted by kind ("builds 2 new RayClusters (blue/green)", …). */
export function mergingPhrases(shown: readonly ServicePlan[]): string[] {
  const actions = new Map<string, { one: string; many: (n: number) => string; n: number }>();
  for (const s of shown) {
    const a = actionOf(s);
    if (!a) continue;
    const prev = actions.get(a[0]);
    actions.set(a[0], { one: a[1], many: a[2], n: (prev?.n ?? 0) + 1 });
  }
  return [...actions.values()].map((a) => (a.n === 1 ? a.one : a.many(a.n)));
}

export function verdictText(plan: Plan, shown: readonly ServicePlan[]): string {
  const phrases = mergingPhrases(shown);
  const ignored = shown.filter((s) => s.change === 'ignored').length;
  const sentences: string[] = [];
  if (phrases.length) sentences.push(`**Merging ${joinAnd(phrases)}.**`);
  else if (ignored) sentences.push('**Merging changes nothing that KubeRay acts on.**');
  else sentences.push(`**Merging changes ${shown.length} RayService manifest${shown.length > 1 ? 's' : ''}, but nothing reaches the operator.**`);
  const cost = describeExtra(labelledExtra(shown));
  if (cost) sentences.push(`At peak (apply rolls them out in parallel): ${cost}.`);
  if (ignored) sentences.push(`KubeRay will ignore ${ignored === 1 ? 'the change to 1 RayService' : `the changes to ${ignored} RayServices`}.`);
  sentences.push(...liveFlags(shown));
  if (cost) sentences.push(fitSentence(plan));
  return sentences.filter(Boolean).join(' ');
}

/** What the cluster said that stops or endangers the merge. */
function liveFlags(shown: readonly ServicePlan[]): string[] {
  const refused = shown.filter((s) => s.cluster?.dryRun === 'refused').length;
  const misfits = shown.filter((s) => s.cluster?.fit.verdict === 'does-not-fit').length;
  const drifted = shown.filter((s) => (s.cluster?.drift.length ?? 0) > 0).length;
  return [
    refused ? `⛔ The API server refuses ${refused}: apply would stop before changing anything.` : '',
    misfits ? `⛔ ${misfits} ${misfits > 1 ? 'do' : 'does'} not fit in the cluster.` : '',
    drifted ? `⚠️ ${drifted} drifted from Git.` : '',
  ];
}

/** Whether the new pods fit: checked against the cluster, or how to check it. */
function fitSentence(plan: Plan): string {
  if (plan.cluster?.mode === 'live') return '';
  return 'Whether it fits was not checked (Git only): run `plan --live`, or set the action input `live: true`.';
}

export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The version line under the verdict. */
export function versionText(plan: Plan): string {
  return `KubeRay ${prose(plan.kuberayVersion)}`;
}
