/**
 * The imperative shell around the rollout state machine: four reflectors (the RayService, its
 * RayClusters, their pods, the namespace's events) turn into snapshots; a timer lets grace
 * periods and the deadline run out. Pods and events are optional: without permission to list
 * them the machine is told they are not watched.
 */
import type { Connection } from './connection.js';
import { checkTime, observe, startRollout } from '../rollout/index.js';
import type { ProgressLine, RolloutTarget, Snapshot, Verdict } from '../rollout/types.js';
import { Reflector } from './reflector.js';
import { eventView, podView, rayClusterView, rayServiceView } from './views.js';

export interface WatchRolloutOptions {
  readonly conn: Connection;
  readonly target: RolloutTarget;
  readonly onProgress?: (line: ProgressLine) => void;
  readonly log?: (line: string) => void;
  /** Polling interval when watches fail (default 2 s). */
  readonly pollIntervalMs?: number;
  /** How often time-based rules are checked (default 1 s). */
  readonly tickMs?: number;
}

export interface WatchRolloutResult {
  readonly verdict: Verdict;
  /** API requests made while waiting (lists and watch connections). */
  readonly requests: number;
}

/** The verdict when the RayService cannot be listed: the rollout cannot be followed at all. */
function forbidden(target: RolloutTarget, plural: string): Verdict {
  const now = Date.now();
  return {
    result: 'failed',
    summary: `${target.namespace}/${target.name}: cannot follow the rollout: no permission to list ${plural} in namespace ${target.namespace} (docs/rbac.md lists the rules needed: deploy/rbac.yaml)`,
    at: now,
    durationMs: now - target.startedAt,
    timeline: [],
  };
}

export async function watchRollout(opts: WatchRolloutOptions): Promise<WatchRolloutResult> {
  const { conn, target } = opts;
  const { k8s, kc } = conn;
  let state = startRollout(target);
  if (state.verdict) return { verdict: state.verdict, requests: 0 };
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const ns = target.namespace;
  let requests = 0;
  const countRequest = () => requests++;

  return new Promise<WatchRolloutResult>((resolve, reject) => {
    let finished = false;
    const finish = (verdict: Verdict) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      for (const r of reflectors) r.stop();
      resolve({ verdict, requests });
    };
    const emit = (step: { progress: readonly ProgressLine[]; verdict?: Verdict }) => {
      for (const line of step.progress) opts.onProgress?.(line);
      if (step.verdict) finish(step.verdict);
    };
    const onChange = () => {
      if (finished) return;
      // Pods and events are optional; the RayService is not: without it nothing can be observed,
      // and the wait would only run into its deadline.
      if (!rayServices.available) return finish(forbidden(target, 'rayservices'));
      if (!rayServices.synced) return;
      const snap = snapshot();
      const step = observe(state, snap);
      state = step.state;
      emit(step);
    };
    const ro = { onChange, countRequest, pollIntervalMs: opts.pollIntervalMs ?? 2_000, ...(opts.log ? { log: opts.log } : {}) };
    const crd = (plural: string, selector: { labelSelector?: string; fieldSelector?: string }) => ({
      name: plural,
      watchPath: `/apis/ray.io/v1/namespaces/${ns}/${plural}`,
      query: { ...selector } as Record<string, string>,
      list: async () => {
        const r = await custom.listNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: ns, plural, ...selector });
        return { items: r.items ?? [], resourceVersion: r.metadata?.resourceVersion ?? '' };
      },
    });
    const rayServices = new Reflector(conn, crd('rayservices', { fieldSelector: `metadata.name=${target.name}` }), ro);
    const rayClusters = new Reflector(
      conn,
      crd('rayclusters', { labelSelector: `ray.io/originated-from-cr-name=${target.name},ray.io/originated-from-crd=RayService` }),
      ro,
    );
    const pods = new Reflector(
      conn,
      {
        name: 'pods',
        watchPath: `/api/v1/namespaces/${ns}/pods`,
        query: { labelSelector: 'ray.io/is-ray-node=yes' },
        list: async () => {
          const r = await core.listNamespacedPod({ namespace: ns, labelSelector: 'ray.io/is-ray-node=yes' });
          return { items: r.items as unknown as Record<string, unknown>[], resourceVersion: r.metadata?.resourceVersion ?? '' };
        },
      },
      ro,
    );
    const events = new Reflector(
      conn,
      {
        name: 'events',
        watchPath: `/api/v1/namespaces/${ns}/events`,
        query: {},
        list: async () => {
          const r = await core.listNamespacedEvent({ namespace: ns });
          return { items: r.items as unknown as Record<string, unknown>[], resourceVersion: r.metadata?.resourceVersion ?? '' };
        },
      },
      ro,
    );
    const reflectors = [rayServices, rayClusters, pods, events];

    function snapshot(): Snapshot {
      const rs = rayServices.items.get(`${ns}/${target.name}`);
      const clusters = [...rayClusters.items.values()];
      const clusterNames = new Set(clusters.map((c) => c.metadata.name as string));
      for (const n of [target.activeBefore, rs?.status?.activeServiceStatus?.rayClusterName, rs?.status?.pendingServiceStatus?.rayClusterName])
        if (n) clusterNames.add(n);
      const podObjs = [...pods.items.values()].filter((p) => clusterNames.has(p.metadata?.labels?.['ray.io/cluster']));
      const involved = new Set([target.name, ...clusterNames, ...podObjs.map((p) => p.metadata.name as string)]);
      return {
        at: Date.now(),
        rayService: rs ? rayServiceView(rs) : null,
        rayClusters: clusters.map(rayClusterView),
        ...(pods.available ? { pods: podObjs.map(podView) } : {}),
        ...(events.available ? { events: [...events.items.values()].filter((e) => involved.has(e.involvedObject?.name)).map(eventView) } : {}),
      };
    }

    const timer = setInterval(() => {
      if (finished) return;
      const step = checkTime(state, Date.now());
      state = step.state;
      emit(step);
    }, opts.tickMs ?? 1_000);

    Promise.all(reflectors.map((r) => r.start())).then(onChange, (e) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      for (const r of reflectors) r.stop();
      reject(e);
    });
  });
}
