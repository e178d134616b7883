/**
 * The connection to a cluster: a kubeconfig and the @kubernetes/client-node module, loaded on
 * demand. The module (with its generated API) is ~19 MB of JavaScript, so it is bundled once, on
 * its own, as dist/kube/index.js (shared by dist/cli.js and dist/index.js, changed only when the
 * library is), and loaded only by the commands that talk to a cluster: `plan` starts fast.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as ClientNode from '@kubernetes/client-node';
import { UserError } from '../util/user-error.js';

export type K8s = typeof ClientNode;

export interface Connection {
  readonly k8s: K8s;
  readonly kc: ClientNode.KubeConfig;
}

export class ConnectionError extends UserError {}

export interface ConnectOptions {
  /** Path of a kubeconfig; default: $KUBECONFIG, ~/.kube/config, or in-cluster. */
  readonly kubeconfig?: string;
  readonly context?: string;
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
  return { k8s, kc };
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
