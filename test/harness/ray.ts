// Reading what the operator did: a RayService's status in a flat shape, its RayClusters and their pods,
// and waits on them. These read the same fields the product reads in production (docs/rollout-rules.md).
import type { Kubectl } from './kubectl.js';
import type { Simulator } from './simulator/index.js';
import type { KubeObject } from './kube/rest.js';
import { waitFor, type WaitOptions } from './wait.js';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

export interface AppStatus {
  status: string;
  message?: string;
  serveDeploymentStatuses?: Record<string, { status: string; message?: string }>;
}

export interface RayServiceSnapshot {
  namespace: string;
  name: string;
  generation: number;
  /** 0 until the operator wrote a status. */
  observedGeneration: number;
  /** status.activeServiceStatus.rayClusterName ('' → undefined). */
  activeCluster: string | undefined;
  /** status.pendingServiceStatus.rayClusterName ('' → undefined). */
  pendingCluster: string | undefined;
  ready: Condition | undefined;
  upgradeInProgress: Condition | undefined;
  activeApps: Record<string, AppStatus>;
  pendingApps: Record<string, AppStatus>;
  numServeEndpoints: number;
  /** The object as read. */
  raw: KubeObject;
}

export function condition(obj: KubeObject, type: string): Condition | undefined {
  return ((obj.status?.conditions ?? []) as Condition[]).find((c) => c.type === type);
}

export function isConditionTrue(obj: KubeObject, type: string): boolean {
  return condition(obj, type)?.status === 'True';
}

export function rayServiceSnapshot(obj: KubeObject): RayServiceSnapshot {
  const st = obj.status ?? {};
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    generation: obj.metadata.generation ?? 0,
    observedGeneration: st.observedGeneration ?? 0,
    activeCluster: st.activeServiceStatus?.rayClusterName || undefined,
    pendingCluster: st.pendingServiceStatus?.rayClusterName || undefined,
    ready: condition(obj, 'Ready'),
    upgradeInProgress: condition(obj, 'UpgradeInProgress'),
    activeApps: st.activeServiceStatus?.applicationStatuses ?? {},
    pendingApps: st.pendingServiceStatus?.applicationStatuses ?? {},
    numServeEndpoints: st.numServeEndpoints ?? 0,
    raw: obj,
  };
}

/** Every app RUNNING and every deployment HEALTHY (UPSCALING/DOWNSCALING fine); false for no apps. */
export function appsHealthy(apps: Record<string, AppStatus>, expectedApps?: string[]): boolean {
  const names = Object.keys(apps);
  if (names.length === 0) return false;
  if (expectedApps && (names.length !== expectedApps.length || !expectedApps.every((a) => a in apps))) return false;
  return Object.values(apps).every(
    (a) => a.status === 'RUNNING' && Object.values(a.serveDeploymentStatuses ?? {}).every((d) => ['HEALTHY', 'UPSCALING', 'DOWNSCALING'].includes(d.status)),
  );
}

/**
 * Settled and serving: status observed the current generation, Ready=True, no pending cluster, and all
 * active apps healthy. Beware the operator reads Serve before it submits a new config, so right after a
 * Serve change this can still be true for the old config: compare app names or wait for
 * an UpdatedServeApplications event when it matters.
 */
export function isServing(s: RayServiceSnapshot): boolean {
  return (
    s.observedGeneration >= s.generation &&
    s.ready?.status === 'True' &&
    s.activeCluster !== undefined &&
    s.pendingCluster === undefined &&
    appsHealthy(s.activeApps)
  );
}

export async function getRayService(k: Kubectl, name: string, namespace?: string): Promise<RayServiceSnapshot> {
  return rayServiceSnapshot(await k.get('RayService', name, namespace));
}

/** Waits until `predicate(snapshot)` holds and returns that snapshot. */
export async function waitForRayService(
  k: Kubectl,
  name: string,
  namespace: string | undefined,
  predicate: (s: RayServiceSnapshot) => boolean,
  opts: WaitOptions = {},
): Promise<RayServiceSnapshot> {
  let last: RayServiceSnapshot | undefined;
  try {
    return await waitFor(
      async () => {
        last = await getRayService(k, name, namespace);
        return predicate(last) ? last : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, description: `RayService ${name}`, ...opts },
    );
  } catch (e) {
    if (last) (e as Error).message += `\nlast status: ${JSON.stringify(summarize(last))}`;
    throw e;
  }
}

/** A compact view of a snapshot for assertion messages. */
export function summarize(s: RayServiceSnapshot): Record<string, unknown> {
  const apps = (a: Record<string, AppStatus>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.status]));
  return {
    generation: s.generation,
    observedGeneration: s.observedGeneration,
    active: s.activeCluster,
    pending: s.pendingCluster,
    ready: s.ready && `${s.ready.status}/${s.ready.reason}`,
    upgrade: s.upgradeInProgress && `${s.upgradeInProgress.status}/${s.upgradeInProgress.reason}`,
    activeApps: apps(s.activeApps),
    pendingApps: apps(s.pendingApps),
    endpoints: s.numServeEndpoints,
  };
}

/** RayClusters the operator created for a RayService (by its ray.io/originated-from-* labels), by name. */
export async function rayClustersOf(k: Kubectl, rayService: string, namespace?: string): Promise<KubeObject[]> {
  const items = await k.list('RayCluster', {
    namespace,
    labelSelector: `ray.io/originated-from-cr-name=${rayService},ray.io/originated-from-crd=RayService`,
  });
  return items.sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

/** Pods of a RayCluster (label ray.io/cluster). */
export async function podsOfCluster(k: Kubectl, cluster: string, namespace?: string): Promise<KubeObject[]> {
  return k.list('Pod', { namespace, labelSelector: `ray.io/cluster=${cluster}` });
}

/** Pods of a cluster that the simulated scheduler could not place (PodScheduled=False/Unschedulable). */
export async function unschedulablePods(k: Kubectl, cluster: string, namespace?: string): Promise<KubeObject[]> {
  return (await podsOfCluster(k, cluster, namespace)).filter((p) => condition(p, 'PodScheduled')?.reason === 'Unschedulable');
}

/**
 * Waits for `passes` more reconcile passes of the operator over a cluster, counted as Serve status reads
 * (GET /api/serve/applications/) the simulator answered for it. Use after a change that must have no
 * effect: "observedGeneration caught up, and the operator looked three more times, and still nothing".
 */
export async function operatorPasses(sim: Simulator, namespace: string, cluster: string, passes = 3, timeoutMs = 30_000): Promise<void> {
  await sim.http.waitForRequests((r) => r.cluster === `${namespace}/${cluster}` && r.method === 'GET' && r.path.startsWith('/api/serve/applications'), passes, {
    timeoutMs,
  });
}
