/**
 * The cluster-aware plan: the Git plan, corrected by what the cluster knows. Pure — facts in, plan out.
 *
 * - The head manifest is the object the API server would store (the dry run's answer: CRD defaults
 *   of the installed CRD, canonical quantities, fields kept from other managers).
 * - It is compared with what runs, as the operator compares it: the Serve config with the live
 *   RayService's, the cluster spec with the PENDING RayCluster when an upgrade is in progress, else
 *   the active one (`shouldPrepareNewCluster`, `shouldUpdateCluster`).
 * - The operator's release is the one that runs (its Deployment's image, else the clusters'
 *   `ray.io/kuberay-version`), not the input.
 * - Drift (live ≠ Git's base), a rollout in progress, an operator refresh and whether the new pods fit
 *   are reported per RayService.
 */
import { podResources } from '../../capacity/capacity.js';
import { resolveRelease, RELEASES, type KubeRayRelease } from '../../kuberay/releases.js';
import { storedSpec } from '../../kuberay/stored-spec.js';
import { comparisonBase, compareClusterSpecs, hashedView } from '../../kuberay/cluster-hash.js';
import { isDeepStrictEqual } from 'node:util';
import type { ManifestSet } from '../../manifests/load.js';
import type { RayServiceManifest } from '../../manifests/rayservice.js';
import type { PathSegment } from '../../manifests/yaml-documents.js';
import { checkFit } from '../../placement/fit.js';
import { nodeGroupsFrom, nodeStatesFrom, podShapesOf, quotaStatesFrom } from '../../placement/from-objects.js';
import type { FitDemand, FitResult } from '../../placement/types.js';
import { planService } from '../plan-service.js';
import { plan as gitPlan, releaseFor, settingsFor, shownVersion, type PlanOptions } from '../plan.js';
import type { FitView, Plan, PlanClusterContext, ServiceClusterView, ServicePlan, VersionSource } from '../types.js';
import { isPlainObject } from '../../util/objects.js';
import { driftOf, keptByApply } from './drift.js';
import { dryRunErrors } from './dry-run-errors.js';
import type { ClusterFacts, KubeObject, LiveService } from './facts.js';
import {
  compareVersions,
  KUBERAY_VERSION_ANNOTATION,
  normalizeVersion,
  operatorSettingsFrom,
  operatorVersion,
  type OperatorVersion,
} from './operator-version.js';

/** Plan from Git alone, saying why the cluster could not be read. */
export function gitOnlyPlan(base: ManifestSet, head: ManifestSet, options: PlanOptions, why: string): Plan {
  const p = gitPlan(base, head, options);
  return { ...p, cluster: { mode: 'git-only', notes: [why] } };
}

export function planWithCluster(base: ManifestSet, head: ManifestSet, facts: ClusterFacts, options: PlanOptions = {}): Plan {
  const notes = [...facts.notes];
  const liveClusters = [...facts.services.values()].flatMap((s) => [s.active, s.pending].filter((c): c is KubeObject => c !== undefined));
  const operator = operatorVersion(facts.operatorDeployments, liveClusters);
  const { release, source, shown } = chooseRelease(operator, options, notes);
  // The operator's own ENABLE_ZERO_DOWNTIME and feature gate, where its Deployment says, over the inputs.
  const deployed = operatorSettingsFrom(facts.operatorDeployments);
  if (deployed?.zeroDowntime !== undefined && deployed.zeroDowntime !== (options.zeroDowntime ?? true)) {
    notes.push(
      `The operator runs with ENABLE_ZERO_DOWNTIME=${deployed.zeroDowntime} (${deployed.detail}); the zero-downtime input says ${options.zeroDowntime ?? true}: the plan follows the operator.`,
    );
  }
  if (deployed?.incrementalGate !== undefined && options.incrementalGate !== undefined && deployed.incrementalGate !== options.incrementalGate) {
    notes.push(
      `The operator runs with the RayServiceIncrementalUpgrade gate ${deployed.incrementalGate ? 'on' : 'off'} (${deployed.detail}): the plan follows the operator.`,
    );
  }
  const settings = settingsFor(release, {
    ...options,
    ...(deployed?.zeroDowntime !== undefined ? { zeroDowntime: deployed.zeroDowntime } : {}),
    ...(deployed?.incrementalGate !== undefined ? { incrementalGate: deployed.incrementalGate } : {}),
  });

  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  const planned = ids.map((id) => planOne(id, base.get(id), head.get(id), facts, settings, operator));
  const fits = fitAll(planned, facts);
  const services = planned.map((p, i) => ({ ...p.plan, cluster: { ...p.view, fit: fits[i]! } }));

  const context: PlanClusterContext = {
    mode: 'live',
    server: facts.server,
    notes,
    ...(operator ? { operator: { version: operator.version, source: operator.source, detail: operator.detail } } : {}),
  };
  return { kuberayVersion: shown, kuberayVersionSource: source, cluster: context, services };
}

function chooseRelease(
  operator: OperatorVersion | undefined,
  options: PlanOptions,
  notes: string[],
): { release: KubeRayRelease; source: VersionSource; shown: string } {
  const fromInput = releaseFor(options.kuberayVersion);
  const inputShown = shownVersion(options.kuberayVersion, fromInput);
  if (!operator) {
    notes.push(
      `The operator's version could not be read from the cluster (no readable KubeRay Deployment, no RayCluster of these RayServices): the plan uses the kuberay-version input, ${inputShown}.`,
    );
    return { release: fromInput, source: 'input', shown: inputShown };
  }
  const newest = RELEASES[RELEASES.length - 1]!;
  let release = resolveRelease(operator.version);
  if (!release && compareVersions(operator.version, newest.version) > 0) {
    release = newest;
    notes.push(
      `KubeRay ${operator.version} runs (${operator.detail}), newer than the releases whose rules this tool knows: the plan uses ${newest.version}'s rules.`,
    );
  } else if (!release) {
    notes.push(
      `KubeRay ${operator.version} runs (${operator.detail}), older than any release this tool knows: the plan uses the kuberay-version input, ${inputShown}.`,
    );
    return { release: fromInput, source: 'input', shown: inputShown };
  }
  if (release.minor !== fromInput.minor) {
    notes.push(
      `KubeRay ${operator.version} runs in the cluster (${operator.detail}); the kuberay-version input says ${inputShown}: the plan follows the cluster.`,
    );
  }
  // Shown as the input would be written ("1.6.2", as in the Git-only plan); the operator's own spelling stays in cluster.operator.
  return { release, source: operator.source, shown: operator.version.replace(/^v/, '') };
}

interface Planned {
  readonly plan: ServicePlan;
  readonly view: Omit<ServiceClusterView, 'fit'>;
  /** The stored head cluster spec, for sizing the new pods. */
  readonly headCluster?: Record<string, unknown>;
  readonly live?: LiveService;
}

function planOne(
  id: string,
  gitBase: RayServiceManifest | undefined,
  gitHead: RayServiceManifest | undefined,
  facts: ClusterFacts,
  settings: Parameters<typeof planService>[2],
  operator: OperatorVersion | undefined,
): Planned {
  const release = settings.release;
  const live = facts.services.get(id);
  const dryRun = facts.dryRuns.get(id);
  const notes: string[] = [];
  const headLine = (m: RayServiceManifest) => (p: readonly PathSegment[]) => m.source.lineOf([...m.pathInDocument, ...p]);

  // The head as the API server would store it.
  let head = gitHead;
  let dryRunView: Pick<ServiceClusterView, 'dryRun' | 'dryRunErrors' | 'keptByApply'> = { dryRun: 'not-run', dryRunErrors: [], keptByApply: [] };
  if (gitHead && dryRun?.ok === true) {
    head = { ...gitHead, object: { ...gitHead.object, spec: dryRun.object.spec } };
    dryRunView = { dryRun: 'ok', dryRunErrors: [], keptByApply: keptByApply(gitHead.object.spec as Record<string, unknown>, dryRun.object, release.minor) };
    if (dryRunView.keptByApply.length) {
      notes.push(
        `The apply keeps ${dryRunView.keptByApply.length} field(s) that Git's head does not set, because another field manager owns them (${dryRunView.keptByApply.slice(0, 3).join(', ')}${dryRunView.keptByApply.length > 3 ? ', …' : ''}): the plan includes them, as the operator will see them.`,
      );
    }
    if (dryRun.conflict) notes.push(`The apply conflicts with another field manager unless forced (force-conflicts: true): ${dryRun.conflict}`);
  } else if (gitHead && dryRun?.ok === false) {
    dryRunView = { dryRun: 'refused', dryRunErrors: dryRunErrors(dryRun, headLine(gitHead)), keptByApply: [] };
  } else if (gitHead && dryRun?.ok === 'not-run') {
    notes.push(`No server-side dry run: ${dryRun.why}.`);
  }

  // What the operator compares with.
  const found = live?.rayService ?? undefined;
  let base: RayServiceManifest | undefined = gitBase;
  let comparedWith: string | undefined;
  let halted: string | undefined;
  const activeName = nonEmpty(found?.status?.activeServiceStatus?.rayClusterName);
  const pendingName = nonEmpty(found?.status?.pendingServiceStatus?.rayClusterName);
  if (found) {
    // Compared as the operator compares: the pending cluster if there is one, else the active one.
    // A pending name whose RayCluster does not exist yet is created from the RayService's own spec on
    // the operator's next pass: that spec is then the reference.
    const target = pendingName ? live!.pending : live!.active;
    const spec = { ...(found.spec ?? {}) } as Record<string, unknown>;
    const rsCluster = storedCluster(found.spec?.rayClusterConfig, release);
    if (target && isPlainObject(target.spec)) {
      const clusterSpec = storedCluster(target.spec, release);
      spec.rayClusterConfig = comparisonBase(clusterSpec, rsCluster, release);
      comparedWith = String(target.metadata?.name);
      if (!isDeepStrictEqual(hashedView(clusterSpec, release), hashedView(rsCluster, release))) {
        notes.push(
          `RayCluster ${comparedWith} runs a spec that differs from the RayService's in fields KubeRay hashes: a change the operator ignored (upgrade strategy None, or zero-downtime off), or an edit of the RayCluster itself. KubeRay compares with the hash it stored when it built the cluster; this plan assumes the cluster runs the spec it was built from — after a direct edit of the RayCluster, the operator sees no change where this plan does.`,
        );
      }
    } else if (pendingName) {
      comparedWith = pendingName;
    }
    // Git's metadata, never the live object's: annotations such as kubectl's last-applied-configuration
    // hold whole manifests (env values included), and other tools' labels are not this change's business.
    const shape = gitBase ?? gitHead!;
    base = { ...shape, object: { ...shape.object, spec } };
    if (!activeName && !pendingName) {
      // No cluster yet (the operator has not got to it, or refused the spec): with neither an active
      // nor a pending cluster, shouldPrepareNewCluster builds the first one from whatever spec it sees.
      base = undefined;
      notes.push('The RayService exists but has no RayCluster yet: the operator builds its first one from this spec.');
    }
    if (found.metadata?.deletionTimestamp) {
      halted = 'The RayService is being deleted in the cluster: the operator only cleans up, and the apply changes nothing until the deletion finishes.';
    } else if (conditionReason(found, 'Ready') === 'InitializingTimeout') {
      halted =
        'The RayService is in the terminal state InitializingTimeout (Ready=False): KubeRay no longer reconciles it, so this change is not applied. Delete and re-create the RayService to recover.';
    }
    if (conditionStatus(found, 'RollbackInProgress') === 'True') {
      notes.push(
        'A rollback is in progress (RollbackInProgress): KubeRay routes traffic back to the active cluster and prepares no new cluster until it has finished.',
      );
    }
  } else if (live && live.rayService === null && gitBase && gitHead) {
    notes.push("In Git's base but not in the cluster: the apply creates it (a new RayCluster, whatever the strategy).");
    base = undefined;
  } else if (!live) {
    notes.push("The live RayService could not be read: compared with Git's base only.");
  }

  const headCluster = head ? clusterOf(head, release) : undefined;
  const planned = planService(base, head, settings);
  const predicted: ServicePlan = halted
    ? {
        ...planned,
        change: 'ignored',
        reasons: [halted, ...planned.reasons.map((r) => `Otherwise: ${r}`)],
        changes: planned.changes.map((c) => ({ ...c, effect: c.effect === 'none' ? 'none' : 'ignored' })),
      }
    : incrementalRollback(planned, live, headCluster, release, notes);
  const fromGit = head === gitHead && base === gitBase ? predicted : planService(gitBase, gitHead, settings);

  if (found && pendingName) {
    const pending = live!.pending;
    notes.push(
      `A rollout is already in progress: pending RayCluster ${pendingName} is being prepared next to active ${activeName ?? '(none)'}; KubeRay compares this change with ${pendingName}${pending ? '' : ' (not readable: compared with the live RayService)'}.`,
    );
    if (predicted.change === 'cluster-inplace') {
      notes.push(
        `The appended worker groups are added to ${pendingName} in place (it keeps starting); ${activeName ?? 'the active cluster'} is not touched during the upgrade.`,
      );
    } else if (predicted.change === 'cluster' || (predicted.change === 'cluster-incremental' && !release.incrementalRollback)) {
      notes.push(
        `${pendingName} is abandoned: a new pending RayCluster replaces it, and ${pendingName} is deleted after rayClusterDeletionDelaySeconds (default 60 s) — three clusters can exist for that long.`,
      );
    } else if (predicted.change === 'none' || predicted.change === 'app') {
      notes.push(`${pendingName} already has this cluster spec: it keeps starting${predicted.change === 'app' ? ' and the new Serve config goes to it' : ''}.`);
    }
  }

  if (operator && live?.active) {
    const built = normalizeVersion(live.active.metadata?.annotations?.[KUBERAY_VERSION_ANNOTATION]);
    if (built && built !== operator.version) {
      notes.push(
        `The operator (${operator.version}, ${operator.detail}) is not the one that last wrote active RayCluster ${live.active.metadata?.name} (${built}): on its next reconcile${pendingName ? ' after the upgrade in progress' : ''} it rewrites that cluster in place with the RayService's spec, once. A cluster change that reaches the operator at that moment is applied in place (pods restarted, no blue/green).`,
      );
    }
  }

  const drift = found && gitBase ? driftOf(gitBase.object.spec as Record<string, unknown>, found, release.minor, headLine(gitBase)) : [];
  if (drift.length && gitHead) {
    const liveMatchesHead = driftOf(gitHead.object.spec as Record<string, unknown>, found!, release.minor, () => null).length === 0;
    if (liveMatchesHead) notes.push("The live RayService already matches Git's head: this change was applied outside this pull request.");
  }

  return {
    plan: predicted,
    live,
    ...(headCluster ? { headCluster } : {}),
    view: {
      live: found ? 'found' : live ? 'absent' : 'unknown',
      ...(activeName ? { activeCluster: activeName } : {}),
      ...(pendingName ? { pendingCluster: pendingName } : {}),
      ...(comparedWith ? { comparedWith } : {}),
      ...(fromGit.change !== predicted.change ? { gitOnlyChange: fromGit.change } : {}),
      drift,
      ...dryRunView,
      notes,
    },
  };
}

function clusterOf(m: RayServiceManifest, release: KubeRayRelease): Record<string, unknown> | undefined {
  try {
    const spec = storedSpec(m.object.spec, release.minor);
    return isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : undefined;
  } catch {
    return undefined; // the planner already refused it with file and line
  }
}

/** Places every rollout's new pods, in plan order, onto what the cluster has free. */
function fitAll(planned: readonly Planned[], facts: ClusterFacts): FitView[] {
  const unknown = (why: string): FitView => ({ verdict: 'unknown', summary: why, pods: 0, problems: [], scaleUp: [] });
  if (!facts.nodes || !facts.pods) {
    const why = `Not checked: ${!facts.nodes ? 'nodes' : 'pods'} could not be read (see the notes).`;
    return planned.map(() => unknown(why));
  }
  const demands: FitDemand[] = planned.map((p) => demandOf(p, facts.pods!));
  // Node groups only where a cluster-autoscaler publishes its status; otherwise nobody is known to add nodes.
  const nodeGroups = facts.autoscalerStatus ? nodeGroupsFrom(facts.autoscalerStatus, facts.nodes as KubeObject[]) : undefined;
  const results = checkFit({
    nodes: nodeStatesFrom(facts.nodes as KubeObject[], facts.pods as KubeObject[]),
    quotas: quotaStatesFrom((facts.quotas ?? []) as KubeObject[]),
    ...(nodeGroups ? { nodeGroups } : {}),
    demands,
  });
  // Node groups with room to grow but no node to copy (scale from zero, the usual GPU pool): the
  // autoscaler may well make room, but their nodes' shape is unknown. Not a misfit, then: unknown.
  const blind = (nodeGroups ?? []).filter((g) => g.currentSize < g.maxSize && !g.nodeNames.some((n) => facts.nodes!.some((o) => o.metadata?.name === n)));
  return results.map((r) => {
    const view = fitView(r, facts);
    if (view.verdict !== 'does-not-fit' || r.shortfalls.length === 0 || r.quota.length > 0 || blind.length === 0) return view;
    const groups = blind.map((g) => `${g.name} (${g.currentSize} of at most ${g.maxSize} nodes)`).join(', ');
    return {
      ...view,
      verdict: 'unknown',
      summary: `Does not fit on the current nodes, but the cluster autoscaler may add nodes to ${groups}; none of their nodes exists to tell whether they would match. ${view.summary}`,
    };
  });
}

function demandOf(p: Planned, pods: readonly KubeObject[]): FitDemand {
  const { namespace, name, change } = p.plan;
  const id = `${namespace}/${name}`;
  const cluster = p.headCluster;
  if (!cluster) return { id, namespace, pods: [] };
  switch (change) {
    case 'create':
    case 'cluster':
    case 'cluster-incremental': {
      const shapes = podShapesOf(cluster, change === 'cluster-incremental' ? { atMinReplicas: true } : {});
      // A pending cluster that this change abandons is deleted: its pods make room (after the deletion delay).
      const replaced = change !== 'create' ? p.live?.pending?.metadata?.name : undefined;
      const frees = replaced
        ? pods
            .filter((pod) => pod.metadata?.namespace === namespace && pod.metadata?.labels?.['ray.io/cluster'] === replaced && pod.spec?.nodeName)
            .map((pod) => ({ node: String(pod.spec.nodeName), requests: podResources(pod.spec ?? {}) }))
        : [];
      return { id, namespace, pods: shapes, ...(frees.length ? { frees } : {}) };
    }
    case 'cluster-inplace': {
      // A suspended cluster resumed in place (the 1.5.2/1.6.1/1.6.2 toggle rule) starts all its pods.
      const running = p.live?.pending ?? p.live?.active;
      if (running?.spec?.suspend === true && cluster.suspend !== true) return { id, namespace, pods: podShapesOf(cluster) };
      const appended = p.plan.changes.filter((c) => c.effect === 'cluster-inplace' && c.note?.startsWith('appended worker group')).map((c) => c.path);
      const groups = (Array.isArray(cluster.workerGroupSpecs) ? cluster.workerGroupSpecs : []) as Record<string, unknown>[];
      const names = groups
        .filter((_, i) => {
          const at = `spec.rayClusterConfig.workerGroupSpecs[${i}]`;
          return appended.some((path) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`));
        })
        .map((g) => String(g.groupName ?? ''));
      return { id, namespace, pods: names.length ? podShapesOf(cluster, { onlyGroups: names }) : [] };
    }
    default:
      return { id, namespace, pods: [] };
  }
}

function fitView(r: FitResult, facts: ClusterFacts): FitView {
  const problems = [...r.shortfalls.map((s) => `${s.message} (kube-scheduler would say: ${s.scheduler})`), ...r.quota.map((q) => q.message)];
  if (facts.quotas === undefined && r.pods > 0) problems.push('ResourceQuotas could not be read: quota not checked.');
  return { verdict: r.verdict, summary: r.summary, pods: r.pods, problems, scaleUp: r.scaleUp.map((s) => ({ ...s })) };
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function storedCluster(rayClusterConfig: unknown, release: KubeRayRelease): Record<string, unknown> {
  try {
    const spec = storedSpec({ rayClusterConfig: rayClusterConfig ?? {} }, release.minor);
    return isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
  } catch {
    return isPlainObject(rayClusterConfig) ? rayClusterConfig : {};
  }
}

function conditionOf(o: KubeObject, type: string): KubeObject | undefined {
  return ((o.status?.conditions ?? []) as KubeObject[]).find((c) => c.type === type);
}
const conditionReason = (o: KubeObject, type: string): string | undefined => conditionOf(o, type)?.reason;
const conditionStatus = (o: KubeObject, type: string): string | undefined => conditionOf(o, type)?.status;

/**
 * KubeRay 1.6+: during an incremental upgrade, a goal that differs from the pending cluster starts a
 * rollback first (`reconcileRollbackState`: RollbackInProgress, traffic back to the active cluster,
 * the pending one removed); a new cluster is prepared only after that, and only if the goal differs
 * from the active cluster. A revert to the active spec therefore builds nothing.
 */
function incrementalRollback(
  p: ServicePlan,
  live: LiveService | undefined,
  headCluster: Record<string, unknown> | undefined,
  release: KubeRayRelease,
  notes: string[],
): ServicePlan {
  if (p.change !== 'cluster-incremental' || !live?.pending || !live.active || !release.incrementalRollback || !headCluster) return p;
  const pendingName = String(live.pending.metadata?.name);
  const activeName = String(live.active.metadata?.name);
  const active = comparisonBase(storedCluster(live.active.spec, release), storedCluster(live.rayService?.spec?.rayClusterConfig, release), release);
  if (compareClusterSpecs(active, headCluster, release).kind === 'equal') {
    return {
      ...p,
      change: 'none',
      reasons: [
        `A revert to what ${activeName} runs, in the middle of an incremental upgrade: KubeRay ${release.version} rolls traffic back to ${activeName} (RollbackInProgress) and removes ${pendingName}; no new RayCluster is built.`,
        ...p.reasons.map((r) => `Without the rollback: ${r}`),
      ],
    };
  }
  notes.push(
    `KubeRay ${release.version} does not replace ${pendingName} right away: the goal differs from it, so it first rolls traffic back to ${activeName} (RollbackInProgress) and removes ${pendingName}; only then does it build the new RayCluster.`,
  );
  return p;
}
