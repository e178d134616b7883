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
import { trackRedeployed } from './health.js';
import { badStates, refresh, stuckPods, targetOf } from './judge.js';
import type { Memory, RayServiceView, ResolvedTarget, RolloutKind, RolloutState, Snapshot } from './types.js';

export type Say = (text: string, warning?: boolean) => void;
/** Record a topic's value; say `text` only when the value changed. */
type Mark = (topic: string, value: string, text?: string, warning?: boolean) => void;

/** One observation being followed: the state (its memory a working copy, updated in place), the snapshot, where lines go. */
interface Tracking {
  readonly state: RolloutState;
  readonly snap: Snapshot;
  /** The first snapshot of the rollout: what it shows is the baseline, not news. */
  readonly first: boolean;
  readonly say: Say;
  readonly mark: Mark;
}

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
    redeployed: [],
    // The switch is reported against the cluster that was active before the apply.
    marks: { active: target.activeBefore ?? '' },
  };
}

/**
 * The state after one observation: memory updated, the snapshot kept as `last`, and the kind of
 * rollout switched to 'new-cluster' when the operator builds one where the plan expected an in-place
 * change. Lines go to `say`; the timeline is the caller's.
 */
export function track(previous: RolloutState, snap: Snapshot, say: Say): RolloutState {
  const memory = structuredClone(previous.memory);
  const mark: Mark = (topic, value, text, warning) => {
    if (memory.marks[topic] === value) return;
    memory.marks[topic] = value;
    if (text !== undefined) say(text, warning);
  };
  const first = previous.last === undefined;
  let t: Tracking = { state: { ...previous, memory, last: snap }, snap, first, say, mark };
  trackWarnings(t);
  // Before any rule reads it: an application seen deploying is the change's, whatever it did before.
  trackRedeployed(memory, snap);
  const rs = snap.rayService;
  if (previous.kind === 'delete') trackDeletion(t);
  else if (!rs) trackClusters(t);
  else {
    const kind = followOperator(t, rs);
    if (kind !== previous.kind) t = { ...t, state: { ...t.state, kind } };
    trackGeneration(t, rs);
    trackPending(t, rs);
    trackUpgrade(t, rs);
    trackSwitch(t, rs);
    trackReady(t, rs);
    trackServeUpdate(t);
    trackTarget(t);
    trackClusters(t);
  }
  return t.state;
}

function trackDeletion(t: Tracking): void {
  const rs = t.snap.rayService;
  trackClusters(t);
  if (rs === null) t.mark('deleted', 'yes', 'RayService deleted');
  else if (rs?.deleting) t.mark('deleting', 'yes', 'RayService deletion started: its finalizer waits for the RayClusters to go');
}

/** The kind to watch from now on: a new cluster where an in-place change was expected is followed. */
function followOperator({ state, say }: Tracking, rs: RayServiceView): RolloutKind {
  const { kind, target } = state;
  const A = target.activeBefore;
  const active = activeName(rs);
  const pending = pendingName(rs);
  if ((kind === 'app' || kind === 'inplace') && ((pending !== undefined && pending !== A) || (active !== undefined && active !== A))) {
    say(
      `a new cluster ${pending ?? active} appeared (the plan expected an in-place ${kind === 'app' ? 'Serve update' : 'cluster update'}): following it`,
      true,
    );
    return 'new-cluster';
  }
  return kind;
}

function trackGeneration({ state, snap, say, mark }: Tracking, rs: RayServiceView): void {
  const { target, memory } = state;
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
}

/** A pending cluster appearing, or replaced by a newer one (P → P′). */
function trackPending({ state, snap, say }: Tracking, rs: RayServiceView): void {
  const { target, memory } = state;
  const active = activeName(rs);
  const pending = pendingName(rs);
  if (pending === undefined || pending === target.activeBefore || pending === memory.pending) return;
  const previous = memory.pending;
  if (previous !== undefined && previous !== active) {
    memory.abandoned.push(previous);
    say(`pending cluster changed ${previous} → ${pending} (the spec changed again; ${previous} will be deleted)`, true);
  } else say(`pending cluster ${pending} created`);
  memory.pending = pending;
  // A replacement starts the picture of the new cluster over.
  memory.pendingAt = snap.at;
  delete memory.podsReadyAt;
  delete memory.serveReadyAt;
  memory.everPending = true;
}

/** The UpgradeInProgress and RollbackInProgress conditions, and the traffic of an incremental upgrade. */
function trackUpgrade({ mark }: Tracking, rs: RayServiceView): void {
  const active = activeName(rs);
  const pending = pendingName(rs);
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
}

/** A new active cluster: the traffic switch of a blue/green rollout. */
function trackSwitch({ state, snap, say }: Tracking, rs: RayServiceView): void {
  const { kind, target, memory } = state;
  const A = target.activeBefore;
  const active = activeName(rs);
  if (active === undefined || memory.marks.active === active) return;
  memory.marks.active = active;
  if (kind === 'new-cluster' && active !== A && !memory.abandoned.includes(active)) {
    memory.switchedTo = active;
    memory.switchedAt = snap.at;
    say(A === undefined ? `cluster ${active} is active` : `traffic switched to ${active}`);
  }
}

function trackReady({ state, first, mark }: Tracking, rs: RayServiceView): void {
  const { memory } = state;
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
}

/** RayClusters appearing as deleted (the old one after the switch, abandoned pending ones). */
function trackClusters({ state, snap, say, mark }: Tracking): void {
  if (snap.rayClusters === undefined) return;
  const { kind, target, memory } = state;
  const present = new Set(snap.rayClusters.map((c) => c.name));
  const A = target.activeBefore;
  for (const c of snap.rayClusters) {
    if (c.name === A) memory.oldClusterSeen = true;
    mark(`rc:${c.name}`, c.deleting ? 'deleting' : 'present', c.deleting && c.name === A && kind === 'new-cluster' ? `old cluster ${A} deleting` : undefined);
  }
  for (const [topic, value] of Object.entries(memory.marks)) {
    if (!topic.startsWith('rc:') || value === 'gone') continue;
    const name = topic.slice(3);
    if (present.has(name)) continue;
    memory.marks[topic] = 'gone';
    if (name === A) {
      memory.oldClusterGoneAt = snap.at;
      say(kind === 'new-cluster' ? `old cluster ${name} deleted` : `RayCluster ${name} deleted`);
    } else say(`RayCluster ${name} deleted`);
  }
  // The old cluster may be gone before the watcher ever saw it listed.
  if (A !== undefined && !present.has(A) && memory.oldClusterGoneAt === undefined && memory.switchedTo !== undefined && !memory.oldClusterSeen) {
    memory.oldClusterGoneAt = snap.at;
    say(`old cluster ${A} deleted`);
  }
}

function trackWarnings({ state, snap, mark }: Tracking): void {
  for (const e of eventsSince(snap, state.target.startedAt)) {
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
function trackServeUpdate({ state, snap }: Tracking): void {
  const { target, memory } = state;
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
function trackTarget(t: Tracking): void {
  const { state, snap, say, mark } = t;
  const { kind, target, memory } = state;
  const rs = snap.rayService;
  if (!rs) return;
  const previousBad = memory.bad;
  memory.bad = refresh(memory.bad, badStates(state, rs), snap.at);
  for (const [key, s] of Object.entries(memory.bad)) if (!previousBad[key]) say(clip(s.text), true);
  memory.stuck = refresh(memory.stuck, stuckPods(state, snap), snap.at);

  const { cluster, status } = targetOf(state, rs);
  if (cluster === undefined) return;
  trackPods(t, cluster);
  if (observedGeneration(rs) >= target.generation) {
    const line = appsLine(status);
    const topic = `apps:${cluster}`;
    // In place, the first status of generation G may still be the old one: take it as the baseline.
    if ((kind === 'app' || kind === 'inplace') && memory.marks[topic] === undefined) {
      memory.marks[topic] = line;
      return;
    }
    if (line !== '') mark(topic, line, allRunning(status) ? `Serve apps RUNNING on ${cluster}` : `Serve apps on ${cluster}: ${line}`);
    if (kind === 'new-cluster' && memory.serveReadyAt === undefined && line !== '' && allRunning(status)) memory.serveReadyAt = snap.at;
  }
}

/** Head, workers and stuck pods of the target cluster (not for Serve-only changes: nothing about pods changes). */
function trackPods(t: Tracking, cluster: string): void {
  const { state, snap } = t;
  if (state.kind === 'app') return;
  if (snap.pods === undefined) {
    trackHeadCondition(t, cluster);
    return;
  }
  const pods = podsOf(snap, cluster);
  // A first look at an in-place update only takes the baseline.
  const record = baselineOr(t, state.kind === 'inplace');
  const head = pods.find((p) => p.nodeType === 'head');
  if (head) {
    const value = head.ready ? 'ready' : isUnschedulable(head) ? 'Unschedulable' : (head.waiting?.reason ?? 'pending');
    record(`head:${cluster}`, value, value === 'ready' ? `head pod ready on ${cluster}` : undefined);
  }
  const workers = pods.filter((p) => p.nodeType === 'worker');
  if (workers.length > 0) {
    const value = `${workers.filter((p) => p.ready).length}/${workers.length}`;
    record(`workers:${cluster}`, value, `${value} workers ready on ${cluster}`);
  }
  if (state.kind === 'new-cluster' && head?.ready && workers.every((p) => p.ready) && state.memory.podsReadyAt === undefined)
    state.memory.podsReadyAt = snap.at;
  trackPodIssues(t, cluster);
}

/** Pods not watched: the RayCluster's HeadPodReady condition still tells when the head is up. */
function trackHeadCondition(t: Tracking, cluster: string): void {
  const rc = (t.snap.rayClusters ?? []).find((c) => c.name === cluster);
  if (rc?.headReady === undefined) return;
  const record = baselineOr(t, t.state.kind === 'inplace');
  record(`head:${cluster}`, rc.headReady ? 'ready' : 'pending', rc.headReady ? `head pod ready on ${cluster}` : undefined);
  if (t.state.kind === 'new-cluster' && rc.headReady && t.state.memory.podsReadyAt === undefined) t.state.memory.podsReadyAt = t.snap.at;
}

/** `mark`, or on the first snapshot of a quiet rollout kind, only recording the value as the baseline. */
function baselineOr({ state, first, mark }: Tracking, quietKind: boolean): Mark {
  if (!first || !quietKind) return mark;
  return (topic, value) => {
    state.memory.marks[topic] = value;
  };
}

/** Pods that may need a human, grouped by trouble; ContainerCreating or PodInitializing are just slow. */
function trackPodIssues({ snap, mark }: Tracking, cluster: string): void {
  const issues = new Map<string, string[]>();
  for (const p of podsOf(snap, cluster)) {
    if (p.ready) continue;
    if (!isUnschedulable(p) && !(p.waiting && HOPELESS_WAITING.has(p.waiting.reason))) continue;
    const why = podTrouble(p);
    issues.set(why, [...(issues.get(why) ?? []), p.name]);
  }
  for (const [why, names] of issues) {
    mark(`issue:${cluster}:${why}`, 'seen', `${names.length === 1 ? `pod ${names[0]}` : `${names.length} pods`} of ${cluster}: ${clip(why)}`, true);
  }
}
