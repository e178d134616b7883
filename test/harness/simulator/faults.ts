// Fault switches. A fault is a rule with a selector over RayClusters (by namespace, RayService, RayCluster
// name, or any predicate); the kubelet, the fake dashboard and the serve health endpoints consult the
// active rules on every decision, so switching a fault on or off takes effect on the operator's next
// call (typically within its 2 s requeue), without restarting anything.
import type { KubeObject } from '../kube/rest.js';

/** A RayCluster as the simulator sees it. */
export interface RayClusterRef {
  namespace: string;
  name: string;
  /** The RayService it was created for (label ray.io/originated-from-cr-name), if any. */
  rayService: string | undefined;
  /** The RayCluster object, when the simulator has seen it. */
  object: KubeObject | undefined;
}

/** Which clusters a fault hits. Every given field must match; `{}` hits every cluster. */
export interface ClusterSelector {
  namespace?: string;
  rayService?: string;
  rayCluster?: string;
  /** Any further condition, e.g. `(c) => c.object?.spec?.headGroupSpec?.template?.spec?.containers?.[0]?.image === 'bad'`. */
  match?: (c: RayClusterRef) => boolean;
}

export function selects(sel: ClusterSelector, c: RayClusterRef): boolean {
  if (sel.namespace !== undefined && sel.namespace !== c.namespace) return false;
  if (sel.rayService !== undefined && sel.rayService !== c.rayService) return false;
  if (sel.rayCluster !== undefined && sel.rayCluster !== c.name) return false;
  return sel.match ? sel.match(c) : true;
}

export type AppFaultStatus = 'DEPLOY_FAILED' | 'UNHEALTHY' | 'DEPLOYING';
export type DashboardDownMode = 'refuse' | 'error' | 'hang';

export type FaultRule =
  | { kind: 'appStatus'; selector: ClusterSelector; status: AppFaultStatus; message: string; app: string | undefined }
  | { kind: 'headNeverReady'; selector: ClusterSelector }
  | { kind: 'dashboardDown'; selector: ClusterSelector; mode: DashboardDownMode }
  | { kind: 'serveProxyUnhealthy'; selector: ClusterSelector };

export interface FaultHandle {
  readonly rule: FaultRule;
  /** Switches this fault off. */
  clear(): void;
}

export class Faults {
  private readonly rules = new Set<FaultRule>();
  private readonly listeners: (() => void)[] = [];
  private cutter: (() => number) | undefined;

  /** @internal called by the simulator's parts that must re-evaluate when faults change. */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  /** @internal the control plane plugs in its apiserver connection cutter. */
  setConnectionCutter(fn: () => number): void {
    this.cutter = fn;
  }

  private add(rule: FaultRule): FaultHandle {
    this.rules.add(rule);
    this.changed();
    return {
      rule,
      clear: () => {
        if (this.rules.delete(rule)) this.changed();
      },
    };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Serve applications of matching clusters go DEPLOYING → DEPLOY_FAILED with `message` (all apps, or only
   * `app`), with their deployments DEPLOY_FAILED too. Clearing the fault lets them report RUNNING again.
   */
  deployFailed(selector: ClusterSelector, opts: { message?: string; app?: string } = {}): FaultHandle {
    return this.appStatus(selector, {
      status: 'DEPLOY_FAILED',
      message: opts.message ?? "Deploying application failed: ModuleNotFoundError: No module named 'simulated_failure'",
      app: opts.app,
    });
  }

  /** Generic app-status override: DEPLOY_FAILED, UNHEALTHY (after being RUNNING), or stuck DEPLOYING. */
  appStatus(selector: ClusterSelector, opts: { status: AppFaultStatus; message?: string; app?: string }): FaultHandle {
    return this.add({ kind: 'appStatus', selector, status: opts.status, message: opts.message ?? '', app: opts.app });
  }

  /** Head pods of matching clusters run but never become Ready (ContainersNotReady). */
  headNeverReady(selector: ClusterSelector): FaultHandle {
    return this.add({ kind: 'headNeverReady', selector });
  }

  /**
   * The dashboard of matching clusters (default: all) is unreachable: 'refuse' resets the connection
   * (the operator sees a transport error), 'error' answers 503, 'hang' never answers (the operator's
   * 2 s client timeout fires).
   */
  dashboardDown(selector: ClusterSelector = {}, mode: DashboardDownMode = 'refuse'): FaultHandle {
    return this.add({ kind: 'dashboardDown', selector, mode });
  }

  /** The head's Serve proxy answers /-/healthz with 503, so the operator labels it ray.io/serve=false. */
  serveProxyUnhealthy(selector: ClusterSelector): FaultHandle {
    return this.add({ kind: 'serveProxyUnhealthy', selector });
  }

  /**
   * Cuts every open connection of clients that use the control plane's kubeconfig (watches included),
   * as a network blip or a load balancer would. The operator and the simulator talk to the apiserver
   * directly and are not affected. Returns how many connections were cut.
   */
  cutApiConnections(): number {
    if (!this.cutter) throw new Error('no apiserver proxy: cutApiConnections needs the control plane');
    return this.cutter();
  }

  /** Switches every fault off. */
  clearAll(): void {
    if (this.rules.size === 0) return;
    this.rules.clear();
    this.changed();
  }

  active(): FaultRule[] {
    return [...this.rules];
  }

  /** @internal the first active rule of `kind` that hits cluster `c`. */
  find<K extends FaultRule['kind']>(
    kind: K,
    c: RayClusterRef,
    pred?: (r: Extract<FaultRule, { kind: K }>) => boolean,
  ): Extract<FaultRule, { kind: K }> | undefined {
    for (const r of this.rules) {
      if (r.kind !== kind) continue;
      const rule = r as Extract<FaultRule, { kind: K }>;
      if (selects(rule.selector, c) && (!pred || pred(rule))) return rule;
    }
    return undefined;
  }
}
