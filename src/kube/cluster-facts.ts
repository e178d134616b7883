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
import { objectToApply } from './apply.js';
import { noteAbandoned } from './deadline.js';
import { ClusterUnreachableError, apiMessage, describeRequestError, statusCode } from './request-errors.js';
import type { ClusterFacts, DryRunOutcome, KubeObject, LiveService, RayServiceObject } from '../planner/live/facts.js';
import { type Note, note } from '../planner/types.js';
import type { ManifestSet } from '../manifests/load.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { asList, asMap } from '../util/kube-object.js';
import { UserError } from '../util/user-error.js';

export { ClusterUnreachableError } from './request-errors.js';
export { abandonedRequests } from './deadline.js';

export interface FactsOptions {
  readonly fieldManager: string;
  /** Dry-run as a forced apply (the apply will force too): no conflict note. */
  readonly forceConflicts: boolean;
  /** Per request; an API server that does not answer in time counts as unreachable. */
  readonly timeoutMs?: number;
}

const TYPED_PATCH_REFUSAL = /failed to create typed patch object|field not declared in schema/;
const ADMISSION_DENIAL = /admission webhook .* denied|denied the request/i;

const DEFAULT_READ_MS = 15_000;
const LABEL_VALUE = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;

export const OPERATOR_LABEL_SELECTORS = ['app.kubernetes.io/name=kuberay-operator', 'app.kubernetes.io/component=kuberay-operator'];

export async function readClusterFacts(conn: Connection, base: ManifestSet, head: ManifestSet, opts: FactsOptions): Promise<ClusterFacts> {
  const reads = factReader(conn, opts);
  await checkReachable(reads);
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  const manifests = ids.map((id) => [id, (head.get(id) ?? base.get(id))!] as const);
  const namespaces = [...new Set(manifests.map(([, m]) => m.namespace))].sort();
  const [services, dryRuns, operatorDeployments, nodes, pods, quotas, autoscalerStatus] = await Promise.all([
    Promise.all(manifests.map(([id, m]) => readService(reads, m).then((s) => [id, s] as const))),
    Promise.all([...head.entries()].map(([id, m]) => dryRun(reads, id, m).then((d) => [id, d] as const))),
    readOperatorDeployments(reads),
    reads.optional('list nodes', () => reads.core.listNode().then((l) => l.items.map(plain))),
    reads.optional('list pods', () =>
      reads.core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed' }).then((l) => l.items.map(plain)),
    ),
    readQuotas(reads, namespaces),
    readAutoscalerStatus(reads),
  ]);
  return {
    server: reads.server,
    notes: reads.notes,
    services: new Map(services.filter((s): s is readonly [string, LiveService] => s[1] !== undefined)),
    dryRuns: new Map(dryRuns),
    ...(operatorDeployments ? { operatorDeployments } : {}),
    ...(nodes ? { nodes } : {}),
    ...(pods ? { pods } : {}),
    ...(quotas ? { quotas } : {}),
    ...(autoscalerStatus !== undefined ? { autoscalerStatus } : {}),
  };
}

/** The clients of one read, and the notes its optional parts leave. */
interface FactReader {
  readonly conn: Connection;
  readonly opts: FactsOptions;
  readonly server: string;
  readonly core: InstanceType<Connection['k8s']['CoreV1Api']>;
  readonly apps: InstanceType<Connection['k8s']['AppsV1Api']>;
  readonly custom: InstanceType<Connection['k8s']['CustomObjectsApi']>;
  readonly objects: InstanceType<Connection['k8s']['KubernetesObjectApi']>;
  readonly notes: Note[];
  /** A request given up on after the timeout. */
  within<T>(what: string, p: Promise<T>): Promise<T>;
  /** Runs a read; on failure notes why (once per kind of read) and returns undefined. */
  optional<T>(what: string, f: () => Promise<T>): Promise<T | undefined>;
}

function factReader(conn: Connection, opts: FactsOptions): FactReader {
  const { k8s, kc } = conn;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_READ_MS;
  // Each read has its own limit (a slow optional read is noted, not fatal); all share the command's deadline.
  const within = <T>(what: string, p: Promise<T>) => conn.deadline.within(what, withTimeout(p, timeoutMs, conn.deadline.culprit(what)));
  const notes: Note[] = [];
  const noted = new Set<string>();
  const optional = async <T>(what: string, f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await within(what, f());
    } catch (e) {
      const code = statusCode(e);
      const key = `${what}:${code}`;
      if (!noted.has(key)) {
        noted.add(key);
        notes.push(code === 403 ? note('cluster.read-forbidden', { read: what }) : note('cluster.read-failed', { read: what, error: shortMessage(e) }));
      }
      return undefined;
    }
  };
  return {
    conn,
    opts,
    server: conn.server,
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    objects: k8s.KubernetesObjectApi.makeApiClient(kc),
    notes,
    within,
    optional,
  };
}

/** One cheap call first: an unreachable cluster fails here, fast, and the plan stays Git-only. */
async function checkReachable({ conn, opts, within, server }: FactReader): Promise<void> {
  const { k8s, kc } = conn;
  try {
    await within('GET /version', kc.makeApiClient(k8s.VersionApi).getCode());
  } catch (e) {
    // The deadline, a failed credential plugin: already said in full.
    if (e instanceof UserError) throw e;
    // Still waiting for the credential plugin when the read gave up: name it, not GET /version.
    const culprit = conn.deadline.culprit('');
    if (culprit) throw new ClusterUnreachableError(`${culprit} did not answer within ${Math.round((opts.timeoutMs ?? DEFAULT_READ_MS) / 1000)} s`);
    throw new ClusterUnreachableError(`the Kubernetes API server ${server} could not be reached: ${describeRequestError(e, server)}`);
  }
}

/** An API answer as plain JSON (the client's classes carry Dates and undefined fields). */
const plain = (o: unknown) => JSON.parse(JSON.stringify(o)) as KubeObject;

/** The live RayService and the active and pending RayClusters its status names; undefined when unreadable. */
async function readService(reads: FactReader, m: { namespace: string; name: string }): Promise<LiveService | undefined> {
  const { custom, optional } = reads;
  const rayService = await optional(`get RayServices in ${m.namespace}`, () =>
    custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: m.namespace, plural: 'rayservices', name: m.name }).then(
      (o) => plain(o) as RayServiceObject,
      (e: unknown) => {
        if (statusCode(e) === 404) return null;
        throw e;
      },
    ),
  );
  if (rayService === undefined) return undefined;
  if (rayService === null) return { rayService: null };
  const activeName = rayService.status?.activeServiceStatus?.rayClusterName;
  const pendingName = rayService.status?.pendingServiceStatus?.rayClusterName;
  if (!activeName && !pendingName) return { rayService };
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
  const pods = await readClusterPods(reads, m.namespace, [activeName, pendingName]);
  return { rayService, ...(active ? { active } : {}), ...(pending ? { pending } : {}), ...(pods ? { pods } : {}) };
}

/** The pods of the named RayClusters, Pending ones included: what is wrong before the change. */
function readClusterPods({ core, optional }: FactReader, namespace: string, clusters: readonly unknown[]): Promise<KubeObject[] | undefined> {
  // Names from a status anyone allowed to write it may have set: only label values go into the selector.
  const names = clusters.filter((n): n is string => typeof n === 'string' && LABEL_VALUE.test(n));
  if (names.length === 0) return Promise.resolve(undefined);
  return optional(`list pods in ${namespace}`, () =>
    core.listNamespacedPod({ namespace, labelSelector: `ray.io/cluster in (${names.join(',')})` }).then((l) => l.items.map(plain)),
  );
}

/** A server-side dry run of the head manifest: the object as stored, a refusal, or why it could not run. */
async function dryRun({ conn, opts, objects, within }: FactReader, id: string, m: RayServiceManifest): Promise<DryRunOutcome> {
  const apply = (force: boolean) =>
    within(`dry-run ${id}`, objects.patch(objectToApply(m), undefined, 'All', opts.fieldManager, force, conn.k8s.PatchStrategy.ServerSideApply));
  try {
    return { ok: true, object: plain(await apply(opts.forceConflicts)) };
  } catch (e) {
    if (statusCode(e) === 409 && !opts.forceConflicts) {
      try {
        return { ok: true, object: plain(await apply(true)), conflict: apiMessage(e) };
      } catch (again) {
        return refusal(again);
      }
    }
    return dryRunFailure(e, m);
  }
}

function dryRunFailure(e: unknown, m: RayServiceManifest): DryRunOutcome {
  const code = statusCode(e);
  const message = apiMessage(e);
  // Refusals of the manifest itself: schema and validation errors (400, 422), a policy webhook's
  // denial (403 "admission webhook … denied"), and server-side apply's typed-patch errors (a value
  // of the wrong type, an unknown field), which kube-apiserver answers with a 500.
  if (code === 400 || code === 422 || (code === 403 && ADMISSION_DENIAL.test(message)) || TYPED_PATCH_REFUSAL.test(message)) return refusal(e);
  // Anything else says nothing about the manifest: missing permission, a namespace not created yet,
  // throttling, an unwell server. Noted, never a failed plan.
  if (code === 403) return { ok: 'not-run', why: { because: 'forbidden', namespace: m.namespace } };
  if (code === 404) return { ok: 'not-run', why: { because: 'not-found', message } };
  return { ok: 'not-run', why: { because: 'failed', message: shortMessage(e) } };
}

/** Helm labels the Deployment name=kuberay-operator, the kustomize manifests component=kuberay-operator. */
function readOperatorDeployments({ apps, optional }: FactReader): Promise<KubeObject[] | undefined> {
  return optional('list the KubeRay operator Deployments', () =>
    Promise.all(OPERATOR_LABEL_SELECTORS.map((labelSelector) => apps.listDeploymentForAllNamespaces({ labelSelector }))).then((lists) => {
      const byId = new Map<string, KubeObject>();
      for (const d of lists.flatMap((l) => l.items.map(plain))) byId.set(`${d.metadata?.namespace}/${d.metadata?.name}`, d);
      return [...byId.values()];
    }),
  );
}

/** The ResourceQuotas of every namespace the plan touches; undefined when any could not be read. */
async function readQuotas({ core, optional }: FactReader, namespaces: readonly string[]): Promise<KubeObject[] | undefined> {
  const lists = await Promise.all(
    namespaces.map((namespace) =>
      optional(`list ResourceQuotas in ${namespace}`, () => core.listNamespacedResourceQuota({ namespace }).then((l) => l.items.map(plain))),
    ),
  );
  return lists.some((l) => l === undefined) ? undefined : (lists.flat() as KubeObject[]);
}

/** kube-system/cluster-autoscaler-status: null when absent, undefined (with a note) when unreadable. */
function readAutoscalerStatus({ core, within, notes }: FactReader): Promise<KubeObject | null | undefined> {
  const read = 'read kube-system/cluster-autoscaler-status';
  return within('read the cluster-autoscaler status', core.readNamespacedConfigMap({ name: 'cluster-autoscaler-status', namespace: 'kube-system' })).then(
    (cm) => plain(cm),
    (e: unknown) => {
      if (statusCode(e) === 404) return null;
      notes.push(
        statusCode(e) === 403 ? note('cluster.read-forbidden', { read, unknown: 'scale-up' }) : note('cluster.read-failed', { read, error: shortMessage(e) }),
      );
      return undefined;
    },
  );
}

function refusal(e: unknown): DryRunOutcome {
  const causes = asList(asMap(parseBody(e)?.details).causes).map(asMap);
  return {
    ok: false,
    message: apiMessage(e),
    causes: causes.map((c) => ({ ...(typeof c.field === 'string' && c.field ? { field: c.field } : {}), message: String(c.message ?? c.reason ?? '') })),
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

function shortMessage(e: unknown): string {
  const m = statusCode(e) ? apiMessage(e) : e instanceof UserError ? e.message : describeRequestError(e, 'the API server');
  return m.split('\n')[0]!.slice(0, 300);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      noteAbandoned();
      reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`));
    }, ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
