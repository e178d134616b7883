/**
 * A RayService's health as a list of problems, and which of them predate a change.
 *
 * The plan and `apply` report the problems as they stand before the change; at the end of a wait
 * the problems that predate the change, and that it neither caused nor was meant to fix, make the
 * rollout "done, degraded" instead of failing it. The same rules serve `apply` (which read the state
 * before applying) and `wait` (which did not), so that both judge one state the same way:
 *
 * - a pod predates the change when it was created before the change reached the API server
 *   (`Baseline.changedAt`: the RayService's last spec write, which both can read); KubeRay never
 *   rewrites an existing pod, so such a pod is as the change found it;
 * - a Serve application predates the change when it was failing before (`Baseline.problems`: apply
 *   reads them before applying, wait when it starts), the change does not rewrite its config, and
 *   it was not seen deploying since. Without a baseline no application predates the change.
 *
 * Pure: snapshots and the target in, problems out (docs/rollout-rules.md, rule ids in docs/rule-ids.md).
 */
import { BAD_STATES, HOPELESS_WAITING, activeName, apps, condition, isUnschedulable, pendingName, podsOf } from './observed.js';
import { healthProblem } from './wording.js';
import type { HealthProblem, Memory, PodView, ResolvedTarget, RolloutTarget, ServiceStatus, Snapshot } from './types.js';

/** Application states that say the application is being (re)deployed. */
const DEPLOYING_STATES: ReadonlySet<string> = new Set(['DEPLOYING', 'NOT_STARTED']);

/** The problems of one snapshot: the operator's refusal, a pending upgrade, pods that cannot run, failing applications. */
export function healthOf(snap: Snapshot): HealthProblem[] {
  const rs = snap.rayService;
  if (!rs) return [];
  const out: HealthProblem[] = [];
  const ready = condition(rs, 'Ready');
  if (ready?.status === 'False' && ready.reason === 'ValidationFailed')
    out.push(healthProblem('health.validation-failed', 'service', { ...(ready.message ? { message: ready.message } : {}) }));
  const active = activeName(rs);
  const pending = pendingName(rs);
  if (pending !== undefined) out.push(pendingUpgrade(snap, pending, active));
  for (const c of [active, pending])
    if (c !== undefined) out.push(...podProblems(snap, c), ...appProblemsOf(c, c === active ? rs.activeServiceStatus : rs.pendingServiceStatus));
  return out;
}

/** An upgrade under way before the change: its pending cluster, and how many of its pods are ready. */
function pendingUpgrade(snap: Snapshot, pending: string, active: string | undefined): HealthProblem {
  const pods = podsOf(snap, pending);
  const ready = pods.filter((p) => p.ready).length;
  const stuck = pods.some((p) => !p.ready && (isUnschedulable(p) || (p.waiting !== undefined && HOPELESS_WAITING.has(p.waiting.reason))));
  const data = { pending, ...(active ? { active } : {}), ...(snap.pods === undefined ? {} : { ready, pods: pods.length }) };
  return healthProblem(stuck ? 'health.upgrade-stuck' : 'health.upgrade-pending', `cluster:${pending}`, data);
}

/** Pods that cannot be scheduled or wait in a state that does not heal by itself. */
export function podProblems(snap: Snapshot, cluster: string): HealthProblem[] {
  return podsOf(snap, cluster).flatMap((p) => {
    const p0 = podProblem(p, cluster);
    return p0 ? [p0] : [];
  });
}

function podProblem(p: PodView, cluster: string): HealthProblem | undefined {
  if (p.ready) return undefined;
  const who = { pod: p.name, cluster, ...(p.nodeType ? { nodeType: p.nodeType } : {}), ...(p.group ? { group: p.group } : {}) };
  if (isUnschedulable(p))
    return healthProblem('health.pod-unschedulable', `pod:${p.name}`, { ...who, ...(p.scheduled?.message ? { message: p.scheduled.message } : {}) });
  if (p.waiting && HOPELESS_WAITING.has(p.waiting.reason))
    return healthProblem('health.pod-waiting', `pod:${p.name}`, {
      ...who,
      reason: p.waiting.reason,
      ...(p.waiting.message ? { message: p.waiting.message } : {}),
    });
  return undefined;
}

/** Applications (or their deployments) DEPLOY_FAILED or UNHEALTHY on one cluster. */
function appProblemsOf(cluster: string, status: ServiceStatus | undefined): HealthProblem[] {
  return apps(status).flatMap(([name, app]) => {
    const sick = Object.entries(app.serveDeploymentStatuses ?? {}).filter(([, d]) => BAD_STATES.has(d.status));
    if (!BAD_STATES.has(app.status) && sick.length === 0) return [];
    const deployments = sick.map(([d, s]) => ({ name: d, status: s.status, ...(s.message ? { message: s.message } : {}) }));
    const data = { app: name, cluster, status: app.status, ...(app.message ? { message: app.message } : {}), deployments };
    return [healthProblem('health.app-failed', appSubject(cluster, name), data)];
  });
}

export const appSubject = (cluster: string, app: string) => `app:${cluster}/${app}`;

/** `changedAt` at second precision, as creation timestamps are: a pod created in the same second counts as the change's. */
function changeSecond(target: Pick<RolloutTarget, 'baseline' | 'startedAt'>): number {
  const at = target.baseline?.changedAt ?? target.startedAt;
  return Math.floor(at / 1000) * 1000;
}

/** The pod existed before the change reached the API server (so the change did not create it). */
export function podPredates(target: Pick<RolloutTarget, 'baseline' | 'startedAt'>, pod: PodView): boolean {
  return pod.createdAt !== undefined && pod.createdAt < changeSecond(target);
}

/** A pod that cannot run (unschedulable, or stuck waiting) and predates the change: not the change's doing. */
export function excusedPod(target: Pick<RolloutTarget, 'baseline' | 'startedAt'>, pod: PodView): boolean {
  return podPredates(target, pod) && podProblem(pod, '') !== undefined;
}

/**
 * A failing application that the change neither caused nor was meant to fix: failing before the
 * change, its config not rewritten by it, and not seen deploying since.
 */
export function appPredates(target: ResolvedTarget, memory: Memory, cluster: string | undefined, app: string): boolean {
  if (cluster === undefined) return false;
  const subject = appSubject(cluster, app);
  if (memory.redeployed.includes(subject)) return false;
  const before = target.baseline?.problems ?? [];
  return before.some((p) => p.subject === subject) && !(target.baseline?.touchedApps ?? []).includes(app);
}

/** Remember the applications seen deploying: whatever they do next is the change's doing. */
export function trackRedeployed(memory: Memory, snap: Snapshot): void {
  const rs = snap.rayService;
  if (!rs) return;
  const clusters = [
    [activeName(rs), rs.activeServiceStatus],
    [pendingName(rs), rs.pendingServiceStatus],
  ] as const;
  for (const [c, s] of clusters) {
    if (c === undefined) continue;
    for (const [name, app] of apps(s)) {
      const subject = appSubject(c, name);
      if (DEPLOYING_STATES.has(app.status) && !memory.redeployed.includes(subject)) memory.redeployed.push(subject);
    }
  }
}

/**
 * The problems of the final state that predate the change: pods created before it and applications
 * failing before it, on the cluster that serves now. What makes a finished rollout "degraded".
 */
export function preExisting(target: ResolvedTarget, memory: Memory, snap: Snapshot | undefined): HealthProblem[] {
  const rs = snap?.rayService;
  if (!snap || !rs) return [];
  const active = activeName(rs);
  if (active === undefined) return [];
  const pods = new Map(podsOf(snap, active).map((p) => [`pod:${p.name}`, p]));
  return healthOf(snap).filter((p) => {
    if (p.rule === 'health.pod-unschedulable' || p.rule === 'health.pod-waiting') {
      const pod = pods.get(p.subject);
      return pod !== undefined && podPredates(target, pod);
    }
    if (p.rule === 'health.app-failed')
      return p.subject.startsWith(`app:${active}/`) && appPredates(target, memory, active, p.subject.slice(`app:${active}/`.length));
    return false;
  });
}
