/**
 * The merge-time flow when a GitOps controller (Argo CD, Flux) applies, not us: wait until each
 * live RayService carries the head's spec (the controller has synced), then wait for its rollout
 * exactly as apply does. Read-only: it never writes and never calls the controller's API, but when
 * a RayService is not synced in time it names the Argo CD Application or Flux object that owns it,
 * from the labels and annotations those controllers put on what they apply.
 */
import type { ManifestSet } from '../manifests/load.js';
import type { Change, Plan, ServicePlan } from '../planner/types.js';
import type { ProgressLine, RolloutTarget, Verdict } from '../rollout/types.js';
import type { Connection } from '../kube/connection.js';
import { requestError } from '../kube/request-errors.js';
import { watchRollout } from '../kube/rollout-watch.js';
import { isPlainObject, serviceKey } from '../util/objects.js';
import { APPLIED_CHANGES, serveAppsOf, touchedApps, type ServiceOutcome } from './apply-and-wait.js';
import { healthOf, rayServiceView, specChangedAt } from '../rollout/index.js';
import type { KubeObject } from '../util/kube-object.js';

export interface ObserveOptions {
  readonly conn: Connection;
  /** Git's plan base → head: what to expect once the controller has synced. */
  readonly plan: Plan;
  readonly head: ManifestSet;
  /** How long the controller may take to sync, from the start. */
  readonly syncTimeoutMs: number;
  /** Deadline of each rollout, from the moment it synced (and never past the connection's deadline). */
  readonly timeoutMs: number;
  /** Between two reads while waiting for the sync (default 2 s). */
  readonly pollMs?: number;
  /** Done but degraded by problems from before the change is a failure. */
  readonly requireHealthy?: boolean;
  readonly onSynced?: (service: ServicePlan, generation: number) => void;
  readonly onProgress?: (service: ServicePlan, line: ProgressLine) => void;
  readonly onLog?: (service: ServicePlan, text: string) => void;
}

type Live = Record<string, unknown> | undefined;

export async function observeAndWait(opts: ObserveOptions): Promise<ServiceOutcome[]> {
  const services = opts.plan.services.filter((s) => APPLIED_CHANGES.includes(s.change));
  const startedAt = Date.now();
  return Promise.all(services.map((service) => observeOne(opts, service, startedAt)));
}

async function observeOne(opts: ObserveOptions, service: ServicePlan, startedAt: number): Promise<ServiceOutcome> {
  const want = opts.head.get(serviceKey(service))!.object;
  const syncBy = Math.min(startedAt + opts.syncTimeoutMs, opts.conn.deadline.at);
  const first = await readLive(opts.conn, service);
  let live = first;
  while (!carries(live, want)) {
    if (Date.now() >= syncBy) return { service, verdict: notSynced(service, live, want, startedAt) };
    await sleep(Math.min(opts.pollMs ?? 2000, Math.max(0, syncBy - Date.now())));
    live = await readLive(opts.conn, service);
  }
  const generation = Number((live!.metadata as { generation?: unknown }).generation ?? 1);
  opts.onSynced?.(service, generation);
  const syncedAt = Date.now();
  const target: RolloutTarget & { deadline: number } = {
    namespace: service.namespace,
    name: service.name,
    ...expectation(service.change, first, live!),
    generation,
    serveApps: serveAppsOf(live!),
    startedAt: syncedAt,
    // Before the change: the applications failing when first read, and pods older than the synced spec.
    baseline: {
      changedAt: specChangedAt(live as KubeObject) ?? syncedAt,
      problems: first ? healthOf({ at: startedAt, rayService: rayServiceView(first as KubeObject) }).filter((p) => p.rule === 'health.app-failed') : [],
      touchedApps: touchedApps(service),
    },
    ...(opts.requireHealthy ? { requireHealthy: true } : {}),
    deadline: Math.min(syncedAt + opts.timeoutMs, opts.conn.deadline.at),
  };
  const { verdict, requests } = await watchRollout({
    conn: opts.conn,
    target,
    onProgress: (line) => opts.onProgress?.(service, line),
    log: (text) => opts.onLog?.(service, text),
  });
  return { service, verdict, requests };
}

/**
 * What "done" means. Synced after we started: the plan's change, judged against the cluster that
 * was active before (as apply). Already synced when we started: what is under way decides, as
 * `wait` does (a pending cluster must take over, else the Serve config must run).
 */
function expectation(change: Change, first: Live, live: Record<string, unknown>): { expected: Change; activeBefore?: string } {
  const activeOf = (o: Live) => clusterName(o, 'activeServiceStatus');
  if (!first) return { expected: 'create' };
  const active = activeOf(first);
  const already = first === live;
  const expected: Change = already ? (clusterName(live, 'pendingServiceStatus') ? 'cluster' : 'app') : change === 'create' ? 'app' : change;
  return { expected, ...(active ? { activeBefore: active } : {}) };
}

function clusterName(o: Live, key: 'activeServiceStatus' | 'pendingServiceStatus'): string | undefined {
  const s = isPlainObject(o?.status) ? o.status[key] : undefined;
  const name = isPlainObject(s) ? s.rayClusterName : undefined;
  return typeof name === 'string' && name ? name : undefined;
}

/**
 * The live object carries the manifest: every field the manifest sets has that value live (the
 * API server adds defaults and other managers' fields, which are not the controller's business).
 */
export function carries(live: Live, want: Record<string, unknown>): boolean {
  if (!live) return false;
  return covers(live.spec, want.spec);
}

function covers(live: unknown, want: unknown): boolean {
  if (isPlainObject(want)) return isPlainObject(live) && Object.entries(want).every(([k, v]) => v === null || covers(live[k], v));
  if (Array.isArray(want)) return Array.isArray(live) && live.length === want.length && want.every((v, i) => covers(live[i], v));
  return live === want || (live !== undefined && want !== undefined && String(live) === String(want) && typeof live !== typeof want);
}

/** The Argo CD Application or Flux object that applies this RayService, from what they write on it. */
export function ownerOf(o: Live): string | undefined {
  const meta = isPlainObject(o?.metadata) ? o.metadata : {};
  const labels = isPlainObject(meta.labels) ? meta.labels : {};
  const annotations = isPlainObject(meta.annotations) ? meta.annotations : {};
  const tracking = annotations['argocd.argoproj.io/tracking-id'];
  if (typeof tracking === 'string' && tracking) return `the Argo CD Application ${tracking.split(':')[0]}`;
  const instance = labels['argocd.argoproj.io/instance'] ?? annotations['argocd.argoproj.io/instance'];
  if (typeof instance === 'string' && instance) return `the Argo CD Application ${instance}`;
  const ks = labels['kustomize.toolkit.fluxcd.io/name'];
  if (typeof ks === 'string' && ks) return `the Flux Kustomization ${labels['kustomize.toolkit.fluxcd.io/namespace'] ?? '?'}/${ks}`;
  const hr = labels['helm.toolkit.fluxcd.io/name'];
  if (typeof hr === 'string' && hr) return `the Flux HelmRelease ${labels['helm.toolkit.fluxcd.io/namespace'] ?? '?'}/${hr}`;
  return undefined;
}

function notSynced(service: ServicePlan, live: Live, want: Record<string, unknown>, startedAt: number): Verdict {
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  const owner = ownerOf(live);
  const what = live
    ? `${serviceKey(service)} does not carry the merged spec yet (${firstDifference(live.spec, want.spec) ?? 'spec'} differs)`
    : `${serviceKey(service)} does not exist in the cluster yet`;
  const who = owner
    ? `; it is applied by ${owner}: check its sync status (auto-sync off, a sync error, or a pending refresh)`
    : '; no Argo CD or Flux label or annotation on it names the controller that applies it';
  const summary = `not synced yet: ${what} after ${seconds} s${who}`;
  const at = Date.now();
  return { result: 'timeout', summary, at, durationMs: at - startedAt, timeline: [] };
}

/** The first field path where the live spec does not carry the manifest's, for the message. */
function firstDifference(live: unknown, want: unknown, path = 'spec'): string | undefined {
  if (covers(live, want)) return undefined;
  if (isPlainObject(want) && isPlainObject(live)) {
    for (const [k, v] of Object.entries(want)) {
      const d = firstDifference(live[k], v, `${path}.${k}`);
      if (d) return d;
    }
  }
  if (Array.isArray(want) && Array.isArray(live) && live.length === want.length) {
    for (const [i, v] of want.entries()) {
      const d = firstDifference(live[i], v, `${path}[${i}]`);
      if (d) return d;
    }
  }
  return path;
}

async function readLive(conn: Connection, service: ServicePlan): Promise<Live> {
  const custom = conn.kc.makeApiClient(conn.k8s.CustomObjectsApi);
  const what = `GET RayService ${serviceKey(service)}`;
  const args = { group: 'ray.io', version: 'v1', namespace: service.namespace, plural: 'rayservices', name: service.name };
  try {
    return (await conn.deadline.within(what, custom.getNamespacedCustomObject(args))) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: unknown })?.code === 404) return undefined;
    throw requestError(e, what, conn.server);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
