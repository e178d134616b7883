// Plays kube-scheduler and the kubelets of all simulated nodes:
// - schedules: binds each pending pod to a node with room through pods/binding, or records
//   PodScheduled=False/Unschedulable with the scheduler's message; retried when capacity changes;
// - runs: sets phase Running, a unique pod IP (198.18.x.y, see ip-pool.ts), and Ready/ContainersReady/Initialized/PodScheduled
//   through the status subresource (never labels: the operator owns ray.io/serve);
// - terminates: a pod marked for deletion is removed with grace period 0, as a kubelet confirms a kill.
import type { Informer } from '../kube/informer.js';
import type { Logger } from '../log.js';
import { sleep } from '../kube/informer.js';
import { isConflict, isNotFound, type KubeObject, type KubeRest } from '../kube/rest.js';
import { R, objectPath } from '../kube/resources.js';
import type { IpPool } from './ip-pool.js';
import { addInto, podRequests, type ResourceList } from './resources.js';
import { nodeView, schedule } from './scheduling.js';

export interface Readiness {
  ready: boolean;
  /** Names of containers to report not ready (default: all). */
  unreadyContainers?: string[];
}

export interface KubeletHooks {
  /** Whether the pod's containers pass their readiness probes right now (fault switches decide). */
  readiness(pod: KubeObject): Readiness;
  /** The pod's containers are gone (terminating or deleted). */
  podGone(pod: KubeObject): void;
}

export interface KubeletOptions {
  /** Delay between binding and Running (image pull + container start). */
  podStartDelayMs: number;
  /** Delay between a deletion request and the pod's removal (graceful shutdown). */
  podTerminationDelayMs: number;
}

interface RunningPod {
  ip: string;
  ready: boolean;
}

export class SimKubelet {
  /** Pods bound by us that the cache may not show as bound yet (the scheduler's "assume" cache). */
  private readonly assumed = new Map<string, { node: string; requests: ResourceList }>();
  private readonly running = new Map<string, RunningPod>();
  private readonly starting = new Set<string>();
  private readonly terminating = new Set<string>();
  private readonly unschedulableMessage = new Map<string, string>();
  private scheduling: Promise<void> | undefined;
  private rescheduleWanted = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly rest: KubeRest,
    private readonly pods: Informer,
    private readonly nodes: Informer,
    private readonly ips: IpPool,
    private readonly hooks: KubeletHooks,
    readonly options: KubeletOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.pods.on((type, pod) => this.onPod(type, pod));
    this.nodes.on(() => this.scheduleSoon());
    for (const pod of this.pods.list()) this.onPod('ADDED', pod);
    // Safety net: retry unschedulable pods and failed status writes now and then.
    this.timer = setInterval(() => {
      this.scheduleSoon();
      for (const pod of this.pods.list()) this.onPod('MODIFIED', pod);
    }, 1000);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** IP of a running pod (by uid), if the simulator started it. */
  podIp(uid: string): string | undefined {
    return this.running.get(uid)?.ip;
  }

  /** uid of the running pod with this IP. */
  podUidByIp(ip: string): string | undefined {
    for (const [uid, r] of this.running) if (r.ip === ip) return uid;
    return undefined;
  }

  /** Re-evaluates readiness of every running pod (after a fault switch changed). */
  refreshReadiness(): void {
    for (const pod of this.pods.list()) {
      const uid = pod.metadata.uid as string;
      const r = this.running.get(uid);
      if (!r || pod.metadata.deletionTimestamp) continue;
      const readiness = this.hooks.readiness(pod);
      if (readiness.ready !== r.ready) {
        r.ready = readiness.ready;
        void this.writeStatus(pod, r.ip, readiness).catch(() => {
          r.ready = !readiness.ready; // the periodic pass will retry
        });
      }
    }
  }

  private onPod(type: string, pod: KubeObject): void {
    if (this.stopped) return;
    const uid = pod.metadata.uid as string;
    if (type === 'DELETED') {
      this.assumed.delete(uid);
      this.running.delete(uid);
      this.starting.delete(uid);
      this.terminating.delete(uid);
      this.unschedulableMessage.delete(uid);
      this.hooks.podGone(pod);
      this.scheduleSoon(); // capacity freed
      return;
    }
    const nodeName = pod.spec?.nodeName as string | undefined;
    if (pod.metadata.deletionTimestamp) {
      if (nodeName) this.terminate(pod);
      return;
    }
    if (!nodeName) {
      if (!this.assumed.has(uid)) this.scheduleSoon();
      return;
    }
    this.assumed.delete(uid);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const r = this.running.get(uid);
    if (r) {
      // Our status may have been lost (apiserver restart between write and ack): re-assert it.
      if (pod.status?.podIP !== r.ip || phase !== 'Running') void this.writeStatus(pod, r.ip, this.hooks.readiness(pod)).catch(() => undefined);
      return;
    }
    if (!this.starting.has(uid) && this.nodes.get(undefined, nodeName)) void this.startPod(pod);
  }

  private scheduleSoon(): void {
    if (this.stopped) return;
    if (this.scheduling) {
      this.rescheduleWanted = true;
      return;
    }
    this.scheduling = this.scheduleAll()
      .catch((e) => this.log(`scheduling pass failed: ${(e as Error).message}`))
      .finally(() => {
        this.scheduling = undefined;
        if (this.rescheduleWanted) {
          this.rescheduleWanted = false;
          this.scheduleSoon();
        }
      });
  }

  private usedByNode(): Map<string, ResourceList> {
    const used = new Map<string, ResourceList>();
    const charge = (node: string, req: ResourceList) => {
      const u = used.get(node) ?? new Map();
      addInto(u, req);
      used.set(node, u);
    };
    for (const pod of this.pods.list()) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const node = (pod.spec?.nodeName as string | undefined) ?? this.assumed.get(pod.metadata.uid)?.node;
      if (node) charge(node, podRequests(pod));
    }
    return used;
  }

  private async scheduleAll(): Promise<void> {
    const pending = this.pods
      .list(
        (p) =>
          !p.spec?.nodeName &&
          !p.metadata.deletionTimestamp &&
          !this.assumed.has(p.metadata.uid) &&
          (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler',
      )
      .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || keyCompare(a, b));
    if (pending.length === 0) return;
    const nodes = this.nodes
      .list()
      .map(nodeView)
      .sort((a, b) => a.name.localeCompare(b.name));
    const used = this.usedByNode();
    for (const pod of pending) {
      if (this.stopped) return;
      if ((pod.spec?.schedulingGates ?? []).length > 0) {
        await this.markUnschedulable(pod, 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates');
        continue;
      }
      const result = schedule(pod, nodes, used);
      if (result.node === undefined) {
        await this.markUnschedulable(pod, 'Unschedulable', result.message);
        continue;
      }
      const requests = podRequests(pod);
      this.assumed.set(pod.metadata.uid, { node: result.node, requests });
      const u = used.get(result.node) ?? new Map();
      addInto(u, requests);
      used.set(result.node, u);
      try {
        await this.rest.request('POST', objectPath(R.pods, pod.metadata.name, pod.metadata.namespace, 'binding'), {
          body: {
            apiVersion: 'v1',
            kind: 'Binding',
            metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
            target: { apiVersion: 'v1', kind: 'Node', name: result.node },
          },
        });
        this.unschedulableMessage.delete(pod.metadata.uid);
      } catch (e) {
        this.assumed.delete(pod.metadata.uid);
        if (!isNotFound(e) && !isConflict(e)) throw e;
      }
    }
  }

  private async markUnschedulable(pod: KubeObject, reason: string, message: string): Promise<void> {
    const uid = pod.metadata.uid as string;
    const current = (pod.status?.conditions as KubeObject[] | undefined)?.find((c) => c.type === 'PodScheduled');
    if (this.unschedulableMessage.get(uid) === message && current?.message === message) return;
    this.unschedulableMessage.set(uid, message);
    try {
      await this.rest.mergePatch(objectPath(R.pods, pod.metadata.name, pod.metadata.namespace, 'status'), {
        status: {
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'False', reason, message, lastProbeTime: null, lastTransitionTime: new Date().toISOString() }],
        },
      });
    } catch (e) {
      this.unschedulableMessage.delete(uid);
      if (!isNotFound(e)) throw e;
    }
  }

  private async startPod(pod: KubeObject): Promise<void> {
    const uid = pod.metadata.uid as string;
    this.starting.add(uid);
    try {
      await sleep(this.options.podStartDelayMs);
      const live = this.pods.get(pod.metadata.namespace, pod.metadata.name);
      if (this.stopped || !live || live.metadata.uid !== uid || live.metadata.deletionTimestamp) return;
      const ip = this.ips.podIp();
      const readiness = this.hooks.readiness(live);
      this.running.set(uid, { ip, ready: readiness.ready });
      await this.writeStatus(live, ip, readiness);
    } catch (e) {
      if (!isNotFound(e)) this.log(`starting pod ${pod.metadata.namespace}/${pod.metadata.name} failed: ${(e as Error).message}`);
    } finally {
      this.starting.delete(uid);
    }
  }

  private async writeStatus(pod: KubeObject, ip: string, readiness: Readiness): Promise<void> {
    const node = this.nodes.get(undefined, pod.spec.nodeName);
    const hostIP = (node?.status?.addresses as KubeObject[] | undefined)?.find((a) => a.type === 'InternalIP')?.address ?? '127.0.0.1';
    const startTime = pod.status?.startTime ?? new Date().toISOString();
    const now = new Date().toISOString();
    const unready = new Set(readiness.ready ? [] : (readiness.unreadyContainers ?? (pod.spec.containers as KubeObject[]).map((c) => c.name)));
    const cond = (type: string, ok: boolean, reason?: string, message?: string) => ({
      type,
      status: ok ? 'True' : 'False',
      lastProbeTime: null,
      lastTransitionTime: now,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    });
    const unreadyMsg = `containers with unready status: [${[...unready].join(' ')}]`;
    const containerStatus = (c: KubeObject, ready: boolean) => ({
      name: c.name,
      image: c.image,
      imageID: `simulated://${c.image}`,
      containerID: `simulated://${pod.metadata.uid}/${c.name}`,
      ready,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: startTime } },
    });
    await this.rest.mergePatch(objectPath(R.pods, pod.metadata.name, pod.metadata.namespace, 'status'), {
      status: {
        phase: 'Running',
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP: ip,
        podIPs: [{ ip }],
        startTime,
        conditions: [
          cond('PodReadyToStartContainers', true),
          cond('Initialized', true),
          cond('Ready', unready.size === 0, unready.size ? 'ContainersNotReady' : undefined, unready.size ? unreadyMsg : undefined),
          cond('ContainersReady', unready.size === 0, unready.size ? 'ContainersNotReady' : undefined, unready.size ? unreadyMsg : undefined),
          cond('PodScheduled', true),
        ],
        containerStatuses: (pod.spec.containers as KubeObject[]).map((c) => containerStatus(c, !unready.has(c.name))),
        initContainerStatuses: ((pod.spec.initContainers ?? []) as KubeObject[]).map((c) =>
          c.restartPolicy === 'Always'
            ? containerStatus(c, true)
            : {
                name: c.name,
                image: c.image,
                imageID: `simulated://${c.image}`,
                containerID: `simulated://${pod.metadata.uid}/${c.name}`,
                ready: true,
                started: false,
                restartCount: 0,
                state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: startTime, finishedAt: startTime } },
              },
        ),
      },
    });
  }

  private terminate(pod: KubeObject): void {
    const uid = pod.metadata.uid as string;
    if (this.terminating.has(uid)) return;
    this.terminating.add(uid);
    this.hooks.podGone(pod);
    void (async () => {
      await sleep(this.options.podTerminationDelayMs);
      try {
        await this.rest.request('DELETE', objectPath(R.pods, pod.metadata.name, pod.metadata.namespace), {
          body: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, preconditions: { uid } },
        });
      } catch (e) {
        // 404: already gone; 409: a new pod of that name. Anything else: retry on the next pass.
        if (!isNotFound(e) && !isConflict(e)) this.terminating.delete(uid);
      }
    })();
  }
}

function keyCompare(a: KubeObject, b: KubeObject): number {
  return `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`);
}
