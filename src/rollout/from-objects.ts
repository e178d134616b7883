/**
 * Kubernetes objects (plain JSON as the API server returns them) → the plain views the rollout state
 * machine reads (types.ts). Pure. Fields are narrowed one by one: a field that is missing or of the
 * wrong type reads as absent, never as a crash.
 */
import { asList, asMap, type KubeObject, metadataOf, stringMap, stringOr } from '../util/kube-object.js';
import type { Condition, EventView, PodView, RayClusterView, RayServiceView, ServiceStatus } from './types.js';
import { isPlainObject } from '../util/objects.js';

/** A time as the API returns it: a string in JSON, a Date from the typed client's lists. */
const ms = (t: unknown): number | undefined => (typeof t === 'string' ? Date.parse(t) : t instanceof Date ? t.getTime() : undefined);

/** A numeric field of a map, as a spreadable `{ key: n }` or nothing. */
function numberField<K extends string>(key: K, from: Readonly<Record<string, unknown>>): { [P in K]?: number } {
  const n = from[key];
  return typeof n === 'number' ? ({ [key]: n } as { [P in K]: number }) : {};
}

function conditions(list: unknown): Condition[] {
  return asList(list).map((item) => {
    const c = asMap(item);
    return {
      type: String(c.type),
      status: String(c.status),
      ...(c.reason ? { reason: String(c.reason) } : {}),
      ...(c.message ? { message: String(c.message) } : {}),
      ...numberField('observedGeneration', c),
      ...(c.lastTransitionTime ? { lastTransitionTime: ms(c.lastTransitionTime)! } : {}),
    };
  });
}

/** The Serve status of one cluster, passed through as the operator wrote it. */
function serviceStatus(v: unknown): ServiceStatus | undefined {
  return isPlainObject(v) ? (v as ServiceStatus) : undefined;
}

export function rayServiceView(o: KubeObject): RayServiceView {
  const meta = metadataOf(o);
  const st = asMap(o.status);
  const active = serviceStatus(st.activeServiceStatus);
  const pending = serviceStatus(st.pendingServiceStatus);
  return {
    generation: meta.generation ?? 0,
    ...(meta.deletionTimestamp ? { deleting: true } : {}),
    ...numberField('observedGeneration', st),
    conditions: conditions(st.conditions),
    ...(active ? { activeServiceStatus: active } : {}),
    ...(pending ? { pendingServiceStatus: pending } : {}),
    ...numberField('numServeEndpoints', st),
  };
}

export function rayClusterView(o: KubeObject): RayClusterView {
  const meta = metadataOf(o);
  const st = asMap(o.status);
  const headReady = conditions(st.conditions).find((c) => c.type === 'HeadPodReady');
  return {
    name: meta.name ?? '',
    ...(meta.deletionTimestamp ? { deleting: true } : {}),
    ...(headReady ? { headReady: headReady.status === 'True' } : {}),
    ...(typeof meta.generation === 'number' ? { generation: meta.generation } : {}),
    ...numberField('observedGeneration', st),
    ...numberField('desiredWorkerReplicas', st),
    ...numberField('readyWorkerReplicas', st),
  };
}

export function podView(o: KubeObject): PodView {
  const meta = metadataOf(o);
  const labels = stringMap(meta.labels);
  const st = asMap(o.status);
  const conds = conditions(st.conditions);
  const scheduled = conds.find((c) => c.type === 'PodScheduled');
  const waiting = firstWaiting(st);
  const nodeType = labels['ray.io/node-type'];
  const phase = stringOr(st.phase);
  return {
    name: meta.name ?? '',
    ...(labels['ray.io/cluster'] ? { cluster: labels['ray.io/cluster'] } : {}),
    ...(nodeType === 'head' || nodeType === 'worker' ? { nodeType } : {}),
    ...(labels['ray.io/group'] ? { group: labels['ray.io/group'] } : {}),
    ...createdAt(meta.creationTimestamp),
    ...(phase ? { phase } : {}),
    ready: conds.find((c) => c.type === 'Ready')?.status === 'True',
    ...(meta.deletionTimestamp ? { deleting: true } : {}),
    ...(scheduled
      ? {
          scheduled: {
            status: scheduled.status,
            ...(scheduled.reason ? { reason: scheduled.reason } : {}),
            ...(scheduled.message ? { message: scheduled.message } : {}),
          },
        }
      : {}),
    ...(waiting ? { waiting } : {}),
  };
}

function createdAt(t: unknown): { createdAt?: number } {
  const at = ms(t);
  return at !== undefined && Number.isFinite(at) ? { createdAt: at } : {};
}

/** The first container (init containers first) waiting with a reason, e.g. ImagePullBackOff. */
function firstWaiting(podStatus: Record<string, unknown>): PodView['waiting'] {
  for (const s of [...asList(podStatus.initContainerStatuses), ...asList(podStatus.containerStatuses)]) {
    const w = asMap(asMap(asMap(s).state).waiting);
    const reason = stringOr(w.reason);
    if (!reason) continue;
    const message = stringOr(w.message);
    return { reason, ...(message ? { message } : {}) };
  }
  return undefined;
}

export function eventView(o: KubeObject): EventView {
  const involved = asMap(o.involvedObject);
  const at = ms(asMap(o.series).lastObservedTime) ?? ms(o.lastTimestamp) ?? ms(o.eventTime) ?? ms(o.firstTimestamp) ?? ms(metadataOf(o).creationTimestamp) ?? 0;
  const name = stringOr(involved.name);
  const kind = stringOr(involved.kind);
  return {
    type: o.type === 'Warning' ? 'Warning' : 'Normal',
    reason: String(o.reason ?? ''),
    message: String(o.message ?? o.note ?? ''),
    at,
    ...(name ? { involved: name } : {}),
    ...(kind ? { kind } : {}),
    ...numberField('count', o),
  };
}

/**
 * When the object's spec was last written: the newest managedFields entry of a write to the object
 * itself (not its status subresource) that owns spec fields. Second precision; undefined when the
 * object carries no such entry. What `wait` can know of when the change it waits for was applied.
 */
export function specChangedAt(o: KubeObject): number | undefined {
  let latest: number | undefined;
  for (const item of asList(metadataOf(o).managedFields)) {
    const entry = asMap(item);
    if (stringOr(entry.subresource) || !('f:spec' in asMap(entry.fieldsV1))) continue;
    const at = ms(entry.time);
    if (at !== undefined && Number.isFinite(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}
