/**
 * Failure rules: when to stop waiting before the deadline because the rollout cannot end well.
 *
 * Each rule waits for evidence that belongs to this apply (generation G, events since the apply,
 * states that lasted a grace period), because the first statuses after an apply can still describe
 * the previous spec. The operator itself never gives up on a pending cluster (no upgrade timeout,
 * no rollback in NewCluster mode), so the watcher owns the decision.
 */
import {
  BAD_STATES,
  CLUSTER_VALIDATION_WARNINGS,
  HOPELESS_WAITING,
  NO_SCALE_UP_EVENTS,
  OPERATOR_WARNINGS,
  SCALE_UP_EVENTS,
  VALIDATION_WARNINGS,
  activeName,
  allRunning,
  apps,
  condition,
  eventsSince,
  formatDuration,
  isUnschedulable,
  observedGeneration,
  pendingName,
  podsOf,
} from './observed.js';
import { settled } from './predicates.js';
import type { Memory, Mode, PodView, RayServiceView, ResolvedTarget, ServiceStatus, Snapshot, Since } from './types.js';

export interface Failure {
  readonly summary: string;
  readonly hints: readonly string[];
}

export const HINT_NO_UPGRADE_TIMEOUT = (pending: string, active: string | undefined) =>
  `The operator has no upgrade timeout and no rollback in NewCluster mode: the pending cluster ${pending} stays${active ? ` next to ${active}` : ''}, holding its resources, until you fix or revert the spec (under NewCluster a revert builds yet another cluster); consider --on-failure rollback.`;

/** The cluster whose applications and pods decide the rollout, and its Serve status. */
export function targetOf(mode: Mode, target: ResolvedTarget, memory: Memory, rs: RayServiceView): { cluster?: string; status?: ServiceStatus } {
  if (mode === 'new-cluster') {
    const pending = pendingName(rs);
    if (pending !== undefined) return { cluster: pending, status: rs.pendingServiceStatus };
    const active = activeName(rs);
    if (active !== undefined && active !== target.activeBefore && !memory.abandoned.includes(active))
      return { cluster: active, status: rs.activeServiceStatus };
    return {};
  }
  if (mode === 'app' || mode === 'inplace') return { cluster: target.activeBefore, status: rs.activeServiceStatus };
  return {};
}

/** Bad application and deployment states on the target cluster, keyed for the grace clock. */
export function badStates(mode: Mode, target: ResolvedTarget, memory: Memory, rs: RayServiceView): Map<string, string> {
  const out = new Map<string, string>();
  if (observedGeneration(rs) < target.generation) return out; // still the previous spec's picture
  const { cluster, status } = targetOf(mode, target, memory, rs);
  for (const [name, app] of apps(status)) {
    if (BAD_STATES.has(app.status))
      out.set(`${cluster}/${name}:${app.status}`, `application ${name} on ${cluster} is ${app.status}${app.message ? `: ${app.message}` : ''}`);
    for (const [d, s] of Object.entries(app.serveDeploymentStatuses ?? {})) {
      if (BAD_STATES.has(s.status))
        out.set(`${cluster}/${name}/${d}:${s.status}`, `deployment ${name}/${d} on ${cluster} is ${s.status}${s.message ? `: ${s.message}` : ''}`);
    }
  }
  return out;
}

/** Pods of the target cluster that are unschedulable or stuck in a waiting state that does not heal. */
export function stuckPods(mode: Mode, target: ResolvedTarget, memory: Memory, snap: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  const rs = snap.rayService;
  if (!rs) return out;
  const { cluster } = targetOf(mode, target, memory, rs);
  for (const p of podsOf(snap, cluster)) {
    if (p.ready) continue;
    if (isUnschedulable(p)) out.set(`${p.name}:Unschedulable`, `${p.scheduled?.message ?? 'no node fits'}`);
    else if (p.waiting && HOPELESS_WAITING.has(p.waiting.reason)) out.set(`${p.name}:${p.waiting.reason}`, p.waiting.message ?? '');
  }
  return out;
}

/** Carry the "since" of states still present; drop the others. */
export function refresh(previous: Record<string, Since>, now: Map<string, string>, at: number): Record<string, Since> {
  const next: Record<string, Since> = {};
  for (const [key, text] of now) next[key] = { since: previous[key]?.since ?? at, text };
  return next;
}

export function failure(mode: Mode, target: ResolvedTarget, memory: Memory, snap: Snapshot, now: number): Failure | undefined {
  if (mode === 'nothing' || mode === 'delete') return undefined;
  const rs = snap.rayService;
  if (rs === undefined) return undefined;
  if (rs === null) return { summary: 'the RayService was deleted while the rollout was being watched', hints: [] };
  const ready = condition(rs, 'Ready');
  const recent = eventsSince(snap, target.startedAt);
  const behind = observedGeneration(rs) < target.generation;

  if (ready?.status === 'False' && ready.reason === 'InitializingTimeout') {
    return {
      summary: `the RayService did not become ready within its initializing timeout: ${ready.message ?? 'InitializingTimeout'}`,
      hints: [
        'InitializingTimeout is terminal: KubeRay deletes the clusters and never retries. Fix the cause, then delete and re-create the RayService (the annotation ray.io/initializing-timeout sets the limit).',
      ],
    };
  }

  // The operator validates before anything else; a rejected spec leaves observedGeneration behind.
  if (behind) {
    const rejected = recent.filter((e) => e.type === 'Warning' && VALIDATION_WARNINGS.has(e.reason));
    const last = rejected[rejected.length - 1];
    if (last) {
      return {
        summary: `the operator rejected the spec (${last.reason}): ${last.message}`,
        hints: ['Nothing happens until the spec changes: fix it and apply again. The running cluster is untouched.'],
      };
    }
  }

  const { cluster } = targetOf(mode, target, memory, rs);
  const clusterRejected = recent.find(
    (e) => e.type === 'Warning' && CLUSTER_VALIDATION_WARNINGS.has(e.reason) && (e.involved === undefined || e.involved === cluster),
  );
  if (clusterRejected && cluster !== undefined) {
    return {
      summary: `the RayCluster controller rejected ${cluster} (${clusterRejected.reason}): ${clusterRejected.message}`,
      hints: [
        'The cluster gets no pods until the spec changes. A RayService must not set rayClusterConfig.upgradeStrategy (KubeRay 1.6+ rejects the clusters it creates).',
        ...(mode === 'new-cluster' ? [HINT_NO_UPGRADE_TIMEOUT(cluster, activeName(rs))] : []),
      ],
    };
  }

  // Ready=False/ZeroServeEndpoints is only written when Ready was True before: an outage.
  if (ready?.status === 'False' && ready.reason === 'ZeroServeEndpoints' && (memory.seenReady || (ready.lastTransitionTime ?? 0) >= target.startedAt)) {
    return {
      summary: `outage: the RayService lost all its serve endpoints during the rollout (Ready=False, ZeroServeEndpoints${ready.message ? `: ${ready.message}` : ''})`,
      hints: [
        'The serve Service has no ready endpoints: check that the serving pods are ready and carry the label ray.io/serve=true (the operator sets it when the Serve proxy is healthy).',
      ],
    };
  }

  for (const s of Object.values(memory.bad)) {
    if (now - s.since >= target.graceMs && (mode === 'new-cluster' || settled(target, memory, now))) {
      return {
        summary: `${s.text} (for ${formatDuration(now - s.since)})`,
        hints: [
          'Read the Serve logs: `serve status` on the head pod, or the Serve page of the Ray dashboard; the import path, runtime_env and resources of the new config are the usual suspects.',
        ],
      };
    }
  }

  const stuck = stuckFailure(mode, target, memory, snap, now);
  if (stuck) return stuck;

  if (behind && now - target.startedAt >= target.frozenGraceMs) {
    const complaints = recent.filter((e) => e.type === 'Warning' && OPERATOR_WARNINGS.has(e.reason));
    const validation = ready?.status === 'False' && ready.reason === 'ValidationFailed' ? ready : undefined;
    if (complaints.length > 0 || validation) {
      const what = validation
        ? `ValidationFailed: ${validation.message ?? ''}`
        : [...new Set(complaints.map((e) => `${e.reason}: ${e.message}`))].slice(-3).join('; ');
      return {
        summary: `the status is frozen at observedGeneration ${rs.observedGeneration ?? 'unset'} < ${target.generation} for ${formatDuration(now - target.startedAt)}; the operator reports ${what}`,
        hints: ['An error early in a reconcile pass freezes the whole RayService status; the Warning events name it.'],
      };
    }
  }

  // Planned a new cluster, but the operator kept the old one: the change is not being applied.
  if (
    mode === 'new-cluster' &&
    target.activeBefore !== undefined &&
    !memory.everPending &&
    !behind &&
    pendingName(rs) === undefined &&
    activeName(rs) === target.activeBefore &&
    memory.firstObservedAt !== undefined &&
    now - memory.firstObservedAt >= target.settleMs
  ) {
    return {
      summary: `the operator did not prepare a new cluster for this cluster-level change: ${target.activeBefore} stays active with its old spec`,
      hints: [
        'Zero-downtime upgrade looks disabled: the operator runs with ENABLE_ZERO_DOWNTIME=false and the RayService sets no spec.upgradeStrategy.type, or the type is None, or NewClusterWithIncrementalUpgrade without its feature gate. Plan with the operator’s real settings (--zero-downtime, --kuberay-version).',
        'Or the operator was just upgraded: its first reconcile then applies a pending cluster change to the active cluster in place.',
      ],
    };
  }
  return undefined;
}

function stuckFailure(mode: Mode, target: ResolvedTarget, memory: Memory, snap: Snapshot, now: number): Failure | undefined {
  const rs = snap.rayService;
  if (!rs) return undefined;
  const { cluster, status } = targetOf(mode, target, memory, rs);
  const pods = new Map(podsOf(snap, cluster).map((p) => [p.name, p]));
  // Worker pods only block when the applications wait for them (or when the change is the workers).
  const appsWaiting = !allRunning(status);
  for (const [key, s] of Object.entries(memory.stuck)) {
    if (now - s.since < target.stuckGraceMs) continue;
    const [podName = '', reason = ''] = splitKey(key);
    const pod = pods.get(podName);
    if (!pod) continue;
    const blocking = pod.nodeType === 'head' || mode === 'inplace' || appsWaiting;
    if (!blocking) continue;
    if (reason === 'Unschedulable') {
      const autoscaler = lastAutoscalerEvent(snap, podName);
      if (autoscaler && SCALE_UP_EVENTS.has(autoscaler.reason)) continue; // a node is coming: wait for the deadline
      return {
        summary: `${describePod(pod, cluster)} cannot be scheduled (for ${formatDuration(now - s.since)}): ${s.text}${autoscaler ? `; ${autoscaler.reason}: ${autoscaler.message}` : ''}`,
        hints: [
          mode === 'new-cluster' && target.activeBefore !== undefined
            ? `A blue/green upgrade runs the old cluster ${target.activeBefore} and the new cluster ${cluster} side by side (the old one until 60 s after the switch): the nodes need room for both. Add capacity (or let a node autoscaler add it), free some, or shrink the new cluster.`
            : 'The nodes lack room for this pod: add capacity, free some, or lower its requests.',
          ...(mode === 'new-cluster' && target.activeBefore !== undefined && cluster !== undefined && pendingName(rs) === cluster
            ? [HINT_NO_UPGRADE_TIMEOUT(cluster, target.activeBefore)]
            : []),
        ],
      };
    }
    return {
      summary: `${describePod(pod, cluster)} is stuck in ${reason} (for ${formatDuration(now - s.since)})${s.text ? `: ${s.text}` : ''}`,
      hints: [
        reason === 'CrashLoopBackOff'
          ? `Its container keeps crashing: kubectl -n ${target.namespace} logs ${podName} --previous`
          : reason === 'CreateContainerConfigError' || reason === 'CreateContainerError'
            ? 'A Secret, ConfigMap or key that the pod refers to is missing, or the container config is invalid.'
            : 'Check the image name and tag, and the imagePullSecrets of the pod template.',
        ...(mode === 'new-cluster' && target.activeBefore !== undefined && cluster !== undefined && pendingName(rs) === cluster
          ? [HINT_NO_UPGRADE_TIMEOUT(cluster, target.activeBefore)]
          : []),
      ],
    };
  }
  return undefined;
}

function splitKey(key: string): [string, string] {
  const i = key.lastIndexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

function describePod(pod: PodView, cluster: string | undefined): string {
  return `${pod.nodeType ?? 'pod'}${pod.nodeType ? ' pod' : ''} ${pod.name}${cluster ? ` of ${cluster}` : ''}`;
}

/** The latest scale-up decision a node autoscaler announced for this pod, if any. */
function lastAutoscalerEvent(snap: Snapshot, pod: string) {
  return (snap.events ?? [])
    .filter((e) => e.involved === pod && (SCALE_UP_EVENTS.has(e.reason) || NO_SCALE_UP_EVENTS.has(e.reason)))
    .sort((a, b) => a.at - b.at)
    .pop();
}
