/**
 * buildSnapshot: the objects a watcher holds → the snapshot the state machine observes. Table-driven:
 * which objects concern the RayService, how each becomes a view, and what "not watched" looks like.
 */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, type WatchedObjects } from '../../src/rollout/snapshot.js';
import type { Snapshot } from '../../src/rollout/types.js';
import type { KubeObject } from '../../src/util/kube-object.js';

const AT = Date.UTC(2025, 0, 1, 12, 0, 0);
const iso = (seconds: number) => new Date(AT + seconds * 1000).toISOString();
const TARGET = { name: 'text-ml', activeBefore: 'text-ml-old' };

function rayService(status: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'ray.io/v1', kind: 'RayService', metadata: { name: 'text-ml', namespace: 'default', generation: 7, ...metadata }, status };
}
function rayCluster(name: string, status: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return { kind: 'RayCluster', metadata: { name, generation: 2, ...metadata }, status };
}
function pod(name: string, cluster: string, status: Record<string, unknown> = {}, labels: Record<string, string> = {}): KubeObject {
  return { kind: 'Pod', metadata: { name, labels: { 'ray.io/cluster': cluster, 'ray.io/node-type': 'worker', ...labels } }, status };
}
function event(involved: string, fields: Record<string, unknown> = {}): KubeObject {
  return {
    kind: 'Event',
    metadata: { name: `${involved}.1` },
    involvedObject: { name: involved, kind: 'Pod' },
    type: 'Normal',
    reason: 'Seen',
    message: 'm',
    ...fields,
  };
}
const watched = (over: Partial<WatchedObjects>): WatchedObjects => ({ at: AT, rayService: rayService(), rayClusters: [], ...over });
const names = (list: readonly { name?: string; involved?: string }[] | undefined) => list?.map((x) => x.name ?? x.involved);

describe('buildSnapshot: what concerns the RayService', () => {
  const rows: { name: string; objects: WatchedObjects; pods?: string[]; events?: string[]; clusters?: string[] }[] = [
    {
      name: 'pods of listed clusters, of the cluster active before, and of clusters the status names',
      objects: watched({
        rayService: rayService({ pendingServiceStatus: { rayClusterName: 'text-ml-new' }, activeServiceStatus: { rayClusterName: '' } }),
        rayClusters: [rayCluster('text-ml-listed')],
        pods: [
          pod('p-listed', 'text-ml-listed'),
          pod('p-old', 'text-ml-old'),
          pod('p-new', 'text-ml-new'),
          pod('p-other', 'other-svc-abc'),
          pod('p-empty', ''),
        ],
      }),
      pods: ['p-listed', 'p-old', 'p-new'],
      clusters: ['text-ml-listed'],
    },
    {
      name: 'events about the RayService, its clusters and their pods only',
      objects: watched({
        rayClusters: [rayCluster('text-ml-listed')],
        pods: [pod('p-listed', 'text-ml-listed'), pod('p-other', 'other-svc-abc')],
        events: [event('text-ml'), event('text-ml-listed'), event('text-ml-old'), event('p-listed'), event('p-other'), event('other-svc')],
      }),
      pods: ['p-listed'],
      events: ['text-ml', 'text-ml-listed', 'text-ml-old', 'p-listed'],
      clusters: ['text-ml-listed'],
    },
    {
      name: 'events about pods are dropped with the pods when pods are not watched',
      objects: watched({ events: [event('text-ml'), event('p-listed')] }),
      events: ['text-ml'],
    },
    {
      name: 'pods and events not watched: left out, not empty',
      objects: watched({ rayClusters: [rayCluster('a'), rayCluster('b')] }),
      clusters: ['a', 'b'],
    },
    {
      name: 'watched and empty: empty lists',
      objects: watched({ pods: [], events: [] }),
      pods: [],
      events: [],
    },
  ];
  it.each(rows)('$name', ({ objects, pods, events, clusters }) => {
    const snap = buildSnapshot(TARGET, objects);
    expect(snap.at).toBe(AT);
    expect(names(snap.pods)).toEqual(pods);
    expect(names(snap.events)).toEqual(events);
    expect(names(snap.rayClusters)).toEqual(clusters ?? []);
    expect('pods' in snap).toBe(pods !== undefined);
    expect('events' in snap).toBe(events !== undefined);
  });
});

describe('buildSnapshot: the RayService view', () => {
  const rows: { name: string; rayService: KubeObject | undefined; expected: Snapshot['rayService'] }[] = [
    { name: 'absent: null (it does not exist)', rayService: undefined, expected: null },
    { name: 'no status yet', rayService: rayService(), expected: { generation: 7, conditions: [] } },
    {
      name: 'status passed through, times in ms',
      rayService: rayService(
        {
          observedGeneration: 6,
          numServeEndpoints: 2,
          conditions: [
            { type: 'Ready', status: 'True', reason: 'NonZeroServeEndpoints', lastTransitionTime: iso(-60), observedGeneration: 6 },
            { type: 'UpgradeInProgress', status: 'False', message: '' },
          ],
          activeServiceStatus: { rayClusterName: 'text-ml-old', applicationStatuses: { app1: { status: 'RUNNING' } } },
        },
        { deletionTimestamp: iso(0) },
      ),
      expected: {
        generation: 7,
        deleting: true,
        observedGeneration: 6,
        conditions: [
          { type: 'Ready', status: 'True', reason: 'NonZeroServeEndpoints', lastTransitionTime: AT - 60_000, observedGeneration: 6 },
          { type: 'UpgradeInProgress', status: 'False' },
        ],
        activeServiceStatus: { rayClusterName: 'text-ml-old', applicationStatuses: { app1: { status: 'RUNNING' } } },
        numServeEndpoints: 2,
      },
    },
    {
      name: 'malformed fields read as absent',
      rayService: rayService(
        { observedGeneration: '6', conditions: 'Ready', activeServiceStatus: 'text-ml-old', numServeEndpoints: null },
        { generation: undefined },
      ),
      expected: { generation: 0, conditions: [] },
    },
  ];
  it.each(rows)('$name', ({ rayService: rs, expected }) => {
    expect(buildSnapshot(TARGET, watched({ rayService: rs })).rayService).toEqual(expected);
  });
});

describe('buildSnapshot: cluster, pod and event views', () => {
  const rows: { name: string; objects: Partial<WatchedObjects>; pick: (s: Snapshot) => unknown; expected: unknown }[] = [
    {
      name: 'RayCluster: head readiness from HeadPodReady, generations and worker counts',
      objects: {
        rayClusters: [
          rayCluster('text-ml-old', {
            observedGeneration: 1,
            desiredWorkerReplicas: 3,
            readyWorkerReplicas: 2,
            conditions: [{ type: 'HeadPodReady', status: 'False' }],
          }),
        ],
      },
      pick: (s) => s.rayClusters,
      expected: [{ name: 'text-ml-old', headReady: false, generation: 2, observedGeneration: 1, desiredWorkerReplicas: 3, readyWorkerReplicas: 2 }],
    },
    {
      name: 'RayCluster being deleted, without conditions',
      objects: { rayClusters: [rayCluster('text-ml-old', {}, { deletionTimestamp: iso(1) })] },
      pick: (s) => s.rayClusters,
      expected: [{ name: 'text-ml-old', deleting: true, generation: 2 }],
    },
    {
      name: 'pod: ready head',
      objects: {
        pods: [
          pod(
            'head-1',
            'text-ml-old',
            { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
            { 'ray.io/node-type': 'head', 'ray.io/group': 'headgroup' },
          ),
        ],
      },
      pick: (s) => s.pods,
      expected: [{ name: 'head-1', cluster: 'text-ml-old', nodeType: 'head', group: 'headgroup', phase: 'Running', ready: true }],
    },
    {
      name: 'pod: unschedulable, an odd node type left out',
      objects: {
        pods: [
          pod(
            'w-1',
            'text-ml-old',
            { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes' }] },
            { 'ray.io/node-type': 'redis' },
          ),
        ],
      },
      pick: (s) => s.pods,
      expected: [
        { name: 'w-1', cluster: 'text-ml-old', phase: 'Pending', ready: false, scheduled: { status: 'False', reason: 'Unschedulable', message: '0/3 nodes' } },
      ],
    },
    {
      name: 'pod: the first waiting container, init containers first; terminating',
      objects: {
        pods: [
          {
            ...pod('w-2', 'text-ml-old', {
              containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } } }],
              initContainerStatuses: [{ state: { running: {} } }, { state: { waiting: { reason: 'ImagePullBackOff' } } }],
            }),
            metadata: { name: 'w-2', labels: { 'ray.io/cluster': 'text-ml-old' }, deletionTimestamp: iso(2) },
          },
        ],
      },
      pick: (s) => s.pods,
      expected: [{ name: 'w-2', cluster: 'text-ml-old', ready: false, deleting: true, waiting: { reason: 'ImagePullBackOff' } }],
    },
    {
      name: 'event: series time first, note as message, count',
      objects: {
        events: [
          event('text-ml', {
            type: 'Warning',
            reason: 'FailedToUpdateService',
            message: undefined,
            note: 'boom',
            count: 4,
            series: { lastObservedTime: iso(30) },
            lastTimestamp: iso(10),
            eventTime: iso(5),
          }),
        ],
      },
      pick: (s) => s.events,
      expected: [{ type: 'Warning', reason: 'FailedToUpdateService', message: 'boom', at: AT + 30_000, involved: 'text-ml', kind: 'Pod', count: 4 }],
    },
    {
      name: 'event: falls back to lastTimestamp, eventTime, firstTimestamp, creationTimestamp; odd types are Normal',
      objects: {
        events: [
          event('text-ml', { type: 'Odd', lastTimestamp: iso(10), eventTime: iso(5) }),
          event('text-ml', { eventTime: iso(5), firstTimestamp: iso(3) }),
          event('text-ml', { firstTimestamp: iso(3) }),
          { ...event('text-ml'), metadata: { name: 'x', creationTimestamp: iso(1) } },
          { ...event('text-ml'), count: '2' },
        ],
      },
      pick: (s) => s.events?.map((e) => [e.type, e.at - AT, e.count]),
      expected: [
        ['Normal', 10_000, undefined],
        ['Normal', 5_000, undefined],
        ['Normal', 3_000, undefined],
        ['Normal', 1_000, undefined],
        ['Normal', -AT, undefined],
      ],
    },
  ];
  it.each(rows)('$name', ({ objects, pick, expected }) => {
    expect(pick(buildSnapshot(TARGET, watched(objects)))).toEqual(expected);
  });
});
