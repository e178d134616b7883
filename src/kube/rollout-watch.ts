/**
 * The imperative shell around the rollout state machine: four reflectors (the RayService, its
 * RayClusters, their pods, the namespace's events) keep the objects; on every change they become a
 * snapshot (src/rollout/snapshot.ts) and a step of the machine; a timer lets grace periods and the
 * deadline run out. Pods and events are optional: without permission to list them the machine is
 * told they are not watched.
 */
import type { Connection } from './connection.js';
import { buildSnapshot, checkTime, observe, startRollout } from '../rollout/index.js';
import type { ProgressLine, RolloutState, RolloutTarget, Snapshot, Step, Verdict } from '../rollout/types.js';
import type { KubeObject } from '../util/kube-object.js';
import { Reflector, type ReflectorOptions, type ReflectorSource } from './reflector.js';
import { DeadlineError } from './deadline.js';

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
  const state = startRollout(opts.target);
  if (state.verdict) return { verdict: state.verdict, requests: 0 };
  return new RolloutWatch(opts, state).run();
}

interface Sources {
  readonly rayServices: ReflectorSource;
  readonly rayClusters: ReflectorSource;
  readonly pods: ReflectorSource;
  readonly events: ReflectorSource;
}

/** What to list and watch for one RayService. */
function sourcesFor({ k8s, kc }: Connection, target: RolloutTarget): Sources {
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const namespace = target.namespace;
  const ofRay = (plural: string, selector: { labelSelector?: string; fieldSelector?: string }): ReflectorSource => ({
    name: plural,
    watchPath: `/apis/ray.io/v1/namespaces/${namespace}/${plural}`,
    query: { ...selector } as Record<string, string>,
    list: async () => {
      const r = await custom.listNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace, plural, ...selector });
      return { items: r.items ?? [], resourceVersion: r.metadata?.resourceVersion ?? '' };
    },
  });
  const rayNodes = 'ray.io/is-ray-node=yes';
  return {
    rayServices: ofRay('rayservices', { fieldSelector: `metadata.name=${target.name}` }),
    rayClusters: ofRay('rayclusters', { labelSelector: `ray.io/originated-from-cr-name=${target.name},ray.io/originated-from-crd=RayService` }),
    pods: {
      name: 'pods',
      watchPath: `/api/v1/namespaces/${namespace}/pods`,
      query: { labelSelector: rayNodes },
      list: async () => {
        const r = await core.listNamespacedPod({ namespace, labelSelector: rayNodes });
        return { items: r.items as unknown as KubeObject[], resourceVersion: r.metadata?.resourceVersion ?? '' };
      },
    },
    events: {
      name: 'events',
      watchPath: `/api/v1/namespaces/${namespace}/events`,
      query: {},
      list: async () => {
        const r = await core.listNamespacedEvent({ namespace });
        return { items: r.items as unknown as KubeObject[], resourceVersion: r.metadata?.resourceVersion ?? '' };
      },
    },
  };
}

/** One wait: the reflectors, the timer and the machine's state, until the first verdict. */
class RolloutWatch {
  private state: RolloutState;
  private requests = 0;
  private finished = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly reflectors: Record<keyof Sources, Reflector>;
  private settle: { resolve: (r: WatchRolloutResult) => void; reject: (e: unknown) => void } | undefined;

  constructor(
    private readonly opts: WatchRolloutOptions,
    state: RolloutState,
  ) {
    this.state = state;
    const ro: ReflectorOptions = {
      onChange: () => this.onChange(),
      countRequest: () => this.requests++,
      pollIntervalMs: opts.pollIntervalMs ?? 2_000,
      ...(opts.log ? { log: opts.log } : {}),
    };
    const sources = sourcesFor(opts.conn, opts.target);
    const reflector = (source: ReflectorSource) => new Reflector(opts.conn, source, ro);
    this.reflectors = {
      rayServices: reflector(sources.rayServices),
      rayClusters: reflector(sources.rayClusters),
      pods: reflector(sources.pods),
      events: reflector(sources.events),
    };
  }

  run(): Promise<WatchRolloutResult> {
    return new Promise<WatchRolloutResult>((resolve, reject) => {
      this.settle = { resolve, reject };
      this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 1_000);
      Promise.all(Object.values(this.reflectors).map((r) => r.start())).then(
        () => this.onChange(),
        (e) => {
          // The command's deadline is the rollout's: a list cut short by it is the rollout timing out.
          if (e instanceof DeadlineError) this.tick();
          this.end(() => this.settle?.reject(e));
        },
      );
    });
  }

  /** A reflector saw a change: observe the new snapshot. */
  private onChange(): void {
    if (this.finished) return;
    const { rayServices } = this.reflectors;
    // Pods and events are optional; the RayService is not: without it nothing can be observed,
    // and the wait would only run into its deadline.
    if (!rayServices.available) this.finish(forbidden(this.opts.target, 'rayservices'));
    else if (rayServices.synced) this.apply(observe(this.state, this.snapshot()));
  }

  /** Time passes: grace periods, the settle window and the deadline can run out without a change. */
  private tick(): void {
    if (this.finished) return;
    this.apply(checkTime(this.state, Date.now()));
  }

  private apply(step: Step): void {
    this.state = step.state;
    for (const line of step.progress) this.opts.onProgress?.(line);
    if (step.verdict) this.finish(step.verdict);
  }

  private snapshot(): Snapshot {
    const { rayServices, rayClusters, pods, events } = this.reflectors;
    const { namespace, name } = this.opts.target;
    return buildSnapshot(this.opts.target, {
      at: Date.now(),
      rayService: rayServices.items.get(`${namespace}/${name}`),
      rayClusters: [...rayClusters.items.values()],
      ...(pods.available ? { pods: [...pods.items.values()] } : {}),
      ...(events.available ? { events: [...events.items.values()] } : {}),
    });
  }

  private finish(verdict: Verdict): void {
    this.end(() => this.settle?.resolve({ verdict, requests: this.requests }));
  }

  /** Stop the timer and the reflectors, once, then settle the promise. */
  private end(settle: () => void): void {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.timer);
    for (const r of Object.values(this.reflectors)) r.stop();
    settle();
  }
}
