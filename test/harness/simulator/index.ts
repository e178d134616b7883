// The simulator: everything a real cluster has besides the apiserver and the KubeRay operator.
// - nodes (Node objects with capacity), kube-scheduler and kubelets (kubelet.ts)
// - the EndpointSlice/Endpoints controllers (endpoints.ts) and the garbage collector (garbage-collector.ts)
// - the resource quota controller for pods (resource-quota.ts): status.hard/used of every ResourceQuota,
//   so that the apiserver's ResourceQuota admission refuses pods beyond a quota ("exceeded quota")
// - Ray: every cluster's dashboard and every head pod's Serve proxy, behind one HTTP proxy that the
//   operator uses as HTTP_PROXY (ray-http-proxy.ts, ray-serve.ts)
// - fault switches (faults.ts)
// It talks to the apiserver directly (not through the cuttable client proxy), with its own watches.
import { Informer } from '../kube/informer.js';
import { isConflict, type KubeObject, type KubeRest } from '../kube/rest.js';
import { R } from '../kube/resources.js';
import { stderrLogger, type Logger } from '../log.js';
import { SimEndpointsController } from './endpoints.js';
import { Faults, type RayClusterRef } from './faults.js';
import { SimGarbageCollector } from './garbage-collector.js';
import { IpPool } from './ip-pool.js';
import { SimKubelet } from './kubelet.js';
import { KubeletServer } from './kubelet-server.js';
import { DEFAULT_NODES, deleteNode, upsertNode, type NodeSpec } from './nodes.js';
import { RayHttpProxy, type ProxyTarget } from './ray-http-proxy.js';
import { RayServeSim } from './ray-serve.js';
import { SimResourceQuotaController, type ResourceQuotaControllerOptions } from './resource-quota.js';

export interface SimulatorOptions {
  /** Nodes to create (default DEFAULT_NODES: three nodes with 16 CPU, 64Gi, 110 pods each). */
  nodes?: readonly NodeSpec[];
  /** Time from a Serve config PUT to RUNNING/HEALTHY (default 1000 ms). Changeable later: sim.serve.deployDelayMs. */
  serveDeployDelayMs?: number;
  /** Time from binding to Running (default 200 ms). */
  podStartDelayMs?: number;
  /** Time from a pod deletion request to its removal (default 100 ms). */
  podTerminationDelayMs?: number;
  /** Port of the Ray HTTP proxy (default: any free port). */
  rayProxyPort?: number;
  /**
   * Certificate and key of the kubelets' HTTPS endpoint (kubelet-server.ts), for `pods/log` through
   * the apiserver; without it nodes name no kubelet port and pod logs are not simulated.
   */
  kubeletTls?: { certPath: string; keyPath: string };
  /** Resource quota controller timings (settle time of decreases, resync period). */
  resourceQuota?: ResourceQuotaControllerOptions;
  log?: Logger;
}

const RAY_CLUSTER_LABEL = 'ray.io/cluster';
const RAY_NODE_TYPE_LABEL = 'ray.io/node-type';
const ORIGINATED_FROM_NAME = 'ray.io/originated-from-cr-name';
const ORIGINATED_FROM_CRD = 'ray.io/originated-from-crd';

export class Simulator {
  readonly faults = new Faults();
  /** Every cluster's Serve: configs received (`serve.all()`, `serve.state(ns, cluster).puts`), delays. */
  readonly serve: RayServeSim;
  /** The HTTP proxy that plays Ray (`http.requests` lists what the operator called; `http.get(url)` calls Ray as it does). */
  readonly http: RayHttpProxy;
  readonly kubelet: SimKubelet;
  readonly endpoints: SimEndpointsController;
  /** `gc.deletions` lists what the garbage collector deleted and why. */
  readonly gc: SimGarbageCollector;
  /** ResourceQuota status: `quotas.writes` lists its status writes, `quotas.expectedUsage(ns, name)` what it computes. */
  readonly quotas: SimResourceQuotaController;
  /** The simulator's caches (read them, do not modify): nodes, pods, services, rayclusters, rayservices, resourcequotas. */
  readonly informers: { nodes: Informer; pods: Informer; services: Informer; rayclusters: Informer; rayservices: Informer; resourcequotas: Informer };
  /** The kubelets' HTTPS endpoint (`kubeletServer.requests`: what the apiserver asked for), with kubeletTls. */
  readonly kubeletServer: KubeletServer | undefined;
  /** Output of stand-in pods' containers ("ns/pod/container"), e.g. the KubeRay operator's log file. */
  private readonly containerLogs = new Map<string, () => string>();
  private readonly ips = new IpPool();
  private readonly log: Logger;

  private constructor(
    private readonly rest: KubeRest,
    opts: SimulatorOptions,
  ) {
    this.log = opts.log ?? stderrLogger;
    this.serve = new RayServeSim(this.faults, opts.serveDeployDelayMs ?? 1000);
    const inf = (t: (typeof R)[keyof typeof R]) => new Informer(rest, t, {}, this.log);
    this.informers = {
      nodes: inf(R.nodes),
      pods: inf(R.pods),
      services: inf(R.services),
      rayclusters: inf(R.rayclusters),
      rayservices: inf(R.rayservices),
      resourcequotas: inf(R.resourcequotas),
    };
    this.http = new RayHttpProxy({
      serve: this.serve,
      faults: this.faults,
      resolve: (h, p) => this.resolve(h, p),
      tunnel: (h, p) => this.tunnel(h, p),
      forwardedTarget: (uri) => this.forwardedTarget(uri),
    });
    this.kubeletServer = opts.kubeletTls ? new KubeletServer(opts.kubeletTls, (ns, pod, c) => this.logsOf(ns, pod, c)) : undefined;
    this.kubelet = new SimKubelet(
      rest,
      this.informers.pods,
      this.informers.nodes,
      this.ips,
      { readiness: (pod) => this.readiness(pod), podGone: (pod) => this.podGone(pod) },
      { podStartDelayMs: opts.podStartDelayMs ?? 200, podTerminationDelayMs: opts.podTerminationDelayMs ?? 100 },
      this.log,
    );
    this.endpoints = new SimEndpointsController(rest, this.informers.services, this.informers.pods, this.log);
    this.gc = new SimGarbageCollector(rest, Object.values(this.informers), this.log);
    this.quotas = new SimResourceQuotaController(rest, this.informers.resourcequotas, this.informers.pods, this.log, opts.resourceQuota);
    this.faults.onChange(() => this.kubelet.refreshReadiness());
  }

  /** Starts the simulator against an apiserver that already serves the ray.io CRDs. */
  static async start(rest: KubeRest, opts: SimulatorOptions = {}): Promise<Simulator> {
    const sim = new Simulator(rest, opts);
    await sim.http.start(opts.rayProxyPort ?? 0);
    await sim.kubeletServer?.start();
    await Promise.all(Object.values(sim.informers).map((i) => i.start()));
    for (const spec of opts.nodes ?? DEFAULT_NODES) await sim.addNode(spec);
    sim.kubelet.start();
    sim.endpoints.start();
    sim.gc.start();
    sim.quotas.start();
    return sim;
  }

  async stop(): Promise<void> {
    this.kubelet.stop();
    this.endpoints.stop();
    this.gc.stop();
    this.quotas.stop();
    await this.http.stop();
    await this.kubeletServer?.stop();
    await Promise.all(Object.values(this.informers).map((i) => i.stop()));
  }

  // ---- nodes ---------------------------------------------------------------------------------------

  /** Creates a node, or updates the one of that name (capacity, labels, taints, cordon). */
  async addNode(spec: NodeSpec): Promise<void> {
    const existing = this.informers.nodes.get(undefined, spec.name);
    const ip = (existing?.status?.addresses as KubeObject[] | undefined)?.find((a) => a.type === 'InternalIP')?.address ?? this.ips.nodeIp();
    await upsertNode(this.rest, spec, ip, this.kubeletServer?.port);
  }

  /**
   * A pod that stands for a process running outside the cluster (the KubeRay operator): created bound
   * to `node` (the simulated kubelet runs it), its container printing what `logs()` returns, so that
   * it can be found by its labels and read through `pods/log`. Creates the namespace if needed.
   */
  async addStandInPod(p: {
    namespace: string;
    name: string;
    labels: Record<string, string>;
    container: string;
    node: string;
    logs: () => string;
  }): Promise<void> {
    await this.rest.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: p.namespace } } }).catch((e) => {
      if (!isConflict(e)) throw e;
    });
    this.containerLogs.set(`${p.namespace}/${p.name}/${p.container}`, p.logs);
    await this.rest.request('POST', `/api/v1/namespaces/${p.namespace}/pods`, {
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
        spec: { nodeName: p.node, containers: [{ name: p.container, image: 'stand-in' }] },
      },
    });
  }

  /** A CONNECT to a node's kubelet port (by node name or address) → the local kubelet endpoint. */
  private tunnel(hostname: string, port: number): number | undefined {
    const server = this.kubeletServer;
    if (!server || port !== server.port) return undefined;
    const node = this.informers.nodes.list(
      (n) => n.metadata.name === hostname || ((n.status?.addresses ?? []) as KubeObject[]).some((a) => a.address === hostname),
    )[0];
    return node ? server.port : undefined;
  }

  /**
   * `services/[scheme:]<name>[:<port name or number>]/proxy/…` → the service's DNS name and port;
   * `pods/<name>[:<port>]/proxy/…` → the pod's IP and port (what the apiserver connected to).
   */
  private forwardedTarget(uri: string): { hostname: string; port: number } | undefined {
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/(services|pods)\/([^/]+)\/proxy(?:\/|$)/.exec(uri.split('?')[0]!);
    if (!m) return undefined;
    const [, namespace, kind, id] = m as unknown as [string, string, string, string];
    const parts = decodeURIComponent(id).split(':');
    const [name, portText] = parts.length === 3 ? [parts[1]!, parts[2]] : [parts[0]!, parts[1]];
    if (kind === 'pods') {
      const ip = this.informers.pods.get(namespace, name)?.status?.podIP as string | undefined;
      return ip ? { hostname: ip, port: Number(portText ?? 80) } : undefined;
    }
    const ports = (this.informers.services.get(namespace, name)?.spec?.ports ?? []) as KubeObject[];
    const port = ports.find((p) => portText === undefined || p.name === portText || String(p.port) === portText);
    return port ? { hostname: `${name}.${namespace}`, port: port.port as number } : undefined;
  }

  /** What a container printed: a stand-in's registered output, a head pod's Serve lines. */
  private logsOf(namespace: string, pod: string, container: string): string | undefined {
    const registered = this.containerLogs.get(`${namespace}/${pod}/${container}`);
    if (registered) return registered();
    const object = this.informers.pods.get(namespace, pod);
    if (!object || !(object.spec.containers as KubeObject[]).some((c) => c.name === container)) return undefined;
    const ref = this.clusterOfPod(object);
    return ref && this.isHead(object) ? this.serve.headLog(ref) : '';
  }

  /** Deletes a node. Pods bound to it stay (as with a lost kubelet) but no longer count for capacity. */
  async removeNode(name: string): Promise<void> {
    await deleteNode(this.rest, name);
  }

  // ---- what the simulator knows about Ray clusters --------------------------------------------------

  /** The RayCluster namespace/name as fault selectors see it. */
  cluster(namespace: string, name: string): RayClusterRef {
    const object = this.informers.rayclusters.get(namespace, name);
    const labels = (object?.metadata?.labels ?? {}) as Record<string, string>;
    const rayService = labels[ORIGINATED_FROM_CRD] === 'RayService' ? labels[ORIGINATED_FROM_NAME] : undefined;
    return { namespace, name, rayService, object };
  }

  /**
   * host:port → Ray target. Pod IPs: the head's container ports named dashboard/serve. Service names
   * (name.ns[.svc.cluster.local]): the service's port named dashboard/serve, for the cluster its
   * ray.io/cluster selector names. A service name that does not exist does not resolve (→ 502).
   */
  private resolve(hostname: string, port: number): ProxyTarget | 'unreachable' | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) {
      const pod = this.informers.pods.list((p) => p.status?.podIP === hostname && !p.metadata.deletionTimestamp)[0];
      if (pod?.status?.phase !== 'Running') return 'unreachable';
      const ref = this.clusterOfPod(pod);
      if (!ref || !this.isHead(pod)) return 'unreachable';
      const portName =
        ((pod.spec.containers[0]?.ports ?? []) as KubeObject[]).find((p) => p.containerPort === port)?.name ?? (port === 8000 ? 'serve' : undefined);
      if (portName === 'dashboard') return { kind: 'dashboard', cluster: ref, reachable: true };
      if (portName === 'serve') return { kind: 'serve', cluster: ref, reachable: true, via: 'pod' };
      return 'unreachable';
    }
    const [svcName, namespace] = hostname.split('.');
    if (!svcName || !namespace) return undefined;
    const svc = this.informers.services.get(namespace, svcName);
    if (!svc) return undefined;
    const cluster = svc.spec?.selector?.[RAY_CLUSTER_LABEL] as string | undefined;
    const portName = ((svc.spec?.ports ?? []) as KubeObject[]).find((p) => p.port === port)?.name as string | undefined;
    if (!cluster || !portName) return 'unreachable';
    const ref = this.cluster(namespace, cluster);
    if (portName === 'dashboard') return { kind: 'dashboard', cluster: ref, reachable: this.headPodRunning(ref) };
    if (portName === 'serve') return { kind: 'serve', cluster: ref, reachable: this.hasReadyEndpoint(svc), via: 'service' };
    return 'unreachable';
  }

  private headPodRunning(ref: RayClusterRef): boolean {
    return this.informers.pods
      .list((p) => p.metadata.namespace === ref.namespace && p.metadata.labels?.[RAY_CLUSTER_LABEL] === ref.name && this.isHead(p))
      .some((p) => p.status?.phase === 'Running' && p.status?.podIP && !p.metadata.deletionTimestamp);
  }

  private hasReadyEndpoint(svc: KubeObject): boolean {
    const selector = (svc.spec?.selector ?? {}) as Record<string, string>;
    return this.informers.pods
      .list((p) => p.metadata.namespace === svc.metadata.namespace && Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
      .some((p) => !p.metadata.deletionTimestamp && (p.status?.conditions as KubeObject[] | undefined)?.some((c) => c.type === 'Ready' && c.status === 'True'));
  }

  private clusterOfPod(pod: KubeObject): RayClusterRef | undefined {
    const name = pod.metadata.labels?.[RAY_CLUSTER_LABEL] as string | undefined;
    return name ? this.cluster(pod.metadata.namespace, name) : undefined;
  }

  private isHead(pod: KubeObject): boolean {
    return pod.metadata.labels?.[RAY_NODE_TYPE_LABEL] === 'head';
  }

  private readiness(pod: KubeObject): { ready: boolean; unreadyContainers?: string[] } {
    const ref = this.clusterOfPod(pod);
    if (ref && this.isHead(pod) && this.faults.find('headNeverReady', ref)) {
      return { ready: false, unreadyContainers: [pod.spec.containers[0].name] };
    }
    return { ready: true };
  }

  private podGone(pod: KubeObject): void {
    const ref = this.clusterOfPod(pod);
    // A new head starts with an empty Serve (no GCS fault tolerance in the simulation).
    if (ref && this.isHead(pod)) this.serve.forget(ref.namespace, ref.name);
  }
}

export { Faults, type ClusterSelector, type RayClusterRef, type FaultHandle, type FaultRule } from './faults.js';
export { DEFAULT_NODES, gpuNode, type NodeSpec, type NodeTaint } from './nodes.js';
export type { ProxiedRequest, ProxyTarget } from './ray-http-proxy.js';
export type { ClusterServeState, ServePut, AppStatusView } from './ray-serve.js';
export {
  SimResourceQuotaController,
  computeQuotaUsage,
  podQuotaUsage,
  podQuotaTracks,
  podMatchesScope,
  sameQuantity,
  type QuotaStatusWrite,
  type ResourceQuotaControllerOptions,
  type ScopedResourceSelectorRequirement,
} from './resource-quota.js';
