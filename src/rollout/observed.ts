/**
 * Small readers over one snapshot: names, conditions, application health, pods of a cluster.
 * They say what is there; what it means for the rollout is decided in predicates.ts and judge.ts.
 */
import type { AppStatus, Condition, EventView, PodView, RayServiceView, ServiceStatus, Snapshot } from './types.js';

export const APP_DONE = 'RUNNING';
/** Deployment states of a healthy application (autoscaling is fine). */
export const DEPLOYMENT_OK: ReadonlySet<string> = new Set(['HEALTHY', 'UPSCALING', 'DOWNSCALING']);
/** States that fail the rollout when they last beyond the grace period. */
export const BAD_STATES: ReadonlySet<string> = new Set(['DEPLOY_FAILED', 'UNHEALTHY']);
/**
 * Container waiting reasons that do not go away by themselves. A long image pull is
 * `ContainerCreating`, not one of these.
 */
export const HOPELESS_WAITING: ReadonlySet<string> = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'CrashLoopBackOff',
]);
/** Warning reasons that KubeRay's controllers emit when a reconcile pass fails (utils/constant.go). */
export const OPERATOR_WARNINGS: ReadonlySet<string> = new Set([
  'InvalidRayServiceSpec',
  'InvalidRayServiceMetadata',
  'InvalidRayClusterSpec',
  'InvalidRayClusterMetadata',
  'InvalidRayClusterStatus',
  'FailedToCreateRayCluster',
  'FailedToUpdateRayCluster',
  'FailedToDeleteRayCluster',
  'FailedToUpdateServeApplications',
  'FailedToUpdateHeadPodServeLabel',
  'FailedToUpdateTargetCapacity',
  'FailedToCreateService',
  'FailedToUpdateService',
  'FailedToCreateGateway',
  'FailedToUpdateGateway',
  'FailedToCreateHTTPRoute',
  'FailedToUpdateHTTPRoute',
  'FailedToCreateHeadPod',
  'FailedToCreateWorkerPod',
  'RollbackImpossible',
  'RayServiceInitializingTimeout',
]);
/** The operator rejected the spec itself: nothing changes until the spec does. */
export const VALIDATION_WARNINGS: ReadonlySet<string> = new Set(['InvalidRayServiceSpec', 'InvalidRayServiceMetadata']);
export const CLUSTER_VALIDATION_WARNINGS: ReadonlySet<string> = new Set(['InvalidRayClusterSpec', 'InvalidRayClusterMetadata']);
/** Node autoscalers announce a scale-up for a pending pod with these (cluster-autoscaler, Karpenter). */
export const SCALE_UP_EVENTS: ReadonlySet<string> = new Set(['TriggeredScaleUp', 'Nominated']);
export const NO_SCALE_UP_EVENTS: ReadonlySet<string> = new Set(['NotTriggerScaleUp']);

/** Event timestamps of core/v1 Events have second precision: accept events up to 1 s before the apply. */
export const EVENT_SLACK_MS = 1000;

export function clusterName(status: ServiceStatus | undefined): string | undefined {
  const name = status?.rayClusterName;
  return name === undefined || name === '' ? undefined : name;
}

export const activeName = (rs: RayServiceView): string | undefined => clusterName(rs.activeServiceStatus);
export const pendingName = (rs: RayServiceView): string | undefined => clusterName(rs.pendingServiceStatus);

export function condition(rs: RayServiceView, type: string): Condition | undefined {
  return rs.conditions?.find((c) => c.type === type);
}

export function conditionText(c: Condition): string {
  const reason = c.reason ? ` (${c.reason})` : '';
  const message = c.message ? `: ${c.message}` : '';
  return `${c.type}=${c.status}${reason}${message}`;
}

/** observedGeneration; a status never written counts as 0. */
export const observedGeneration = (rs: RayServiceView): number => rs.observedGeneration ?? 0;

export function apps(status: ServiceStatus | undefined): [string, AppStatus][] {
  return Object.entries(status?.applicationStatuses ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Why the applications of one cluster are not all healthy, as clauses; empty when they are:
 * exactly the expected set of applications, each RUNNING, each deployment HEALTHY (or scaling).
 */
export function appProblems(
  status: ServiceStatus | undefined,
  expected: readonly string[],
  where: string,
  excused: (app: string) => boolean = () => false,
): string[] {
  const all = apps(status);
  // An excused application (failing before the change, not touched by it) is present but not required to run.
  const list = all.filter(([n]) => !excused(n));
  const problems: string[] = [];
  if (all.length === 0 && expected.length > 0) return [`no Serve application status on ${where} yet`];
  const names = new Set(all.map(([n]) => n));
  const missing = expected.filter((n) => !names.has(n));
  const extra = [...names].filter((n) => !expected.includes(n));
  if (missing.length > 0) problems.push(`Serve applications missing on ${where}: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`Serve applications not in the new config still present on ${where}: ${extra.join(', ')}`);
  const notRunning = list.filter(([, a]) => a.status !== APP_DONE).map(([n, a]) => `${n} ${a.status}`);
  if (notRunning.length > 0) problems.push(`Serve applications not RUNNING on ${where}: ${notRunning.join(', ')}`);
  const sick = list.flatMap(([n, a]) =>
    Object.entries(a.serveDeploymentStatuses ?? {})
      .filter(([, d]) => !DEPLOYMENT_OK.has(d.status))
      .map(([d, s]) => `${n}/${d} ${s.status}`),
  );
  if (sick.length > 0) problems.push(`Serve deployments not HEALTHY on ${where}: ${sick.sort().join(', ')}`);
  return problems;
}

export function allRunning(status: ServiceStatus | undefined): boolean {
  const list = apps(status);
  return list.length > 0 && list.every(([, a]) => a.status === APP_DONE);
}

/** One line per application: `app1 RUNNING, app2 DEPLOYING`. */
export function appsLine(status: ServiceStatus | undefined): string {
  return apps(status)
    .map(([n, a]) => `${n} ${a.status}`)
    .join(', ');
}

export function podsOf(snap: Snapshot, cluster: string | undefined): PodView[] {
  if (cluster === undefined) return [];
  return (snap.pods ?? []).filter((p) => p.cluster === cluster && p.deleting !== true).sort((a, b) => a.name.localeCompare(b.name));
}

export function isUnschedulable(p: PodView): boolean {
  return p.scheduled?.status === 'False' && p.scheduled.reason === 'Unschedulable';
}

/** Why a pod is not ready, in a few words. */
export function podTrouble(p: PodView): string {
  if (isUnschedulable(p)) return `Unschedulable${p.scheduled?.message ? `: ${p.scheduled.message}` : ''}`;
  if (p.waiting) return `${p.waiting.reason}${p.waiting.message ? `: ${p.waiting.message}` : ''}`;
  return `${p.phase ?? 'Pending'}, not ready`;
}

export function clusterExists(snap: Snapshot, name: string): boolean {
  return (snap.rayClusters ?? []).some((c) => c.name === name);
}

/** Events seen since the apply (with slack for second-precision timestamps). */
export function eventsSince(snap: Snapshot, since: number): EventView[] {
  return (snap.events ?? []).filter((e) => e.at >= since - EVENT_SLACK_MS);
}

/** `Reason (involved): message`, one per reason and message, newest first, with repetitions. */
export function dedupeWarnings(events: readonly EventView[], limit = 10): string[] {
  const byKey = new Map<string, { e: EventView; count: number; at: number }>();
  for (const e of events) {
    if (e.type !== 'Warning') continue;
    const key = `${e.reason}\u0000${e.message}`;
    const seen = byKey.get(key);
    const count = e.count ?? 1;
    if (seen) {
      seen.count += count;
      if (e.at > seen.at) Object.assign(seen, { e, at: e.at });
    } else byKey.set(key, { e, count, at: e.at });
  }
  return [...byKey.values()]
    .sort((a, b) => b.at - a.at)
    .slice(0, limit)
    .map(({ e, count }) => `${e.reason}${e.involved ? ` (${e.involved})` : ''}: ${e.message}${count > 1 ? ` (×${count})` : ''}`);
}

/** A compact fingerprint of what the operator writes, to notice status changes. */
export function statusFingerprint(rs: RayServiceView): string {
  return JSON.stringify([rs.observedGeneration, rs.conditions, rs.activeServiceStatus, rs.pendingServiceStatus, rs.numServeEndpoints]);
}

/** `12.3s`, `4m12s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
