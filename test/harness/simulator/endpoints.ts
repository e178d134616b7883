// Plays the EndpointSlice and Endpoints controllers of kube-controller-manager (which does not run here):
// for every Service with a selector, one EndpointSlice (labelled kubernetes.io/service-name, owned by the
// Service, endpoints with targetRef.uid and ready/serving/terminating conditions) and the legacy core
// Endpoints object. KubeRay v1.6 counts serve endpoints from the slices of <rs>-serve-svc; v1.5 and older
// read the Endpoints object. Both are kept, as Kubernetes 1.36 still does.
import type { Informer } from '../kube/informer.js';
import type { Logger } from '../log.js';
import { isNotFound, type KubeObject, type KubeRest } from '../kube/rest.js';
import { R, objectPath } from '../kube/resources.js';

const SLICE_MANAGER = 'endpointslice-controller.k8s.io';

export class SimEndpointsController {
  private readonly dirty = new Set<string>();
  private readonly lastApplied = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private refresh: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly rest: KubeRest,
    private readonly services: Informer,
    private readonly pods: Informer,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.services.on((type, svc) => {
      if (type === 'DELETED') void this.removeFor(svc);
      this.markDirty(svc.metadata.namespace);
    });
    this.pods.on((_type, pod) => this.markDirty(pod.metadata.namespace));
    for (const svc of this.services.list()) this.markDirty(svc.metadata.namespace);
    // Self-heal now and then (objects deleted behind our back, writes lost in an apiserver restart).
    this.refresh = setInterval(() => {
      this.lastApplied.clear();
      for (const svc of this.services.list()) this.markDirty(svc.metadata.namespace);
    }, 10_000);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.refresh) clearInterval(this.refresh);
  }

  private markDirty(namespace: string): void {
    if (this.stopped) return;
    this.dirty.add(namespace);
    // Debounce: a RayCluster start changes many pods at once. One pass at a time.
    if (this.running) return; // the running pass loops until nothing is dirty
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.running = this.sync().finally(() => (this.running = undefined));
    }, 20);
  }

  private async sync(): Promise<void> {
    const failed = new Set<string>();
    while (this.dirty.size && !this.stopped) {
      const namespaces = [...this.dirty];
      this.dirty.clear();
      for (const ns of namespaces) {
        for (const svc of this.services.list((s) => s.metadata.namespace === ns)) {
          try {
            await this.syncService(svc);
          } catch (e) {
            if (!isNotFound(e)) {
              failed.add(ns);
              this.log(`endpoints of ${ns}/${svc.metadata.name}: ${(e as Error).message}`);
            }
          }
        }
      }
    }
    // Retry failures later rather than spinning (the apiserver may be restarting).
    if (failed.size && !this.stopped)
      setTimeout(() => {
        for (const ns of failed) this.markDirty(ns);
      }, 500);
  }

  private async syncService(svc: KubeObject): Promise<void> {
    const selector = svc.spec?.selector as Record<string, string> | undefined;
    if (!selector || Object.keys(selector).length === 0 || svc.spec?.type === 'ExternalName') return;
    const ns = svc.metadata.namespace as string;
    const name = svc.metadata.name as string;
    const matching = this.pods
      .list(
        (p) =>
          p.metadata.namespace === ns &&
          Boolean(p.status?.podIP) &&
          p.status?.phase !== 'Succeeded' &&
          p.status?.phase !== 'Failed' &&
          Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v),
      )
      .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));

    const ports = resolvePorts(svc, matching);
    const endpoints = matching.map((p) => {
      const podReady = (p.status?.conditions as KubeObject[] | undefined)?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
      const terminating = Boolean(p.metadata.deletionTimestamp);
      return {
        addresses: [p.status.podIP as string],
        conditions: { ready: podReady && !terminating, serving: podReady, terminating },
        targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
        ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
      };
    });

    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${name}-sim`.slice(0, 63),
        namespace: ns,
        labels: { 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': SLICE_MANAGER },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints,
      ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
    };
    await this.applyIfChanged(objectPath(R.endpointslices, slice.metadata.name, ns), slice, 'endpointslice-controller');

    const publishNotReady = Boolean(svc.spec?.publishNotReadyAddresses);
    const addr = (e: (typeof endpoints)[number]) => ({ ip: e.addresses[0], ...(e.nodeName ? { nodeName: e.nodeName } : {}), targetRef: e.targetRef });
    const ready = endpoints.filter((e) => e.conditions.ready || (publishNotReady && !e.conditions.terminating));
    const notReady = endpoints.filter((e) => !e.conditions.ready && !e.conditions.terminating && !publishNotReady);
    const subsets =
      ready.length + notReady.length > 0 && ports.length > 0
        ? [
            {
              ...(ready.length ? { addresses: ready.map(addr) } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}),
              ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
            },
          ]
        : [];
    const legacy = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels: { ...(svc.metadata.labels ?? {}) } },
      subsets,
    };
    await this.applyIfChanged(objectPath(R.endpoints, name, ns), legacy, 'endpoint-controller');
  }

  private async applyIfChanged(path: string, obj: KubeObject, manager: string): Promise<void> {
    const json = JSON.stringify(obj);
    if (this.lastApplied.get(path) === json) return;
    await this.rest.apply(path, obj, manager);
    this.lastApplied.set(path, json);
  }

  private async removeFor(svc: KubeObject): Promise<void> {
    const ns = svc.metadata.namespace as string;
    const name = svc.metadata.name as string;
    for (const path of [objectPath(R.endpointslices, `${name}-sim`.slice(0, 63), ns), objectPath(R.endpoints, name, ns)]) {
      this.lastApplied.delete(path);
      try {
        await this.rest.request('DELETE', path);
      } catch (e) {
        if (!isNotFound(e)) this.log(`deleting ${path}: ${(e as Error).message}`);
      }
    }
  }
}

interface ResolvedPort {
  name: string;
  port: number;
  protocol: string;
}

/** Service ports → endpoint ports; named targetPorts resolve through the first pod that declares them. */
function resolvePorts(svc: KubeObject, pods: KubeObject[]): ResolvedPort[] {
  const out: ResolvedPort[] = [];
  for (const sp of (svc.spec?.ports ?? []) as KubeObject[]) {
    const target = sp.targetPort ?? sp.port;
    let port: number | undefined;
    if (typeof target === 'number') port = target;
    else if (/^\d+$/.test(String(target))) port = Number(target);
    else {
      for (const p of pods) {
        for (const c of (p.spec?.containers ?? []) as KubeObject[]) {
          const cp = ((c.ports ?? []) as KubeObject[]).find((x) => x.name === target);
          if (cp) port = cp.containerPort as number;
        }
        if (port !== undefined) break;
      }
    }
    if (port !== undefined) out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
  }
  return out;
}
