/**
 * The connection to a cluster: a kubeconfig and the @kubernetes/client-node module, loaded on
 * demand. The module (with its generated API) is ~19 MB of JavaScript, so it is bundled once, on
 * its own, as dist/kube/index.js (shared by dist/cli.js and dist/index.js, changed only when the
 * library is), and loaded only by the commands that talk to a cluster: `plan` starts fast.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import type * as ClientNode from '@kubernetes/client-node';
import { UserError } from '../util/user-error.js';
import { Deadline, DeadlineError } from './deadline.js';

export type K8s = typeof ClientNode;

export interface Connection {
  readonly k8s: K8s;
  readonly kc: ClientNode.KubeConfig;
  /** The API server's host (no path, user or query: those can carry tokens), for messages. */
  readonly server: string;
  /**
   * Bounds every request of the command (and the credential plugin). Replaced, not extended, when
   * a second phase gets a time of its own (the rollback after a rollout ran out of time).
   */
  deadline: Deadline;
}

export class ConnectionError extends UserError {}

export interface ConnectOptions {
  /** Path of a kubeconfig; default: $KUBECONFIG, ~/.kube/config, or in-cluster. */
  readonly kubeconfig?: string;
  readonly context?: string;
  /** Default: none (the action's apply mode bounds its waits itself). */
  readonly deadline?: Deadline;
}

export async function connect(opts: ConnectOptions = {}): Promise<Connection> {
  // The Kubernetes client's HTTP stack needs a current Node (it fails deep inside on Node 20).
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new ConnectionError(`talking to a cluster needs Node 24 or newer (this is Node ${process.versions.node}); the Git-only plan works on older ones`);
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
    if (opts.context) kc.setCurrentContext(opts.context);
  } catch (e) {
    // Never echo the file: it holds credentials.
    throw new ConnectionError(`cannot load the kubeconfig${opts.kubeconfig ? ` ${opts.kubeconfig}` : ''}: ${(e as Error).message.split('\n')[0]}`);
  }
  checkContext(kc, opts);
  if (!kc.getCurrentCluster()) throw new ConnectionError('no Kubernetes cluster configured: set KUBECONFIG or pass --kubeconfig');
  // With nothing to load, client-node falls back to an unauthenticated http://localhost:8080: say
  // "no credentials" rather than "cannot reach localhost".
  if (
    !opts.kubeconfig &&
    kc.getCurrentCluster()?.server === 'http://localhost:8080' &&
    !process.env.KUBECONFIG &&
    !process.env.KUBERNETES_SERVICE_HOST &&
    !existsSync(join(homedir(), '.kube', 'config'))
  ) {
    throw new ConnectionError('no Kubernetes credentials: neither KUBECONFIG, ~/.kube/config nor an in-cluster service account');
  }
  const conn: Connection = { k8s, kc, server: serverOf(kc), deadline: opts.deadline ?? Deadline.none() };
  boundRequests(conn);
  return conn;
}

/** Where the kubeconfig came from, for messages (a path, never its content). */
function kubeconfigSource(opts: ConnectOptions): string {
  return opts.kubeconfig ?? (process.env.KUBECONFIG || join(homedir(), '.kube', 'config'));
}

/**
 * A context that is not in the kubeconfig is named with the ones that are: client-node takes any
 * name, and would only say later that no cluster is configured.
 */
function checkContext(kc: ClientNode.KubeConfig, opts: ConnectOptions): void {
  const name = kc.getCurrentContext();
  if (!name || kc.getContextObject(name)) return;
  const known = kc.getContexts().map((c) => c.name);
  const which = opts.context ? `context ${name}` : `the current-context ${name}`;
  throw new ConnectionError(
    `${which} is not in the kubeconfig (${kubeconfigSource(opts)}); ${known.length ? `contexts: ${known.join(', ')}` : 'it has no contexts'}`,
  );
}

/** The server's host (no path, user or query: those can carry tokens). */
function serverOf(kc: ClientNode.KubeConfig): string {
  const cluster = kc.getCurrentCluster();
  try {
    return cluster ? new URL(cluster.server).host : 'in-cluster';
  } catch {
    return cluster?.name ?? 'unknown';
  }
}

type SpawnFn = (command: string, args: readonly string[] | undefined, options: SpawnOptions) => ChildProcess;

/**
 * Every request of `conn` carries the deadline's signal (client-node hands it to fetch: a stalled
 * API server is let go, its socket closed), and the exec credential plugin of the kubeconfig
 * (`users[].user.exec`), which client-node runs with child_process.spawn and waits for without a
 * limit, is killed when the deadline runs out. A plugin that fails or does not answer is named.
 */
function boundRequests(conn: Connection): void {
  const { kc } = conn;
  const plugin = kc.getCurrentUser()?.exec as { command?: string } | undefined;
  const pluginName = `the kubeconfig's exec credential plugin (${basename(plugin?.command ?? '?')})`;
  // ExecAuth keeps the spawn it uses in `execFn` (client-node 1.x and 2.x), made for replacing.
  const authenticators = (kc as unknown as { authenticators?: unknown[] }).authenticators ?? [];
  const execAuth = authenticators.find((a): a is { execFn: SpawnFn } => typeof (a as { execFn?: unknown })?.execFn === 'function');
  if (execAuth) {
    execAuth.execFn = (command, args, options) => {
      const { signal } = conn.deadline;
      const release = conn.deadline.busy(pluginName);
      // Its own process group, so that a wrapper script's children die with it: one left
      // running would hold the pipes, and this process, open.
      const child = spawn(command, args ?? [], { ...options, detached: true });
      const kill = () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL'); // the group is gone already
        }
        child.stdout?.destroy();
        child.stderr?.destroy();
      };
      if (signal.aborted) kill();
      else signal.addEventListener('abort', kill, { once: true });
      child.on('close', () => {
        signal.removeEventListener('abort', kill);
        release();
      });
      return child;
    };
  }
  const original = kc.applySecurityAuthentication.bind(kc);
  kc.applySecurityAuthentication = async (context) => {
    try {
      await original(context);
    } catch (e) {
      if (!plugin) throw e;
      if (conn.deadline.expired) throw new DeadlineError(`${pluginName} did not answer ${conn.deadline.describe()}`);
      const said = ((e as Error)?.message ?? '').split('\n').find((l) => l.trim());
      throw new ConnectionError(`${pluginName} failed: ${said?.trim().slice(0, 300) || 'it exited with an error and said nothing on stderr'}`);
    }
    context.setSignal(conn.deadline.signal);
  };
}

async function loadClientNode(): Promise<K8s> {
  // From the bundle (dist/cli.js, dist/index.js) the library sits beside it; from the sources
  // (tests, tsx) it is the installed package. Either way the bundler must not inline it.
  // Not `new URL('./kube/index.js', import.meta.url)` written out: ncc (webpack) rewrites that very
  // pattern into the URL of an asset of its own (a hashed name it never emits), so the bundle never
  // found dist/kube/index.js and silently used node_modules; without node_modules (the action, a
  // copied dist/) it failed with "Cannot find package '@kubernetes/client-node'".
  const here = import.meta.url;
  const bundled = new URL('./kube/index.js', here);
  if (import.meta.url.startsWith('file:') && existsSync(fileURLToPath(bundled))) {
    return (await import(/* webpackIgnore: true */ bundled.href)) as K8s;
  }
  const name = '@kubernetes/client-node';
  return (await import(/* webpackIgnore: true */ name)) as K8s;
}
