/**
 * The logs that explain a failed rollout, read through `pods/log` when the credentials allow:
 * the head pods' output of the RayService's clusters (its Serve lines) and the KubeRay operator's
 * output (its lines about this RayService). Optional, like pods and events: refused, they leave a
 * note saying which rule to add; failing otherwise, they leave a note and the rollout's verdict
 * stands. Filtering and bounding are src/rollout/logs.ts's.
 */
import { excerpt, operatorLines, serveLines } from '../rollout/logs.js';
import type { LogExcerpt } from '../rollout/types.js';
import type { KubeObject } from '../util/kube-object.js';
import type { Connection } from './connection.js';
import { OPERATOR_LABEL_SELECTORS } from './cluster-facts.js';
import { statusCode } from './request-errors.js';

/** Read at most this much of each log, from its end. */
const TAIL_LINES = 2000;
const LIMIT_BYTES = 512 * 1024;
/** How long the logs may take, all together (the diagnosis must not delay the verdict much). */
const LOGS_MS = 15_000;

export interface RolloutLogs {
  readonly logs: readonly LogExcerpt[];
  /** Reading pod logs (or listing pods) was refused with 403. */
  readonly forbidden: boolean;
}

type Core = InstanceType<Connection['k8s']['CoreV1Api']>;

export async function readRolloutLogs(conn: Connection, namespace: string, name: string): Promise<RolloutLogs> {
  const core = conn.kc.makeApiClient(conn.k8s.CoreV1Api);
  const timer = new AbortController();
  const t = setTimeout(() => timer.abort(), Math.min(LOGS_MS, conn.deadline.remainingMs()));
  let forbidden = false;
  const guard: Guard = async (p, what) => {
    const aborted = new Promise<Read<never>>((resolve) =>
      timer.signal.addEventListener('abort', () => resolve({ note: `${what}: no answer in time` }), { once: true }),
    );
    try {
      return await Promise.race([p.then((value) => ({ value })), aborted]);
    } catch (e) {
      if (statusCode(e) === 403) {
        forbidden = true;
        return { note: `${what}: HTTP 403`, forbidden: true };
      }
      return { note: `${what}: ${statusCode(e) ? `HTTP ${statusCode(e)}` : ((e as Error).message ?? '').split('\n')[0]}` };
    }
  };
  try {
    const [head, operator] = await Promise.all([headLogs(core, namespace, name, guard), operatorLogs(core, namespace, name, guard)]);
    return { logs: [...head, ...operator], forbidden };
  } finally {
    clearTimeout(t);
  }
}

/** A read's value, or a note saying why there is none. */
type Read<T> = { readonly value: T } | { readonly note: string; readonly forbidden?: true };
type Guard = <T>(p: Promise<T>, what: string) => Promise<Read<T>>;

/** A refused read leaves no excerpt: the diagnosis's hint names the rule instead. */
function logExcerpt(source: string, read: Read<string>, filter: (text: string) => string[], empty: string): LogExcerpt[] {
  if ('note' in read) return read.forbidden ? [] : [excerpt(source, [], read.note)];
  return [excerpt(source, filter(String(read.value)), empty)];
}

/** The head pods of the RayService's clusters (`<name>-<5 characters>`), newest first, at most two. */
async function headLogs(core: Core, namespace: string, name: string, guard: Guard): Promise<LogExcerpt[]> {
  const listed = await guard(core.listNamespacedPod({ namespace, labelSelector: 'ray.io/node-type=head' }), 'list head pods');
  if ('note' in listed) return [];
  const ours = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[a-z0-9]{5}$`);
  const pods = (listed.value.items as unknown as KubeObject[])
    .filter((p) => ours.test(String(p.metadata?.labels?.['ray.io/cluster'] ?? '')))
    .sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))
    .slice(0, 2);
  const excerpts = await Promise.all(
    pods.map(async (p) => {
      const pod = String(p.metadata?.name);
      const container = String((p.spec as { containers?: { name?: string }[] } | undefined)?.containers?.[0]?.name ?? '');
      const text = await guard(core.readNamespacedPodLog({ namespace, name: pod, container, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }), 'read its log');
      return logExcerpt(`head pod ${namespace}/${pod} (Serve lines)`, text, (t) => serveLines(t), 'no Serve lines in its output');
    }),
  );
  return excerpts.flat();
}

/** The KubeRay operator's pod (by the Helm chart's labels, in any namespace), its lines about this RayService. */
async function operatorLogs(core: Core, namespace: string, name: string, guard: Guard): Promise<LogExcerpt[]> {
  for (const labelSelector of OPERATOR_LABEL_SELECTORS) {
    const listed = await guard(core.listPodForAllNamespaces({ labelSelector }), 'list the operator pods');
    if ('note' in listed) return [];
    const pod = (listed.value.items as unknown as KubeObject[]).find((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
    if (!pod) continue;
    const [ns, podName] = [String(pod.metadata?.namespace), String(pod.metadata?.name)];
    const text = await guard(core.readNamespacedPodLog({ namespace: ns, name: podName, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }), 'read its log');
    return logExcerpt(`KubeRay operator ${ns}/${podName}`, text, (t) => operatorLines(t, namespace, name), 'no lines about this RayService');
  }
  return [];
}
