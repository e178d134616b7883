/**
 * Kubernetes objects → the plain views the rollout state machine reads (src/rollout/types.ts).
 * Pure; the watch adapter keeps the objects and calls these to build each snapshot.
 */
import type { Condition, EventView, PodView, RayClusterView, RayServiceView } from '../rollout/types.js';

type Obj = Record<string, any>;

const ms = (t: unknown): number | undefined => (typeof t === 'string' ? Date.parse(t) : undefined);

function conditions(list: unknown): Condition[] {
  return (Array.isArray(list) ? list : []).map((c: Obj) => ({
    type: String(c.type),
    status: String(c.status),
    ...(c.reason ? { reason: String(c.reason) } : {}),
    ...(c.message ? { message: String(c.message) } : {}),
    ...(typeof c.observedGeneration === 'number' ? { observedGeneration: c.observedGeneration } : {}),
    ...(c.lastTransitionTime ? { lastTransitionTime: ms(c.lastTransitionTime)! } : {}),
  }));
}

export function rayServiceView(o: Obj): RayServiceView {
  const st = o.status ?? {};
  return {
    generation: o.metadata?.generation ?? 0,
    ...(o.metadata?.deletionTimestamp ? { deleting: true } : {}),
    ...(typeof st.observedGeneration === 'number' ? { observedGeneration: st.observedGeneration } : {}),
    conditions: conditions(st.conditions),
    ...(st.activeServiceStatus ? { activeServiceStatus: st.activeServiceStatus } : {}),
    ...(st.pendingServiceStatus ? { pendingServiceStatus: st.pendingServiceStatus } : {}),
    ...(typeof st.numServeEndpoints === 'number' ? { numServeEndpoints: st.numServeEndpoints } : {}),
  };
}

export function rayClusterView(o: Obj): RayClusterView {
  const st = o.status ?? {};
  const headReady = conditions(st.conditions).find((c) => c.type === 'HeadPodReady');
  return {
    name: o.metadata.name,
    ...(o.metadata?.deletionTimestamp ? { deleting: true } : {}),
    ...(headReady ? { headReady: headReady.status === 'True' } : {}),
    ...(typeof o.metadata?.generation === 'number' ? { generation: o.metadata.generation } : {}),
    ...(typeof st.observedGeneration === 'number' ? { observedGeneration: st.observedGeneration } : {}),
    ...(typeof st.desiredWorkerReplicas === 'number' ? { desiredWorkerReplicas: st.desiredWorkerReplicas } : {}),
    ...(typeof st.readyWorkerReplicas === 'number' ? { readyWorkerReplicas: st.readyWorkerReplicas } : {}),
  };
}

export function podView(o: Obj): PodView {
  const labels = o.metadata?.labels ?? {};
  const st = o.status ?? {};
  const conds = conditions(st.conditions);
  const ready = conds.find((c) => c.type === 'Ready')?.status === 'True';
  const scheduled = conds.find((c) => c.type === 'PodScheduled');
  const waiting = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])]
    .map((s: Obj) => s.state?.waiting)
    .find((w: Obj | undefined) => w?.reason);
  const nodeType = labels['ray.io/node-type'];
  return {
    name: o.metadata.name,
    ...(labels['ray.io/cluster'] ? { cluster: labels['ray.io/cluster'] } : {}),
    ...(nodeType === 'head' || nodeType === 'worker' ? { nodeType } : {}),
    ...(labels['ray.io/group'] ? { group: labels['ray.io/group'] } : {}),
    ...(st.phase ? { phase: st.phase } : {}),
    ready,
    ...(o.metadata?.deletionTimestamp ? { deleting: true } : {}),
    ...(scheduled
      ? {
          scheduled: {
            status: scheduled.status,
            ...(scheduled.reason ? { reason: scheduled.reason } : {}),
            ...(scheduled.message ? { message: scheduled.message } : {}),
          },
        }
      : {}),
    ...(waiting ? { waiting: { reason: waiting.reason, ...(waiting.message ? { message: waiting.message } : {}) } } : {}),
  };
}

export function eventView(o: Obj): EventView {
  const at = ms(o.series?.lastObservedTime) ?? ms(o.lastTimestamp) ?? ms(o.eventTime) ?? ms(o.firstTimestamp) ?? ms(o.metadata?.creationTimestamp) ?? 0;
  return {
    type: o.type === 'Warning' ? 'Warning' : 'Normal',
    reason: String(o.reason ?? ''),
    message: String(o.message ?? o.note ?? ''),
    at,
    ...(o.involvedObject?.name ? { involved: o.involvedObject.name } : {}),
    ...(o.involvedObject?.kind ? { kind: o.involvedObject.kind } : {}),
    ...(typeof o.count === 'number' ? { count: o.count } : {}),
  };
}
