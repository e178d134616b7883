// Ray Serve of every simulated RayCluster: the declarative config the operator PUTs, and the application
// statuses the dashboard reports for it. Applications whose config changed go DEPLOYING and turn RUNNING
// (deployments HEALTHY) after `deployDelayMs`; unchanged ones keep their state; removed ones disappear.
import type { Faults, RayClusterRef } from './faults.js';

export interface ServeAppState {
  name: string;
  routePrefix: string | undefined;
  importPath: string | undefined;
  deployments: string[];
  /** JSON of the application's config, to tell changed applications from unchanged ones. */
  config: string;
  /** When the current config of this app was submitted (ms since epoch). */
  deployedAt: number;
  /** The application's `args` (what Ray Serve passes its builder): they decide what its route answers. */
  args: Record<string, unknown>;
  /** A request reached it since its config was submitted (the first one may be slow). */
  answered: boolean;
}

export interface ServePut {
  at: number;
  /** The parsed JSON body of the PUT (the RayService's serveConfigV2 as the operator converted it). */
  config: unknown;
}

export interface ClusterServeState {
  namespace: string;
  cluster: string;
  apps: Map<string, ServeAppState>;
  /** Every accepted PUT, oldest first. */
  puts: ServePut[];
  /** The Serve lines the head container printed (controller and proxy), oldest first. */
  log: string[];
}

export interface AppStatusView {
  status: string;
  message: string;
  deployments: Record<string, { status: string; message: string }>;
}

export class RayServeSim {
  private readonly clusters = new Map<string, ClusterServeState>();

  constructor(
    private readonly faults: Faults,
    /** Time from a PUT to RUNNING. Mutable: tests may slow Serve down. */
    public deployDelayMs: number,
  ) {}

  private key(namespace: string, cluster: string): string {
    return `${namespace}/${cluster}`;
  }

  state(namespace: string, cluster: string): ClusterServeState | undefined {
    return this.clusters.get(this.key(namespace, cluster));
  }

  /** Snapshot of every cluster that ever received a Serve config. */
  all(): ClusterServeState[] {
    return [...this.clusters.values()];
  }

  /** True once the cluster received its first config (Serve, and so its HTTP proxy, is running). */
  started(namespace: string, cluster: string): boolean {
    return (this.state(namespace, cluster)?.puts.length ?? 0) > 0;
  }

  /** Forgets a cluster (its head pod is gone: a new head starts with an empty Serve, as without GCS FT). */
  forget(namespace: string, cluster: string): void {
    this.clusters.delete(this.key(namespace, cluster));
  }

  put(ref: RayClusterRef, bodyText: string): { status: number; body: string } {
    let config: Record<string, unknown>;
    try {
      config = JSON.parse(bodyText) as Record<string, unknown>;
    } catch (e) {
      return { status: 400, body: `invalid JSON: ${(e as Error).message}` };
    }
    const apps = Array.isArray(config.applications) ? (config.applications as Record<string, unknown>[]) : [];
    const key = this.key(ref.namespace, ref.name);
    const st: ClusterServeState = this.clusters.get(key) ?? { namespace: ref.namespace, cluster: ref.name, apps: new Map(), puts: [], log: [] };
    this.clusters.set(key, st);
    const now = Date.now();
    st.puts.push({ at: now, config });
    const next = new Map<string, ServeAppState>();
    for (const app of apps) {
      const name = typeof app.name === 'string' && app.name ? app.name : 'default';
      const json = JSON.stringify(app);
      const prev = st.apps.get(name);
      const same = prev !== undefined && prev.config === json;
      if (!same)
        for (const d of deploymentNames(app)) this.logLine(st, 'INFO', 'controller', `Deploying new version of Deployment(name='${d}', app='${name}').`);
      next.set(name, {
        name,
        routePrefix: typeof app.route_prefix === 'string' ? app.route_prefix : undefined,
        importPath: typeof app.import_path === 'string' ? app.import_path : undefined,
        deployments: deploymentNames(app),
        config: json,
        deployedAt: same ? prev.deployedAt : now,
        args: app.args && typeof app.args === 'object' ? (app.args as Record<string, unknown>) : {},
        answered: same ? prev.answered : false,
      });
    }
    st.apps = next;
    return { status: 200, body: '' };
  }

  /**
   * What an application's route answers, from its `args`: by default 200 with
   * `{"app": <name>, "args": <args>}` (so a Serve change that changes the args changes the answer);
   * `simulated_status` and `simulated_body` replace the status and the body (a failing route);
   * `simulated_first_answer_delay_ms` delays the first answer after each config (a slow first answer).
   * An application that is not RUNNING answers 503, as Ray's proxy does while replicas start.
   */
  routeAnswer(ref: RayClusterRef, app: ServeAppState): { status: number; body: string; type: string; delayMs?: number } {
    if (this.statuses(ref).get(app.name)?.status !== 'RUNNING') return { status: 503, body: 'Service Unavailable', type: 'text/plain' };
    const { simulated_status, simulated_body, simulated_first_answer_delay_ms, ...args } = app.args;
    const status = typeof simulated_status === 'number' ? simulated_status : 200;
    const body = typeof simulated_body === 'string' ? simulated_body : JSON.stringify({ app: app.name, args });
    const delayMs = !app.answered && typeof simulated_first_answer_delay_ms === 'number' ? simulated_first_answer_delay_ms : 0;
    app.answered = true;
    if (status >= 500)
      this.logLine(this.state(ref.namespace, ref.name), 'ERROR', 'replica', `Request to application '${app.name}' failed: ${body.slice(0, 200)}`);
    return { status, body, type: typeof simulated_body === 'string' ? 'text/plain' : 'application/json', ...(delayMs ? { delayMs } : {}) };
  }

  /** The proxy's access line, as Ray's Serve proxy logs every request. */
  logProxyRequest(ref: RayClusterRef, method: string, path: string, status: number, app: string | undefined): void {
    this.logLine(this.state(ref.namespace, ref.name), 'INFO', 'proxy', `${method} ${path} ${status}${app ? ` (app '${app}')` : ''}`);
  }

  /**
   * What the head container printed: Ray's start-up lines, then the Serve lines in Ray's log format
   * (`INFO 2026-01-02 10:00:00,123 controller 41 -- …`), and an ERROR line for each application a
   * fault fails, with its message.
   */
  headLog(ref: RayClusterRef): string {
    const st = this.state(ref.namespace, ref.name);
    const failing = [...this.statuses(ref)].filter(([, s]) => s.status === 'DEPLOY_FAILED' || s.status === 'UNHEALTHY');
    const lines = [
      'Usage stats collection is disabled.',
      'Local node IP: simulated',
      '--------------------',
      'Ray runtime started.',
      '--------------------',
      ...(st?.log ?? []),
      ...failing.map(([name, s]) => serveLine('ERROR', 'controller', `Failed to update application '${name}': ${s.message}`)),
    ];
    return `${lines.join('\n')}\n`;
  }

  private logLine(st: ClusterServeState | undefined, level: string, component: string, message: string): void {
    if (!st) return;
    st.log.push(serveLine(level, component, message));
    if (st.log.length > 2000) st.log.splice(0, 500);
  }

  /** Application statuses as Ray computes them now, fault overrides applied. */
  statuses(ref: RayClusterRef): Map<string, AppStatusView> {
    const out = new Map<string, AppStatusView>();
    const st = this.state(ref.namespace, ref.name);
    if (!st) return out;
    const now = Date.now();
    for (const app of st.apps.values()) {
      const settled = now >= app.deployedAt + this.deployDelayMs;
      const fault = this.faults.find('appStatus', ref, (r) => r.app === undefined || r.app === app.name);
      let status: string;
      let depStatus: string;
      let message = '';
      if (fault && (settled || fault.status === 'DEPLOYING')) {
        status = fault.status;
        message = fault.message;
        depStatus = fault.status === 'DEPLOYING' ? 'UPDATING' : fault.status === 'UNHEALTHY' ? 'UNHEALTHY' : 'DEPLOY_FAILED';
      } else if (settled) {
        status = 'RUNNING';
        depStatus = 'HEALTHY';
      } else {
        status = 'DEPLOYING';
        depStatus = 'UPDATING';
      }
      const deployments: AppStatusView['deployments'] = {};
      for (const d of app.deployments) deployments[d] = { status: depStatus, message: depStatus === 'HEALTHY' || depStatus === 'UPDATING' ? '' : message };
      out.set(app.name, { status, message, deployments });
    }
    return out;
  }

  /** The body of GET /api/serve/applications/ (Ray's ServeInstanceDetails, the fields KubeRay reads plus a few). */
  detailsJson(ref: RayClusterRef): string {
    const st = this.state(ref.namespace, ref.name);
    const applications: Record<string, unknown> = {};
    for (const [name, s] of this.statuses(ref)) {
      const app = st?.apps.get(name);
      const deployments: Record<string, unknown> = {};
      for (const [d, ds] of Object.entries(s.deployments)) {
        deployments[d] = { name: d, status: ds.status, status_trigger: 'CONFIG_UPDATE_COMPLETED', message: ds.message, replicas: [] };
      }
      applications[name] = {
        name,
        route_prefix: app?.routePrefix ?? null,
        docs_path: null,
        status: s.status,
        message: s.message,
        last_deployed_time_s: (app?.deployedAt ?? 0) / 1000,
        deployed_app_config: app ? JSON.parse(app.config) : null,
        deployments,
      };
    }
    return JSON.stringify({
      controller_info: {
        node_id: 'simulated',
        node_ip: '127.0.0.1',
        actor_id: 'simulated',
        actor_name: 'SERVE_CONTROLLER_ACTOR',
        worker_id: 'simulated',
        log_file_path: null,
      },
      proxy_location: 'EveryNode',
      http_options: { host: '0.0.0.0', port: 8000 },
      grpc_options: { port: 9000, grpc_servicer_functions: [] },
      proxies: {},
      deploy_mode: 'MULTI_APP',
      applications,
      target_capacity: null,
    });
  }
}

/**
 * Deployment names of an app: those listed in its config, else one named after the import path's
 * attribute ("fruit:deployment_graph" → "deployment_graph"), as a single-deployment app would be.
 */
function deploymentNames(app: Record<string, unknown>): string[] {
  const listed = Array.isArray(app.deployments) ? (app.deployments as Record<string, unknown>[]).map((d) => String(d.name ?? '')).filter(Boolean) : [];
  if (listed.length > 0) return listed;
  const importPath = typeof app.import_path === 'string' ? app.import_path : 'app';
  const attr = importPath.split(/[:.]/).pop() || 'app';
  return [attr];
}

/** A line in the format of Ray Serve's logs: level, time, component, pid, message. */
function serveLine(level: string, component: string, message: string): string {
  const t = new Date().toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
  return `${level} ${t} ${component} 41 -- ${message}`;
}
