/**
 * The words of the hints of a failed rollout (`hints[].id`, docs/rule-ids.md), one entry per id:
 * the data the failure rule or the diagnosis hands over, and the English rendered from it. A hint is
 * made with `hint(id, data)`; adding a hint is one entry here.
 */
import { type Catalog, type DataArgs, renderWords } from '../util/wording.js';
import type { HealthProblem, Hint } from './types.js';

export const HINTS = {
  'initializing-timeout-terminal': () =>
    'InitializingTimeout is terminal: KubeRay deletes the clusters and never retries. Fix the cause, then delete and re-create the RayService (the annotation ray.io/initializing-timeout sets the limit).',
  'fix-the-spec': () => 'Nothing happens until the spec changes: fix it and apply again. The running cluster is untouched.',
  'cluster-upgrade-strategy': () =>
    'The cluster gets no pods until the spec changes. A RayService must not set rayClusterConfig.upgradeStrategy (KubeRay 1.6+ rejects the clusters it creates).',
  'no-upgrade-timeout': (d: { pending: string; active?: string }) =>
    `The operator has no upgrade timeout and no rollback in NewCluster mode: the pending cluster ${d.pending} stays${d.active ? ` next to ${d.active}` : ''}, holding its resources, until you fix or revert the spec (under NewCluster a revert builds yet another cluster); consider --on-failure rollback.`,
  'serve-endpoints': () =>
    'The serve Service has no ready endpoints: check that the serving pods are ready and carry the label ray.io/serve=true (the operator sets it when the Serve proxy is healthy).',
  'serve-logs': () =>
    'Read the Serve logs: `serve status` on the head pod, or the Serve page of the Ray dashboard; the import path, runtime_env and resources of the new config are the usual suspects.',
  'status-frozen': () => 'An error early in a reconcile pass freezes the whole RayService status; the Warning events name it.',
  'zero-downtime-disabled': () =>
    'Zero-downtime upgrade looks disabled: the operator runs with ENABLE_ZERO_DOWNTIME=false and the RayService sets no spec.upgradeStrategy.type, or the type is None, or NewClusterWithIncrementalUpgrade without its feature gate. Plan with the operator’s real settings (--zero-downtime, --kuberay-version).',
  'operator-just-upgraded': () =>
    'Or the operator was just upgraded: its first reconcile then applies a pending cluster change to the active cluster in place.',
  /** `failed`: the failure rule's words (a pod stuck unschedulable past its grace); else the diagnosis's. */
  'room-for-both-clusters': (d: { active: string; pending?: string; failed: boolean }) =>
    d.failed
      ? `A blue/green upgrade runs the old cluster ${d.active} and the new cluster${d.pending ? ` ${d.pending}` : ''} side by side (the old one until 60 s after the switch): the nodes need room for both. Add capacity (or let a node autoscaler add it), free some, or shrink the new cluster.`
      : `Pods of ${d.pending} cannot be scheduled: a blue/green upgrade needs the old cluster ${d.active} and the new one side by side (the old one until 60 s after the switch).`,
  'no-room': () => 'The nodes lack room for this pod: add capacity, free some, or lower its requests.',
  'container-crashing': (d: { namespace: string; pod: string }) => `Its container keeps crashing: kubectl -n ${d.namespace} logs ${d.pod} --previous`,
  'missing-config': () => 'A Secret, ConfigMap or key that the pod refers to is missing, or the container config is invalid.',
  'image-pull': () => 'Check the image name and tag, and the imagePullSecrets of the pod template.',
  'no-observation': () => 'No observation of the RayService arrived: check that the watcher can read RayServices in this namespace.',
  'operator-not-watching': (d: { namespace: string }) =>
    `No operator Warning event explains it: is the KubeRay operator running, and does it watch namespace ${d.namespace}?`,
  'smoke-request-failed': () =>
    'KubeRay switched traffic, but the application does not answer as the smoke file expects: read the answer above and the Serve lines of the head pod, fix the application (or the expectation) and push again.',
  'pod-logs-forbidden': () =>
    "Not allowed to read pod logs: with `get` on `pods/log` (and `list` on `pods`; docs/rbac.md, deploy/rbac-verify.yaml) the diagnosis shows the head pod's Serve lines and the KubeRay operator's lines about this RayService.",
  'unhealthy-before': () =>
    'The change itself rolled out; these problems predate it (see "Before the change" in the plan). Fix them, or drop --require-healthy to accept a degraded RayService.',
} as const satisfies Catalog;

/** The advice a hint gives: hints are deduplicated by id, never by their words. */
export type HintId = keyof typeof HINTS;

/** A hint: `hint('container-crashing', { namespace, pod })`. */
export function hint<H extends HintId>(id: H, ...data: DataArgs<typeof HINTS, H>): Hint {
  return { id, ...renderWords(HINTS, id, data) };
}

/** A pod named for people: its node type, name, group and cluster. */
interface PodWho {
  readonly nodeType?: string;
  readonly pod: string;
  readonly group?: string;
  readonly cluster: string;
}
const podWho = (d: PodWho) => `${d.nodeType ?? 'pod'}${d.nodeType ? ' pod' : ''} ${d.pod}${d.group ? ` (group ${d.group})` : ''} of ${d.cluster}`;
const colon = (message: string | undefined) => (message ? `: ${message}` : '');

/** The words of a RayService's health problems (`cluster.before[]`, `preExisting[]`; src/rollout/health.ts). */
export const HEALTH = {
  'health.validation-failed': (d: { message?: string }) => `the operator refuses the spec (Ready=False, ValidationFailed)${colon(d.message)}`,
  'health.upgrade-stuck': (d: UpgradeData) => `an upgrade is stuck: ${upgradeWords(d)}`,
  'health.upgrade-pending': (d: UpgradeData) => `an upgrade is under way: ${upgradeWords(d)}`,
  'health.pod-unschedulable': (d: PodWho & { message?: string }) => `${podWho(d)} cannot be scheduled${colon(d.message)}`,
  'health.pod-waiting': (d: PodWho & { reason: string; message?: string }) => `${podWho(d)} is stuck in ${d.reason}${colon(d.message)}`,
  'health.app-failed': (d: {
    app: string;
    cluster: string;
    status: string;
    message?: string;
    deployments: readonly { name: string; status: string; message?: string }[];
  }) =>
    `application ${d.app} on ${d.cluster} is ${d.status}${colon(d.message)}${d.deployments.length && !d.message ? ` (${d.deployments.map((x) => `${x.name} ${x.status}${colon(x.message)}`).join('; ')})` : ''}`,
} as const satisfies Catalog;

interface UpgradeData {
  readonly pending: string;
  readonly active?: string;
  /** Ready and listed pods of the pending cluster, when the pods were read. */
  readonly ready?: number;
  readonly pods?: number;
}
const upgradeWords = (d: UpgradeData) =>
  `pending cluster ${d.pending} is not serving yet${d.pods === undefined ? '' : ` (${d.ready}/${d.pods} pods ready)`}${d.active ? `; ${d.active} still serves` : ''}`;

export type HealthRule = keyof typeof HEALTH;

const MAX_HEALTH_TEXT = 300;

/** A health problem about `subject` (`pod:<name>`, `app:<cluster>/<app>`, `cluster:<name>`, `service`), its words clipped. */
export function healthProblem<R extends HealthRule>(rule: R, subject: string, ...data: DataArgs<typeof HEALTH, R>): HealthProblem {
  const words = renderWords(HEALTH, rule, data);
  const text = words.text.length > MAX_HEALTH_TEXT ? `${words.text.slice(0, MAX_HEALTH_TEXT - 1)}…` : words.text;
  return { rule, subject, data: words.data, text };
}
