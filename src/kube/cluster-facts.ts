/**
 * Reads what a cluster-aware plan needs (src/live/facts.ts): the live RayServices and their active
 * and pending RayClusters, a server-side dry run of each head manifest, the operator's Deployment,
 * nodes, bound pods, ResourceQuotas and the cluster-autoscaler's status. Read-only, apart from dry runs.
 *
 * Every read is optional: a forbidden or failing read leaves its part undefined and says so in
 * `notes`; only an unreachable API server makes the whole thing fail (ClusterUnreachableError), and
 * the caller then plans from Git alone. Nothing from the kubeconfig is ever echoed.
 */
import type { Connection } from './connection.js';
import { apiMessage, objectToApply, statusCode } from './apply.js';
import type { ClusterFacts, DryRunOutcome, KubeObject, LiveService } from '../planner/live/facts.js';
import type { ManifestSet } from '../manifests/load.js';
import { UserError } from '../util/user-error.js';

export interface FactsOptions {
  readonly fieldManager: string;
  /** Dry-run as a forced apply (the apply will force too): no conflict note. */
  readonly forceConflicts: boolean;
  /** Per request; an API server that does not answer in time counts as unreachable. */
  readonly timeoutMs?: number;
}

export class ClusterUnreachableError extends UserError {}

const TYPED_PATCH_REFUSAL = /failed to create typed patch object|field not declared in schema/;
const ADMISSION_DENIAL = /admission webhook .* denied|denied the request/i;

export const OPERATOR_LABEL_SELECTORS = ['app.kubernetes.io/name=kuberay-operator', 'app.kubernetes.io/component=kuberay-operator'];

export async function readClusterFacts(conn: Connection, base: ManifestSet, head: ManifestSet, opts: FactsOptions): Promise<ClusterFacts> {
  const { k8s, kc } = conn;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const within = <T>(what: string, p: Promise<T>) => withTimeout(p, timeoutMs, what);
  const server = serverOf(kc);

  // One cheap call first: an unreachable cluster fails here, fast, and the plan stays Git-only.
  try {
    await within('GET /version', kc.makeApiClient(k8s.VersionApi).getCode());
  } catch (e) {
    throw new ClusterUnreachableError(`the Kubernetes API server ${server} could not be reached: ${shortMessage(e)}`);
  }

  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const notes: string[] = [];
  const forbidden = new Set<string>();
  /** Runs a read; on failure notes why (once per kind of read) and returns undefined. */
  const optional = async <T>(what: string, f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await within(what, f());
    } catch (e) {
      const code = statusCode(e);
      const key = `${what}:${code}`;
      if (!forbidden.has(key)) {
        forbidden.add(key);
        notes.push(
          code === 403
            ? `Not allowed to ${what} (HTTP 403): that part of the plan is skipped (docs/rbac.md lists the read-only rules).`
            : `Could not ${what}: ${shortMessage(e)}.`,
        );
      }
      return undefined;
    }
  };
  const plain = (o: unknown) => JSON.parse(JSON.stringify(o)) as KubeObject;

  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  const manifestOf = (id: string) => (head.get(id) ?? base.get(id))!;
  const namespaces = [...new Set(ids.map((id) => manifestOf(id).namespace))].sort();

  const serviceReads = ids.map(async (id): Promise<[string, LiveService | undefined]> => {
    const m = manifestOf(id);
    const get = (plural: 'rayservices', name: string) =>
      custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: m.namespace, plural, name }).then(
        (o) => plain(o),
        (e: unknown) => {
          if (statusCode(e) === 404) return null;
          throw e;
        },
      );
    const rayService = await optional(`get RayServices in ${m.namespace}`, () => get('rayservices', m.name));
    if (rayService === undefined) return [id, undefined];
    if (rayService === null) return [id, { rayService: null }];
    const activeName = rayService.status?.activeServiceStatus?.rayClusterName;
    const pendingName = rayService.status?.pendingServiceStatus?.rayClusterName;
    if (!activeName && !pendingName) return [id, { rayService }];
    // Listed by the label the operator sets, not read by name: the apply role already may list them.
    const clusters = await optional(`list RayClusters in ${m.namespace}`, () =>
      custom
        .listNamespacedCustomObject({
          group: 'ray.io',
          version: 'v1',
          namespace: m.namespace,
          plural: 'rayclusters',
          labelSelector: `ray.io/originated-from-cr-name=${m.name}`,
        })
        .then((l) => ((l as { items?: unknown[] }).items ?? []).map(plain)),
    );
    const named = (n: unknown) => (typeof n === 'string' && n ? clusters?.find((c) => c.metadata?.name === n) : undefined);
    const active = named(activeName);
    const pending = named(pendingName);
    return [id, { rayService, ...(active ? { active } : {}), ...(pending ? { pending } : {}) }];
  });

  const dryRuns = [...head.entries()].map(async ([id, m]): Promise<[string, DryRunOutcome]> => {
    const apply = (force: boolean) =>
      within(`dry-run ${id}`, objects.patch(objectToApply(m), undefined, 'All', opts.fieldManager, force, k8s.PatchStrategy.ServerSideApply));
    try {
      return [id, { ok: true, object: plain(await apply(opts.forceConflicts)) }];
    } catch (e) {
      const code = statusCode(e);
      if (code === 409 && !opts.forceConflicts) {
        try {
          return [id, { ok: true, object: plain(await apply(true)), conflict: apiMessage(e) }];
        } catch (again) {
          return [id, refusal(again)];
        }
      }
      const message = apiMessage(e);
      // Refusals of the manifest itself: schema and validation errors (400, 422), a policy webhook's
      // denial (403 "admission webhook … denied"), and server-side apply's typed-patch errors (a value
      // of the wrong type, an unknown field), which kube-apiserver answers with a 500.
      if (code === 400 || code === 422 || (code === 403 && ADMISSION_DENIAL.test(message)) || TYPED_PATCH_REFUSAL.test(message)) return [id, refusal(e)];
      // Anything else says nothing about the manifest: missing permission, a namespace not created yet,
      // throttling, an unwell server. Noted, never a failed plan.
      if (code === 403) return [id, { ok: 'not-run', why: `not allowed to apply RayServices in ${m.namespace} (HTTP 403)` }];
      if (code === 404) return [id, { ok: 'not-run', why: `${message} (the apply fails unless it exists by then)` }];
      return [id, { ok: 'not-run', why: shortMessage(e) }];
    }
  });

  const [services, dry, deployments, nodes, pods, quotas, autoscalerStatus] = await Promise.all([
    Promise.all(serviceReads),
    Promise.all(dryRuns),
    // Helm labels the Deployment name=kuberay-operator, the kustomize manifests component=kuberay-operator.
    optional('list the KubeRay operator Deployments', () =>
      Promise.all(OPERATOR_LABEL_SELECTORS.map((labelSelector) => apps.listDeploymentForAllNamespaces({ labelSelector }))).then((lists) => {
        const byId = new Map<string, KubeObject>();
        for (const d of lists.flatMap((l) => l.items.map(plain))) byId.set(`${d.metadata?.namespace}/${d.metadata?.name}`, d);
        return [...byId.values()];
      }),
    ),
    optional('list nodes', () => core.listNode().then((l) => l.items.map(plain))),
    optional('list pods', () =>
      core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed' }).then((l) => l.items.map(plain)),
    ),
    Promise.all(
      namespaces.map((namespace) =>
        optional(`list ResourceQuotas in ${namespace}`, () => core.listNamespacedResourceQuota({ namespace }).then((l) => l.items.map(plain))),
      ),
    ).then((lists) => (lists.some((l) => l === undefined) ? undefined : (lists.flat() as KubeObject[]))),
    within('read the cluster-autoscaler status', core.readNamespacedConfigMap({ name: 'cluster-autoscaler-status', namespace: 'kube-system' })).then(
      (cm) => plain(cm),
      (e: unknown) => {
        if (statusCode(e) === 404) return null;
        notes.push(
          statusCode(e) === 403
            ? 'Not allowed to read kube-system/cluster-autoscaler-status (HTTP 403): whether a scale-up would make room is not known (docs/rbac.md).'
            : `Could not read kube-system/cluster-autoscaler-status: ${shortMessage(e)}.`,
        );
        return undefined;
      },
    ),
  ]);

  return {
    server,
    notes,
    services: new Map(services.filter((s): s is [string, LiveService] => s[1] !== undefined)),
    dryRuns: new Map(dry),
    ...(deployments ? { operatorDeployments: deployments } : {}),
    ...(nodes ? { nodes } : {}),
    ...(pods ? { pods } : {}),
    ...(quotas ? { quotas } : {}),
    ...(autoscalerStatus !== undefined ? { autoscalerStatus } : {}),
  };
}

function refusal(e: unknown): DryRunOutcome {
  const body = parseBody(e);
  const causes = (body?.details?.causes ?? []) as { field?: string; message?: string; reason?: string }[];
  return {
    ok: false,
    message: apiMessage(e),
    causes: causes.map((c) => ({ ...(c.field ? { field: c.field } : {}), message: c.message ?? c.reason ?? '' })),
  };
}

function parseBody(e: unknown): KubeObject | undefined {
  const body = (e as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as KubeObject;
    } catch {
      return undefined;
    }
  }
  return body && typeof body === 'object' ? (body as KubeObject) : undefined;
}

/** The server's host (no path, user or query: those can carry tokens). */
function serverOf(kc: Connection['kc']): string {
  const cluster = kc.getCurrentCluster();
  try {
    return cluster ? new URL(cluster.server).host : 'in-cluster';
  } catch {
    return cluster?.name ?? 'unknown';
  }
}

function shortMessage(e: unknown): string {
  const m = statusCode(e) ? apiMessage(e) : ((e as Error)?.message ?? String(e));
  return m.split('\n')[0]!.slice(0, 300);
}

let abandoned = 0;

/**
 * Requests given up on after their timeout still hold a socket until the network gives up (a
 * black-holed API server: minutes). A command that is done should not wait for them: the CLI and the
 * action exit explicitly when this is non-zero.
 */
export function abandonedRequests(): number {
  return abandoned;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandoned++;
      reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`));
    }, ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
