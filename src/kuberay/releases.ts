/**
 * What each KubeRay release does with a RayService change: the facts the planner depends on,
 * one row per release, read from the operator's source (ray-operator/, see docs/kuberay-rules.md).
 * Every version-dependent rule of the product is a field here, so a new release is one new row.
 */
import type { FeatureGate } from './feature-gates.js';

export interface KubeRayRelease {
  /** Full release, e.g. "1.7.0". */
  readonly version: string;
  /** Minor line, e.g. "1.7". */
  readonly minor: string;
  /** Fields muted before the cluster-spec hash (GenerateHashWithoutReplicasAndWorkersToDelete). */
  readonly hashBlanks: {
    /** Head and worker template.spec.tolerations and .schedulingGates (for Kueue and friends). */
    readonly tolerationsAndSchedulingGates: boolean;
    /** rayClusterConfig.upgradeStrategy (the RayCluster-level one). */
    readonly clusterUpgradeStrategy: boolean;
    /** rayClusterConfig.suspend. */
    readonly suspend: boolean;
  };
  /**
   * shouldUpdateCluster applies a `rayClusterConfig.suspend` toggle to the active RayCluster in
   * place, before any hash check, replacing its whole spec (kuberay#4686/#4739): 1.5.2, 1.6.1, 1.6.2.
   */
  readonly suspendToggleInPlace: boolean;
  /** The RayService-level `spec.suspend` (deletes the clusters while true). */
  readonly rayServiceSuspend: boolean;
  /** `spec.managedBy` set to an external controller makes the operator skip the RayService. */
  readonly rayServiceManagedBy: boolean;
  /** The RayCluster controller refuses RayService-owned clusters that set rayClusterConfig.upgradeStrategy. */
  readonly rejectsClusterUpgradeStrategy: boolean;
  /** NewClusterWithIncrementalUpgrade exists, and the default of its feature gate. */
  readonly incrementalUpgrade: 'unsupported' | 'gate-off-by-default' | 'gate-on-by-default';
  /** When Serve config and cluster change together, the old cluster gets the new Serve config too (kuberay#3423). */
  readonly serveConfigAlsoToOldCluster: boolean;
  /** RayService annotations the operator reads. */
  readonly meaningfulAnnotations: readonly string[];
  /** How the operator counts Serve endpoints. */
  readonly serveEndpointsFrom: 'Endpoints' | 'EndpointSlice';
  /**
   * During an incremental upgrade, a goal that differs from the pending cluster first rolls traffic
   * back to the active one (`reconcileRollbackState`, RollbackInProgress) before any new cluster.
   */
  readonly incrementalRollback: boolean;
  /**
   * How a RayService that fails validation shows it: 'event' is the Warning event
   * InvalidRayServiceSpec only; 'event-and-condition' also sets Ready=False with reason ValidationFailed.
   */
  readonly validationFailureReported: 'event' | 'event-and-condition';
  /**
   * Defaults of the feature gates that change what the operator accepts (pkg/features/features.go,
   * defaultFeatureGates); a gate the release does not have is absent (features.Enabled is false).
   * The validation rules themselves are in validation/, each with its release range.
   */
  readonly featureGateDefaults: Readonly<Partial<Record<FeatureGate, boolean>>>;
}
const baseAnnotations = ['ray.io/ft-enabled', 'ray.io/external-storage-namespace', 'ray.io/enable-serve-service'];

function release(version: string, r: Omit<KubeRayRelease, 'version' | 'minor'>): KubeRayRelease {
  return { ...r, version, minor: version.split('.').slice(0, 2).join('.') };
}

const v13 = release('1.3.2', {
  hashBlanks: { tolerationsAndSchedulingGates: false, clusterUpgradeStrategy: false, suspend: false },
  suspendToggleInPlace: false,
  rayServiceSuspend: false,
  rayServiceManagedBy: false,
  rejectsClusterUpgradeStrategy: false,
  incrementalUpgrade: 'unsupported',
  serveConfigAlsoToOldCluster: true,
  meaningfulAnnotations: baseAnnotations,
  serveEndpointsFrom: 'Endpoints',
  incrementalRollback: false,
  validationFailureReported: 'event',
  featureGateDefaults: { RayJobDeletionPolicy: false },
});
const v14 = release('1.4.2', { ...v13, serveConfigAlsoToOldCluster: false });
const v150 = release('1.5.0', {
  ...v14,
  incrementalUpgrade: 'gate-off-by-default',
  featureGateDefaults: { RayJobDeletionPolicy: false, RayServiceIncrementalUpgrade: false },
  meaningfulAnnotations: [...baseAnnotations, 'ray.io/initializing-timeout'],
});
const v151 = release('1.5.1', v150);
const v152 = release('1.5.2', { ...v150, hashBlanks: { ...v150.hashBlanks, tolerationsAndSchedulingGates: true }, suspendToggleInPlace: true });
// 1.6.0 was cut without the suspend-toggle rule of 1.5.2; 1.6.1 brought it back.
const v160 = release('1.6.0', {
  ...v152,
  hashBlanks: { tolerationsAndSchedulingGates: true, clusterUpgradeStrategy: true, suspend: false },
  suspendToggleInPlace: false,
  rayServiceManagedBy: true,
  rejectsClusterUpgradeStrategy: true,
  serveEndpointsFrom: 'EndpointSlice',
  incrementalRollback: true,
  validationFailureReported: 'event-and-condition',
  // RayJobDeletionPolicy went beta (on) in 1.6.0: suspended worker groups pass validation.
  featureGateDefaults: { RayJobDeletionPolicy: true, RayServiceIncrementalUpgrade: false },
});
const v161 = release('1.6.1', { ...v160, suspendToggleInPlace: true });
const v162 = release('1.6.2', v161);
// 1.7.0 mutes suspend in the hash and keeps the running cluster's suspend on in-place updates:
// a rayClusterConfig.suspend change never reaches an existing cluster.
const v170 = release('1.7.0', {
  ...v162,
  hashBlanks: { tolerationsAndSchedulingGates: true, clusterUpgradeStrategy: true, suspend: true },
  suspendToggleInPlace: false,
  rayServiceSuspend: true,
  incrementalUpgrade: 'gate-on-by-default',
  featureGateDefaults: {
    RayJobDeletionPolicy: true,
    RayServiceIncrementalUpgrade: true,
    RayClusterNetworkPolicy: false,
    GCSFaultToleranceEmbeddedStorage: false,
    RayClusterMTLS: false,
    RayClusterHistoryServer: false,
  },
});

/** Every supported release, oldest first. */
export const RELEASES: readonly KubeRayRelease[] = [v13, v14, v150, v151, v152, v160, v161, v162, v170];

export const DEFAULT_KUBERAY_VERSION = '1.7';

/**
 * "1.7" → the newest patch of that line; "1.5.1" → exactly that; "v1.6.2" accepted too.
 * Returns undefined for an unsupported version.
 */
export function resolveRelease(input: string): KubeRayRelease | undefined {
  const v = input.trim().replace(/^v/, '');
  const exact = RELEASES.find((r) => r.version === v);
  if (exact) return exact;
  if (/^\d+\.\d+$/.test(v)) return [...RELEASES].reverse().find((r) => r.minor === v);
  // An unknown patch of a known line (e.g. 1.6.5) behaves like the newest patch we know.
  const m = /^(\d+\.\d+)\.\d+$/.exec(v);
  if (m) return [...RELEASES].reverse().find((r) => r.minor === m[1]);
  return undefined;
}

export function supportedVersionsText(): string {
  return [...new Set(RELEASES.map((r) => r.minor))].join(', ');
}
