// A whole local control plane for one test file (or for `npm run cluster:up`):
//   etcd → kube-apiserver → KubeRay CRDs → simulator (nodes, kubelet, endpoints, GC, Ray) → KubeRay operator
// all on loopback, in one temp dir, torn down by stop() — and by a watchdog if this process dies first.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiServerProxy } from './apiserver-proxy.js';
import { DEFAULT_KUBERAY_VERSION, resolveBinaries, type Binaries, type KubeRayVersion } from './binaries.js';
import { installCrds } from './crds.js';
import { startEtcd } from './etcd.js';
import { prepareApiServerFiles, startApiServer, type ApiServerConfig } from './kube-apiserver.js';
import { KubeRest } from './kube/rest.js';
import { Kubectl } from './kubectl.js';
import { writeKubeconfig } from './kubeconfig.js';
import { startOperator, type OperatorConfig } from './kuberay-operator.js';
import { fileLogger } from './log.js';
import { freePorts } from './ports.js';
import { startWatchdog, tailFile, type ManagedProcess } from './processes.js';
import { Simulator, type SimulatorOptions } from './simulator/index.js';
import type { NodeSpec } from './simulator/nodes.js';

export interface ControlPlaneOptions {
  /** Operator release to run (default v1.6.2, the newest the Go module proxy serves here). */
  kuberayVersion?: KubeRayVersion;
  /** Simulated nodes (default: three nodes with 16 CPU / 64Gi / 110 pods). Same as simulator.nodes. */
  nodes?: NodeSpec[];
  /** Extra operator environment, e.g. { ENABLE_ZERO_DOWNTIME: 'false' }. */
  operatorEnv?: Record<string, string>;
  /** Extra operator flags, e.g. ['--feature-gates=RayServiceIncrementalUpgrade=true']. */
  operatorArgs?: string[];
  /** Extra kube-apiserver flags. */
  apiServerArgs?: string[];
  /** Simulator timings. */
  simulator?: Omit<SimulatorOptions, 'nodes' | 'log'>;
  /** Do not start the operator (tests of the simulator alone, or starting it later with startOperator()). */
  withoutOperator?: boolean;
  /** Keep the temp dir (logs, etcd data) after stop(); also with RAYSERVICE_ROLLOUT_KEEP_TMP=1. */
  keepTempDir?: boolean;
  /** Progress lines during startup (default: none). */
  onProgress?: (line: string) => void;
}

export interface ControlPlaneLogs {
  dir: string;
  etcd: string;
  apiServer: string;
  operator: string;
  simulator: string;
}

export class ControlPlane {
  /** Kubeconfig for clients (kubectl, @kubernetes/client-node, the product): goes through the cuttable proxy. */
  readonly kubeconfigPath: string;
  /** The same kubeconfig, loaded into @kubernetes/client-node. */
  readonly kubeConfig: KubeConfig;
  /** API server URL clients use (the pass-through proxy; see sim.faults.cutApiConnections()). */
  readonly server: string;
  /** The apiserver's own URL (what the operator and the simulator use). */
  readonly directServer: string;
  /** Bearer token of the admin user (system:masters). */
  readonly token: string;
  readonly kuberayVersion: KubeRayVersion;
  /** Test helper on the client kubeconfig: apply/get/list/delete/waitFor/record. */
  readonly kubectl: Kubectl;
  readonly logs: ControlPlaneLogs;
  /** Milliseconds each startup phase took (binaries, etcd, apiserver, crds, simulator, operator, total). */
  readonly startupMs: Record<string, number>;

  private stopping: Promise<void> | undefined;

  /** @internal use startControlPlane() */
  constructor(
    private readonly parts: {
      dir: string;
      binaries: Binaries;
      etcd: ManagedProcess;
      apiServer: ManagedProcess;
      apiServerConfig: ApiServerConfig;
      apiProxy: ApiServerProxy;
      simRest: KubeRest;
      sim: Simulator;
      operator: ManagedProcess | undefined;
      operatorConfig: OperatorConfig;
      stopWatchdog: () => void;
      keepTempDir: boolean;
    },
    init: {
      kubeconfigPath: string;
      server: string;
      directServer: string;
      token: string;
      kuberayVersion: KubeRayVersion;
      logs: ControlPlaneLogs;
      startupMs: Record<string, number>;
    },
  ) {
    this.kubeconfigPath = init.kubeconfigPath;
    this.server = init.server;
    this.directServer = init.directServer;
    this.token = init.token;
    this.kuberayVersion = init.kuberayVersion;
    this.logs = init.logs;
    this.startupMs = init.startupMs;
    this.kubeConfig = new KubeConfig();
    this.kubeConfig.loadFromFile(this.kubeconfigPath);
    this.kubectl = new Kubectl(this.server, this.token);
  }

  /** The simulator: nodes, kubelet, Ray, fault switches (`sim.faults`). */
  get sim(): Simulator {
    return this.parts.sim;
  }

  /** The temp dir holding etcd data, certs, kubeconfigs and logs. */
  get dir(): string {
    return this.parts.dir;
  }

  get operatorRunning(): boolean {
    return this.parts.operator?.running() ?? false;
  }

  /**
   * Stops kube-apiserver and starts it again on the same port with the same etcd data (watches break,
   * resourceVersions stay valid). `downMs` keeps it down that long before restarting. It gets SIGTERM and
   * `graceMs` (default 2 s) to exit before SIGKILL: a graceful apiserver shutdown takes longer than a test
   * wants to wait, and for clients the effect is the same (connections drop, then refused).
   * Restarting takes ~5-10 s on 2 cores (the apiserver reloads the 1 MB CRDs).
   */
  async restartApiServer(opts: { downMs?: number; graceMs?: number } = {}): Promise<void> {
    await this.parts.apiServer.stop(opts.graceMs ?? 2000);
    if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
    this.parts.apiServer = await startApiServer(this.parts.apiServerConfig);
  }

  /**
   * A stand-in Pod for the KubeRay operator (which runs as a local process), labelled as the Helm
   * chart labels it, in `namespace`, whose container's log is the operator's real output: found by
   * label and read through the apiserver's `pods/log` as in a cluster.
   */
  async addOperatorPod(namespace = 'kuberay-system'): Promise<void> {
    const node = this.sim.informers.nodes.list()[0]?.metadata.name;
    if (!node) throw new Error('no node to put the operator pod on');
    await this.sim.addStandInPod({
      namespace,
      name: 'kuberay-operator-0',
      labels: { 'app.kubernetes.io/name': 'kuberay-operator', 'app.kubernetes.io/component': 'kuberay-operator' },
      container: 'kuberay-operator',
      node,
      logs: () => tailFile(this.logs.operator, 5000),
    });
  }

  /** Stops the operator (e.g. to change its environment) — see startOperator(). */
  async stopOperator(): Promise<void> {
    await this.parts.operator?.stop();
    this.parts.operator = undefined;
  }

  /** Starts the operator (again), optionally with other environment/flags than at startup. */
  async startOperator(overrides: { env?: Record<string, string>; args?: string[] } = {}): Promise<void> {
    if (this.parts.operator?.running()) throw new Error('the operator is already running');
    const cfg = { ...this.parts.operatorConfig, ...(overrides.env ? { env: overrides.env } : {}), ...(overrides.args ? { args: overrides.args } : {}) };
    cfg.probePort = (await freePorts(1))[0]!;
    this.parts.operator = await startOperator(cfg);
  }

  /** The last lines of every component log (for failure messages). */
  logTails(lines = 25): string {
    return Object.entries(this.logs)
      .filter(([k]) => k !== 'dir')
      .map(([k, path]) => `--- ${k} (${path}) ---\n${tailFile(path, lines)}`)
      .join('\n');
  }

  /** Stops everything (operator, simulator, apiserver, etcd) and deletes the temp dir. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const p = this.parts;
      await p.operator?.stop().catch(() => undefined);
      await this.kubectl.close().catch(() => undefined);
      await p.sim.stop().catch(() => undefined);
      p.simRest.close();
      await p.apiProxy.stop().catch(() => undefined);
      await p.apiServer.stop().catch(() => undefined);
      await p.etcd.stop().catch(() => undefined);
      p.stopWatchdog();
      if (!p.keepTempDir) rmSync(p.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }
}

/**
 * Starts etcd, kube-apiserver, the KubeRay CRDs, the simulator and the KubeRay operator, all on loopback.
 * Takes ~10-20 s with warm binaries on 2 cores (first use builds them: see testbin/build.sh).
 * On failure everything started so far is stopped and the error carries the tail of every log.
 */
export async function startControlPlane(opts: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const t0 = Date.now();
  const startupMs: Record<string, number> = {};
  let mark = t0;
  const phase = (name: string) => {
    const now = Date.now();
    startupMs[name] = now - mark;
    mark = now;
    opts.onProgress?.(`${name}: ${startupMs[name]} ms`);
  };
  const kuberayVersion = opts.kuberayVersion ?? DEFAULT_KUBERAY_VERSION;
  const keepTempDir = opts.keepTempDir ?? process.env.RAYSERVICE_ROLLOUT_KEEP_TMP === '1';

  const binaries = await resolveBinaries(kuberayVersion);
  phase('binaries');

  const root = process.env.RAYSERVICE_ROLLOUT_TMP ?? tmpdir();
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'rsr-cp-'));
  const logDir = join(dir, 'logs');
  const pidDir = join(dir, 'pids');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(pidDir, { recursive: true });
  const stopWatchdog = startWatchdog(pidDir, dir);
  const logs: ControlPlaneLogs = {
    dir: logDir,
    etcd: join(logDir, 'etcd.log'),
    apiServer: join(logDir, 'kube-apiserver.log'),
    operator: join(logDir, 'kuberay-operator.log'),
    simulator: join(logDir, 'simulator.log'),
  };

  const started: { stop(): Promise<void> }[] = [];
  const fail = async (e: unknown): Promise<never> => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    stopWatchdog();
    const tails = Object.entries(logs)
      .filter(([k]) => k !== 'dir')
      .map(([k, p]) => `--- ${k} ---\n${tailFile(p, 30)}`)
      .join('\n');
    if (!keepTempDir) rmSync(dir, { recursive: true, force: true });
    const err = new Error(`control plane failed to start: ${(e as Error).message}\n${tails}`);
    (err as Error & { cause: unknown }).cause = e;
    throw err;
  };

  try {
    const [etcdClient, etcdPeer, apiPort, probePort, rayProxyPort] = await freePorts(5);
    const etcd = await startEtcd({ binary: binaries.etcd, dir, logDir, pidDir, clientPort: etcdClient!, peerPort: etcdPeer! });
    started.push(etcd.process);
    phase('etcd');

    const token = randomBytes(16).toString('hex');
    prepareApiServerFiles(dir, token);
    const apiServerConfig: ApiServerConfig = {
      binary: binaries.kubeApiServer,
      dir,
      logDir,
      pidDir,
      port: apiPort!,
      etcdUrl: etcd.clientUrl,
      token,
      extraArgs: opts.apiServerArgs,
      // Its service proxy and kubelet client reach the simulated pods and nodes through the simulator.
      simulatorProxy: `http://127.0.0.1:${opts.simulator?.rayProxyPort ?? rayProxyPort}`,
    };
    const apiServer = await startApiServer(apiServerConfig);
    started.push({ stop: () => apiServer.stop() });
    phase('apiserver');

    const directServer = `https://127.0.0.1:${apiPort}`;
    const apiProxy = new ApiServerProxy(apiPort!);
    await apiProxy.start();
    started.push(apiProxy);
    const server = `https://127.0.0.1:${apiProxy.port}`;
    const kubeconfigPath = join(dir, 'kubeconfig');
    const operatorKubeconfig = join(dir, 'kubeconfig-direct');
    writeKubeconfig(kubeconfigPath, server, token);
    writeKubeconfig(operatorKubeconfig, directServer, token);

    const simRest = new KubeRest(directServer, token, 'rayservice-rollout-simulator');
    await installCrds(simRest, binaries.kuberayCrdDir, { includeCronJobs: (opts.operatorArgs ?? []).some((a) => /RayCronJob=true/.test(a)) });
    phase('crds');

    const sim = await Simulator.start(simRest, {
      rayProxyPort,
      ...opts.simulator,
      nodes: opts.nodes,
      log: fileLogger(logs.simulator),
      // The kubelets' endpoint serves with the apiserver's self-signed certificate (not verified by it).
      kubeletTls: { certPath: join(dir, 'certs', 'apiserver.crt'), keyPath: join(dir, 'certs', 'apiserver.key') },
    });
    started.push(sim);
    sim.faults.setConnectionCutter(() => apiProxy.cutAll());
    phase('simulator');

    const operatorConfig: OperatorConfig = {
      binary: binaries.kuberayOperator,
      kubeconfigPath: operatorKubeconfig,
      logDir,
      pidDir,
      rayProxyUrl: sim.http.url,
      probePort: probePort!,
      env: opts.operatorEnv,
      args: opts.operatorArgs,
    };
    let operator: ManagedProcess | undefined;
    if (!opts.withoutOperator) {
      operator = await startOperator(operatorConfig);
      started.push(operator);
      phase('operator');
    }
    startupMs.total = Date.now() - t0;

    const cp = new ControlPlane(
      { dir, binaries, etcd: etcd.process, apiServer, apiServerConfig, apiProxy, simRest, sim, operator, operatorConfig, stopWatchdog, keepTempDir },
      { kubeconfigPath, server, directServer, token, kuberayVersion, logs, startupMs },
    );
    return cp;
  } catch (e) {
    return fail(e);
  }
}
