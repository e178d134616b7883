/**
 * The completion predicates, one per kind of rollout, written as the list of clauses that do
 * not hold yet: done ⇔ the list is empty, and on a timeout the list is the diagnosis' "missing".
 *
 * G = the applied generation, A = the active cluster before the apply, P = the pending cluster.
 */
import { activeName, appProblems, clusterExists, condition, conditionText, observedGeneration, pendingName, podsOf, podTrouble } from './observed.js';
import { appPredates, excusedPod } from './health.js';
import type { Memory, PodView, RayServiceView, ResolvedTarget, RolloutState, Snapshot } from './types.js';

/** The clauses of the completion predicate of the state's kind that do not hold at `now`. */
export function unmet(state: RolloutState, now: number): string[] {
  const { kind, target, memory, last: snap } = state;
  if (kind === 'nothing') return [];
  if (kind === 'delete') return deletionClauses(snap);
  const rs = snap?.rayService;
  if (snap === undefined || rs === undefined) return ['no status of the RayService observed yet'];
  if (rs === null) return ['the RayService does not exist'];
  const missing = generationClause(rs, target);
  if (kind === 'new-cluster') missing.push(...newClusterClauses(state, snap, rs));
  else missing.push(...inPlaceClauses(kind, target, memory, snap, rs));
  missing.push(...readyClause(rs));
  if ((kind === 'app' || kind === 'inplace') && !settled(state, now)) {
    missing.push(
      memory.firstObservedAt === undefined
        ? 'the Serve status has not been observed at the new generation yet'
        : 'the Serve status has not settled yet (the first status after a Serve change can still show the old applications)',
    );
  }
  return missing;
}

/** A deletion is done when the RayService is gone (its finalizer waits for the RayClusters). */
function deletionClauses(snap: Snapshot | undefined): string[] {
  const rs = snap?.rayService;
  if (rs === null) return [];
  if (rs === undefined) return ['the RayService has not been observed yet'];
  const left = (snap?.rayClusters ?? []).map((c) => c.name);
  return [
    rs.deleting
      ? `the RayService is being deleted: its finalizer waits for ${left.length > 0 ? `RayClusters ${left.join(', ')}` : 'its RayClusters'} to go`
      : 'the RayService still exists',
  ];
}

/**
 * The operator reads the Serve status before it submits a new config, so the first status written
 * at generation G can show the old applications RUNNING. It is trusted after the settle window
 * (a few 2 s reconcile passes) or once the status changed after an UpdatedServeApplications event.
 */
export function settled({ target, memory }: Pick<RolloutState, 'target' | 'memory'>, now: number): boolean {
  if (memory.firstObservedAt === undefined) return false;
  return memory.settledByEvent || now - memory.firstObservedAt >= target.settleMs;
}

function generationClause(rs: RayServiceView, target: ResolvedTarget): string[] {
  const observed = observedGeneration(rs);
  return observed >= target.generation
    ? []
    : [`the operator has not observed generation ${target.generation} yet (status.observedGeneration ${rs.observedGeneration ?? 'unset'})`];
}

function readyClause(rs: RayServiceView): string[] {
  const ready = condition(rs, 'Ready');
  if (ready?.status === 'True') return [];
  return [ready ? `not ready: ${conditionText(ready)}` : 'no Ready condition yet'];
}

function newClusterClauses({ target, memory }: RolloutState, snap: Snapshot, rs: RayServiceView): string[] {
  const A = target.activeBefore;
  const active = activeName(rs);
  const pending = pendingName(rs);
  const out: string[] = [];
  const switched = active !== undefined && active !== A && !memory.abandoned.includes(active);
  if (!switched) {
    out.push(
      A === undefined
        ? `no active cluster yet${active ? ` (${active} was replaced)` : ''}`
        : `traffic not switched: the active cluster is still ${active ?? 'none'}`,
    );
    if (pending !== undefined) {
      out.push(...clusterPodClauses(snap, pending, 'pending cluster', (p) => excusedPod(target, p)));
      out.push(...appProblems(rs.pendingServiceStatus, target.serveApps, `pending cluster ${pending}`));
    } else if (observedGeneration(rs) >= target.generation) {
      out.push('no pending cluster: the operator has not prepared a new cluster');
    }
  } else {
    if (pending !== undefined) out.push(`a pending cluster ${pending} is still listed`);
    out.push(...appProblems(rs.activeServiceStatus, target.serveApps, `active cluster ${active}`));
  }
  const upgrading = condition(rs, 'UpgradeInProgress');
  if (upgrading?.status === 'True') out.push(`still upgrading: ${conditionText(upgrading)}`);
  if (target.waitForOldClusterDeletion && A !== undefined && switched && snap.rayClusters !== undefined && clusterExists(snap, A)) {
    out.push(`the old cluster ${A} is not deleted yet`);
  }
  return out;
}

function inPlaceClauses(kind: 'app' | 'inplace', target: ResolvedTarget, memory: Memory, snap: Snapshot, rs: RayServiceView): string[] {
  const A = target.activeBefore;
  const active = activeName(rs);
  const pending = pendingName(rs);
  const out: string[] = [];
  if (pending !== undefined) out.push(`a pending cluster ${pending} exists`);
  if (active !== A) out.push(`the active cluster is ${active ?? 'none'}, not ${A ?? 'none'}`);
  if (kind === 'inplace' && A !== undefined) out.push(...inPlaceClusterClauses(target, snap, A));
  // A failing application that predates the change and that it did not touch does not hold it up.
  if (active !== undefined)
    out.push(...appProblems(rs.activeServiceStatus, target.serveApps, `cluster ${active}`, (app) => appPredates(target, memory, active, app)));
  return out;
}

/**
 * The updated cluster's pods all ready, and its RayCluster at its new spec with its desired workers
 * ready; pods older than the change that cannot run (a GPU worker that was already Pending) are
 * not the change's to fix: they are left out, of the pods and of the desired count.
 */
function inPlaceClusterClauses(target: ResolvedTarget, snap: Snapshot, A: string): string[] {
  const predates = (p: PodView) => excusedPod(target, p);
  const out = clusterPodClauses(snap, A, 'cluster', predates);
  const excused = podsOf(snap, A).filter((p) => p.nodeType === 'worker' && !p.ready && predates(p)).length;
  const rc = (snap.rayClusters ?? []).find((c) => c.name === A);
  if (rc && rc.generation !== undefined && rc.observedGeneration !== undefined && rc.observedGeneration < rc.generation) {
    out.push(`RayCluster ${A} has not observed its updated spec yet (generation ${rc.generation}, observed ${rc.observedGeneration})`);
  } else if (rc?.desiredWorkerReplicas !== undefined && rc.readyWorkerReplicas !== undefined && rc.readyWorkerReplicas + excused < rc.desiredWorkerReplicas) {
    out.push(`RayCluster ${A}: ${rc.readyWorkerReplicas}/${rc.desiredWorkerReplicas} desired workers ready`);
  }
  return out;
}

/** Head and worker pods of one cluster, as far as the snapshot lists pods; `excused` pods that are not ready do not count. */
function clusterPodClauses(snap: Snapshot, cluster: string, what: string, excused: (p: PodView) => boolean = () => false): string[] {
  if (snap.pods === undefined) {
    const rc = (snap.rayClusters ?? []).find((c) => c.name === cluster);
    return rc?.headReady === false ? [`${what} ${cluster}: head pod not ready (RayCluster HeadPodReady is not True)`] : [];
  }
  const all = podsOf(snap, cluster);
  const pods = all.filter((p) => p.ready || !excused(p));
  const head = pods.find((p) => p.nodeType === 'head');
  const out: string[] = [];
  if (!all.some((p) => p.nodeType === 'head')) out.push(`${what} ${cluster}: no head pod yet`);
  else if (head && !head.ready) out.push(`${what} ${cluster}: head pod ${head.name} not ready (${podTrouble(head)})`);
  const workers = pods.filter((p) => p.nodeType === 'worker');
  const notReady = workers.filter((p) => !p.ready);
  if (notReady.length > 0) {
    // Group by trouble: a hundred workers waiting for the same GPUs make one clause.
    const byTrouble = new Map<string, string[]>();
    for (const p of notReady) byTrouble.set(podTrouble(p), [...(byTrouble.get(podTrouble(p)) ?? []), p.name]);
    const why = [...byTrouble].map(
      ([trouble, names]) => `${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')}: ${trouble}`,
    );
    out.push(`${what} ${cluster}: ${workers.length - notReady.length}/${workers.length} workers ready (${why.join('; ')})`);
  }
  return out;
}
