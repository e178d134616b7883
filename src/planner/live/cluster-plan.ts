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
 *
 * Each step is a sibling module: head-as-stored, compare-with-live, rollout-in-progress, fit-all.
 */
import { type KubeRayRelease, RELEASES, resolveRelease } from '../../kuberay/releases.js';
import { storedSpec } from '../../kuberay/stored-spec.js';
import type { ManifestSet } from '../../manifests/load.js';
import type { RayServiceManifest } from '../../manifests/rayservice.js';
import { isPlainObject } from '../../util/objects.js';
import { withManifestFacts } from '../manifest-facts.js';
import { isRemovedFromGit, pruneDecision } from '../prune.js';
import { DEFAULTS } from '../../settings/defaults.js';
import { type PlanSettings, planService, sizingOf } from '../plan-service.js';
import { plan as gitPlan, type PlanOptions, releaseFor, settingsFor, shownVersion } from '../plan.js';
import { type Drift, type Note, type Plan, type PlanClusterContext, note, type ServiceClusterView, type ServicePlan, type VersionSource } from '../types.js';
import { compareWithLive, type ComparisonTarget } from './compare-with-live.js';
import { driftOf } from './drift.js';
import type { ClusterFacts, KubeObject, LiveService } from './facts.js';
import { type FitInput, fitAll } from './fit-all.js';
import { headAsStored, lineInManifest, type StoredHead } from './head-as-stored.js';
import { withReplicaReset } from './replica-reset.js';
import { type FeatureGate, type FeatureGateSettings, gateDefault, settledGates } from '../../kuberay/feature-gates.js';
import { compareVersions, type OperatorDeploymentSettings, operatorSettingsFrom, operatorVersion, type OperatorVersion } from './operator-version.js';
import { haltedPlan, incrementalRollback, operatorRefreshNotes, upgradeInProgressNotes } from './rollout-in-progress.js';

/** Plan from Git alone, with what stopped the cluster read (`cluster.unreachable`: the error's message). */
export function gitOnlyPlan(base: ManifestSet, head: ManifestSet, options: PlanOptions, error: string): Plan {
  const p = gitPlan(base, head, options);
  return { ...p, cluster: { mode: 'git-only', notes: [note('cluster.unreachable', { error })] } };
}

/** `fieldManager`: whose RayServices prune may delete (the apply's field manager). */
export type ClusterPlanOptions = PlanOptions & { readonly fieldManager?: string };

export function planWithCluster(base: ManifestSet, head: ManifestSet, facts: ClusterFacts, options: ClusterPlanOptions = {}): Plan {
  const notes = [...facts.notes];
  const liveClusters = [...facts.services.values()].flatMap((s) => [s.active, s.pending].filter((c): c is KubeObject => c !== undefined));
  const operator = operatorVersion(facts.operatorDeployments, liveClusters);
  const { release, source, shown } = chooseRelease(operator, options, notes);
  const settings = settingsTheOperatorRuns(release, facts, options, notes);

  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  const pruneBy = options.prune ? (options.fieldManager ?? DEFAULTS.fieldManager) : undefined;
  const planned = ids.map((id) => planOne(id, base.get(id), head.get(id), facts, settings, operator, pruneBy));
  const fits = fitAll(planned, facts, sizingOf(settings));
  const services = planned.map((p, i) => ({ ...p.plan, cluster: { ...p.view, fit: fits[i]! } }));

  const context: PlanClusterContext = {
    mode: 'live',
    server: facts.server,
    notes,
    ...(operator ? { operator: { version: operator.version, source: operator.source, detail: operator.detail } } : {}),
  };
  return { kuberayVersion: shown, kuberayVersionSource: source, cluster: context, services };
}

/**
 * The operator's own ENABLE_ZERO_DOWNTIME, ENABLE_INIT_CONTAINER_INJECTION and feature gates, where
 * its Deployment says, over the inputs. Read from the Deployment, every gate is settled: a gate its
 * `--feature-gates` leaves out runs at the release's default.
 */
function settingsTheOperatorRuns(release: KubeRayRelease, facts: ClusterFacts, options: PlanOptions, notes: Note[]): PlanSettings {
  const deployed = operatorSettingsFrom(facts.operatorDeployments);
  if (!deployed) return settingsFor(release, options);
  const gates = settledGates(release, deployed.featureGates);
  notes.push(...gateNotes(release, deployed, gates, options));
  if (deployed.initContainerInjection === false) {
    notes.push(note('operator.no-init-container', { detail: deployed.detail }));
  }
  if (deployed.zeroDowntime !== undefined && deployed.zeroDowntime !== (options.zeroDowntime ?? true)) {
    notes.push(note('operator.zero-downtime', { operator: deployed.zeroDowntime, input: options.zeroDowntime ?? true, detail: deployed.detail }));
  }
  const incrementalGate = gates.RayServiceIncrementalUpgrade;
  return {
    ...settingsFor(release, {
      ...options,
      ...(deployed.zeroDowntime !== undefined ? { zeroDowntime: deployed.zeroDowntime } : {}),
      ...(incrementalGate !== undefined ? { incrementalGate } : {}),
    }),
    featureGates: gates,
    ...(deployed.initContainerInjection !== undefined ? { initContainerInjection: deployed.initContainerInjection } : {}),
  };
}

/** A gate the operator runs away from the release's default, or from the gate input: the plan follows the operator. */
function gateNotes(release: KubeRayRelease, deployed: OperatorDeploymentSettings, gates: FeatureGateSettings, options: PlanOptions): Note[] {
  const out: Note[] = [];
  for (const [gate, on] of Object.entries(gates) as [FeatureGate, boolean][]) {
    const set = deployed.featureGates[gate];
    const input = gate === 'RayServiceIncrementalUpgrade' ? options.incrementalGate : undefined;
    const offDefault = set !== undefined && set !== gateDefault(release, gate);
    if (!offDefault && (input === undefined || input === on)) continue;
    const against = input !== undefined && input !== on ? { input } : {};
    out.push(note('operator.feature-gate', { gate, on, detail: deployed.detail, setByFlag: set !== undefined, ...against, version: release.version }));
  }
  return out;
}

function chooseRelease(
  operator: OperatorVersion | undefined,
  options: PlanOptions,
  notes: Note[],
): { release: KubeRayRelease; source: VersionSource; shown: string } {
  const fromInput = releaseFor(options.kuberayVersion);
  const inputShown = shownVersion(options.kuberayVersion, fromInput);
  if (!operator) {
    notes.push(note('operator.version-unknown', { input: inputShown }));
    return { release: fromInput, source: 'input', shown: inputShown };
  }
  const newest = RELEASES[RELEASES.length - 1]!;
  const running = { version: operator.version, detail: operator.detail };
  let release = resolveRelease(operator.version);
  if (!release && compareVersions(operator.version, newest.version) > 0) {
    release = newest;
    notes.push(note('operator.newer-than-known', { ...running, uses: newest.version }));
  } else if (!release) {
    notes.push(note('operator.older-than-known', { ...running, input: inputShown }));
    return { release: fromInput, source: 'input', shown: inputShown };
  }
  if (release.minor !== fromInput.minor) {
    notes.push(note('operator.version-differs', { ...running, input: inputShown }));
  }
  // Shown as the input would be written ("1.6.2", as in the Git-only plan); the operator's own spelling stays in cluster.operator.
  return { release, source: operator.source, shown: operator.version.replace(/^v/, '') };
}

interface Planned extends FitInput {
  readonly view: Omit<ServiceClusterView, 'fit'>;
}

/**
 * One RayService against the cluster: the head as the API server stores it, compared with what the
 * operator compares it with, in the state the RayService is in; notes say what the cluster changed.
 */
function planOne(
  id: string,
  gitBase: RayServiceManifest | undefined,
  gitHead: RayServiceManifest | undefined,
  facts: ClusterFacts,
  settings: PlanSettings,
  operator: OperatorVersion | undefined,
  pruneBy: string | undefined,
): Planned {
  const release = settings.release;
  const live = facts.services.get(id);
  const notes: Note[] = [];
  const stored = headAsStored(gitHead, facts.dryRuns.get(id), release, notes);
  const target = compareWithLive(gitBase, gitHead, live, release, notes);
  const headCluster = stored.head ? clusterOf(stored.head, release) : undefined;
  const planned = planService(target.base, stored.head, settings);
  const rolled = target.halted ? haltedPlan(planned, target.halted) : incrementalRollback(planned, live, headCluster, release, notes);
  const predicted = withReplicaReset(rolled, live, headCluster, sizingOf(settings), notes);
  const unchangedByCluster = stored.head === gitHead && target.base === gitBase;
  const fromGit = unchangedByCluster ? predicted : planService(gitBase, gitHead, settings);
  notes.push(...upgradeInProgressNotes(target, live, predicted.change, release));
  notes.push(...operatorRefreshNotes(operator, live, target.pendingName));
  const drift = driftFromGitBase(gitBase, gitHead, target, release, notes);
  return {
    plan: withPruneFacts(withManifestFacts(predicted, gitBase, gitHead), live, pruneBy, notes),
    live,
    ...(headCluster ? { headCluster } : {}),
    view: clusterView(live, target, stored, fromGit.change !== predicted.change ? fromGit.change : undefined, drift, notes),
  };
}

/**
 * Prune deletes only what our field manager applied: the live object tells the comment whether
 * merging deletes this RayService or leaves it running (unread: apply decides, as planned).
 */
function withPruneFacts(p: ServicePlan, live: LiveService | undefined, pruneBy: string | undefined, notes: Note[]): ServicePlan {
  if (!pruneBy || !isRemovedFromGit(p) || !live) return p;
  const decision = pruneDecision(live.rayService, pruneBy);
  if (decision.action === 'gone') notes.push(note('prune.gone'));
  if (decision.action !== 'skip') return p;
  notes.push(note('prune.not-ours', decision.whose));
  return { ...p, removal: 'not-ours' };
}

/** Where the live RayService differs from Git's base; a live object that already matches the head is said so. */
function driftFromGitBase(
  gitBase: RayServiceManifest | undefined,
  gitHead: RayServiceManifest | undefined,
  target: ComparisonTarget,
  release: KubeRayRelease,
  notes: Note[],
): Drift[] {
  const found = target.found;
  if (!found || !gitBase) return [];
  const drift = driftOf(gitBase.object.spec as Record<string, unknown>, found, release.minor, lineInManifest(gitBase));
  if (drift.length && gitHead) {
    const liveMatchesHead = driftOf(gitHead.object.spec as Record<string, unknown>, found, release.minor, () => null).length === 0;
    if (liveMatchesHead) notes.push(note('live.matches-head'));
  }
  return drift;
}

function clusterView(
  live: LiveService | undefined,
  target: ComparisonTarget,
  stored: StoredHead,
  gitOnlyChange: ServicePlan['change'] | undefined,
  drift: Drift[],
  notes: Note[],
): Omit<ServiceClusterView, 'fit'> {
  const { activeName, pendingName, comparedWith } = target;
  return {
    live: target.found ? 'found' : live ? 'absent' : 'unknown',
    ...(activeName ? { activeCluster: activeName } : {}),
    ...(pendingName ? { pendingCluster: pendingName } : {}),
    ...(comparedWith ? { comparedWith } : {}),
    ...(gitOnlyChange ? { gitOnlyChange } : {}),
    drift,
    ...stored.dryRunView,
    notes,
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
