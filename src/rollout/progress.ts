/**
 * Following one observation: update what the watcher remembers (the pending cluster P and its
 * replacements, the switch, grace clocks, the settle evidence) and say what changed, one line per
 * meaningful transition. A topic is only reported when its value changes, so a steady stream of
 * identical snapshots prints nothing.
 */
import {
  HOPELESS_WAITING,
  activeName,
  allRunning,
  appsLine,
  condition,
  conditionText,
  eventsSince,
  isUnschedulable,
  observedGeneration,
  pendingName,
  podsOf,
  podTrouble,
  statusFingerprint,
} from './observed.js';
import { badStates, refresh, stuckPods, targetOf } from './judge.js';
import type { Memory, Mode, ResolvedTarget, Snapshot } from './types.js';

export type Say = (text: string, warning?: boolean) => void;
/** Record a topic's value; say `text` only when the value changed. */
type Mark = (topic: string, value: string, text?: string, warning?: boolean) => void;

const MAX_MESSAGE = 300;
const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);

export function initialMemory(target: ResolvedTarget): Memory {
  return {
    abandoned: [],
    everPending: false,
    seenReady: false,
    settledByEvent: false,
    oldClusterSeen: false,
    bad: {},
    stuck: {},
    // The switch is reported against the cluster that was active before the apply.
    marks: { active: target.activeBefore ?? '' },
  };
}

/** Returns the mode after this observation (the watcher follows the operator when it differs from the plan). */
export function track(mode: Mode, target: ResolvedTarget, memory: Memory, first: boolean, snap: Snapshot, say: Say): Mode {
  const mark: Mark = (topic, value, text, warning) => {
    if (memory.marks[topic] === value) return;
    memory.marks[topic] = value;
    if (text !== undefined) say(text, warning);
  };
  trackWarnings(target, snap, mark);
  const rs = snap.rayService;
  if (mode === 'delete') {
    trackClusters(mode, target, memory, snap, say, mark);
    if (rs === null) mark('deleted', 'yes', 'RayService deleted');
    else if (rs?.deleting) mark('deleting', 'yes', 'RayService deletion started: its finalizer waits for the RayClusters to go');
    return mode;
  }
  if (!rs) {
    trackClusters(mode, target, memory, snap, say, mark);
    return mode;
  }
  const A = target.activeBefore;
  const active = activeName(rs);
  const pending = pendingName(rs);

  if ((mode === 'app' || mode === 'inplace') && ((pending !== undefined && pending !== A) || (active !== undefined && active !== A))) {
    say(
      `a new cluster ${pending ?? active} appeared (the plan expected an in-place ${mode === 'app' ? 'Serve update' : 'cluster update'}): following it`,
      true,
    );
    mode = 'new-cluster';
  }

  if (observedGeneration(rs) >= target.generation && memory.firstObservedAt === undefined) {
    memory.firstObservedAt = snap.at;
    say(`operator observed generation ${target.generation}`);
  }
  if (rs.generation > target.generation)
    mark(
      'newer',
      String(rs.generation),
      `generation ${rs.generation} appeared after the apply (KubeRay rewrites the spec when it adds its finalizer, or someone applied again): the rollout waits for that one`,
      true,
    );

  if (pending !== undefined && pending !== A && pending !== memory.pending) {
    const previous = memory.pending;
    if (previous !== undefined && previous !== active) {
      memory.abandoned.push(previous);
      say(`pending cluster changed ${previous} → ${pending} (the spec changed again; ${previous} will be deleted)`, true);
    } else say(`pending cluster ${pending} created`);
    memory.pending = pending;
    memory.everPending = true;
  }
  if (condition(rs, 'UpgradeInProgress')?.status === 'True') mark('upgrading', 'True', 'upgrade in progress: both clusters exist');
  else mark('upgrading', 'other');
  if (condition(rs, 'RollbackInProgress')?.status === 'True')
    mark('rollback', 'True', `the operator is rolling back to ${active ?? 'the active cluster'} (RollbackInProgress)`, true);
  else mark('rollback', 'other');

  if (pending !== undefined && (rs.pendingServiceStatus?.trafficRoutedPercent !== undefined || rs.pendingServiceStatus?.targetCapacity !== undefined)) {
    const traffic = rs.pendingServiceStatus?.trafficRoutedPercent;
    const capacity = rs.pendingServiceStatus?.targetCapacity;
    mark('traffic', `${pending}:${traffic}:${capacity}`, `traffic to ${pending}: ${traffic ?? 0}% (target capacity ${capacity ?? 0}%)`);
  }

  if (active !== undefined && memory.marks.active !== active) {
    memory.marks.active = active;
    if (mode === 'new-cluster' && active !== A && !memory.abandoned.includes(active)) {
      memory.switchedTo = active;
      memory.switchedAt = snap.at;
      say(A === undefined ? `cluster ${active} is active` : `traffic switched to ${active}`);
    }
  }

  const ready = condition(rs, 'Ready');
  if (ready?.status === 'True') memory.seenReady = true;
  const readyValue = ready ? `${ready.status}/${ready.reason ?? ''}` : 'none';
  if (first && ready?.status === 'True')
    memory.marks.ready = readyValue; // business as usual: no line
  else if (ready)
    mark(
      'ready',
      readyValue,
      ready.status === 'True' ? `Ready (${ready.reason ?? 'True'})` : `not ready: ${conditionText(ready)}`,
      ready.reason === 'ZeroServeEndpoints',
    );

  trackServeUpdate(target, memory, snap);
  trackTarget(mode, target, memory, first, snap, say, mark);
  trackClusters(mode, target, memory, snap, say, mark);
  return mode;
}

/** RayClusters appearing as deleted (the old one after the switch, abandoned pending ones). */
function trackClusters(mode: Mode, target: ResolvedTarget, memory: Memory, snap: Snapshot, say: Say, mark: Mark): void {
  if (snap.rayClusters === undefined) return;
  const present = new Set(snap.rayClusters.map((c) => c.name));
  const A = target.activeBefore;
  for (const c of snap.rayClusters) {
    if (c.name === A) memory.oldClusterSeen = true;
    mark(`rc:${c.name}`, c.deleting ? 'deleting' : 'present', c.deleting && c.name === A && mode === 'new-cluster' ? `old cluster ${A} deleting` : undefined);
  }
  for (const [topic, value] of Object.entries(memory.marks)) {
    if (!topic.startsWith('rc:') || value === 'gone') continue;
    const name = topic.slice(3);
    if (present.has(name)) continue;
    memory.marks[topic] = 'gone';
    if (name === A) {
      memory.oldClusterGoneAt = snap.at;
      say(mode === 'new-cluster' ? `old cluster ${name} deleted` : `RayCluster ${name} deleted`);
    } else say(`RayCluster ${name} deleted`);
  }
  // The old cluster may be gone before the watcher ever saw it listed.
  if (A !== undefined && !present.has(A) && memory.oldClusterGoneAt === undefined && memory.switchedTo !== undefined && !memory.oldClusterSeen) {
    memory.oldClusterGoneAt = snap.at;
    say(`old cluster ${A} deleted`);
  }
}

function trackWarnings(target: ResolvedTarget, snap: Snapshot, mark: Mark): void {
  for (const e of eventsSince(snap, target.startedAt)) {
    if (e.type === 'Warning')
      mark(`ev:${e.reason}:${e.message}`, 'seen', `warning ${e.reason}${e.involved ? ` (${e.involved})` : ''}: ${clip(e.message)}`, true);
    else if (e.reason === 'UpdatedServeApplications') mark(`ev:${e.reason}:${e.message}`, 'seen', clip(e.message));
  }
}

/**
 * The settle evidence: an UpdatedServeApplications event seen together with a status of generation
 * G (written by the pass that submitted, from the Serve status read before submitting), then any
 * status change after it: that later status was read after the submission.
 */
function trackServeUpdate(target: ResolvedTarget, memory: Memory, snap: Snapshot): void {
  const rs = snap.rayService;
  if (!rs || observedGeneration(rs) < target.generation) return;
  if (memory.serveUpdateSeenAt === undefined) {
    const submitted = eventsSince(snap, target.startedAt).some((e) => e.type === 'Normal' && e.reason === 'UpdatedServeApplications');
    if (submitted) {
      memory.serveUpdateSeenAt = snap.at;
      memory.serveUpdateFingerprint = statusFingerprint(rs);
    }
  } else if (!memory.settledByEvent && snap.at > memory.serveUpdateSeenAt && statusFingerprint(rs) !== memory.serveUpdateFingerprint) {
    memory.settledByEvent = true;
  }
}

/** Applications, head and workers of the cluster that decides the rollout; grace clocks. */
function trackTarget(mode: Mode, target: ResolvedTarget, memory: Memory, first: boolean, snap: Snapshot, say: Say, mark: Mark): void {
  const rs = snap.rayService;
  if (!rs) return;
  const previousBad = memory.bad;
  memory.bad = refresh(memory.bad, badStates(mode, target, memory, rs), snap.at);
  for (const [key, s] of Object.entries(memory.bad)) if (!previousBad[key]) say(clip(s.text), true);
  memory.stuck = refresh(memory.stuck, stuckPods(mode, target, memory, snap), snap.at);

  const { cluster, status } = targetOf(mode, target, memory, rs);
  if (cluster === undefined) return;
  trackPods(mode, cluster, first, snap, memory, mark);
  if (observedGeneration(rs) >= target.generation) {
    const line = appsLine(status);
    const topic = `apps:${cluster}`;
    // In place, the first status of generation G may still be the old one: take it as the baseline.
    if ((mode === 'app' || mode === 'inplace') && memory.marks[topic] === undefined) memory.marks[topic] = line;
    else if (line !== '') mark(topic, line, allRunning(status) ? `Serve apps RUNNING on ${cluster}` : `Serve apps on ${cluster}: ${line}`);
  }
}

/** Head, workers and stuck pods of the target cluster (not for Serve-only changes: nothing about pods changes). */
function trackPods(mode: Mode, cluster: string, first: boolean, snap: Snapshot, memory: Memory, mark: Mark): void {
  if (mode === 'app') return;
  const quiet = first && mode === 'inplace';
  if (snap.pods === undefined) {
    // Pods not watched: the RayCluster's HeadPodReady condition still tells when the head is up.
    const rc = (snap.rayClusters ?? []).find((c) => c.name === cluster);
    if (rc?.headReady !== undefined) {
      const value = rc.headReady ? 'ready' : 'pending';
      if (quiet) memory.marks[`head:${cluster}`] = value;
      else mark(`head:${cluster}`, value, rc.headReady ? `head pod ready on ${cluster}` : undefined);
    }
    return;
  }
  const pods = podsOf(snap, cluster);
  const head = pods.find((p) => p.nodeType === 'head');
  if (head) {
    const value = head.ready ? 'ready' : isUnschedulable(head) ? 'Unschedulable' : (head.waiting?.reason ?? 'pending');
    if (quiet) memory.marks[`head:${cluster}`] = value;
    else if (value === 'ready') mark(`head:${cluster}`, value, `head pod ready on ${cluster}`);
    else mark(`head:${cluster}`, value);
  }
  const workers = pods.filter((p) => p.nodeType === 'worker');
  if (workers.length > 0) {
    const value = `${workers.filter((p) => p.ready).length}/${workers.length}`;
    if (quiet) memory.marks[`workers:${cluster}`] = value;
    else mark(`workers:${cluster}`, value, `${value} workers ready on ${cluster}`);
  }
  const issues = new Map<string, string[]>();
  for (const p of pods) {
    if (p.ready) continue;
    // Only what may need a human; ContainerCreating or PodInitializing are just slow.
    if (!isUnschedulable(p) && !(p.waiting && HOPELESS_WAITING.has(p.waiting.reason))) continue;
    const why = podTrouble(p);
    issues.set(why, [...(issues.get(why) ?? []), p.name]);
  }
  for (const [why, names] of issues) {
    mark(`issue:${cluster}:${why}`, 'seen', `${names.length === 1 ? `pod ${names[0]}` : `${names.length} pods`} of ${cluster}: ${clip(why)}`, true);
  }
}
