/**
 * The operator's feature gates that change what it accepts or builds, with each release's default
 * (`pkg/features/features.go`, defaultFeatureGates). A gate set on the running operator
 * (`--feature-gates=…` on its Deployment) overrides the default; a Git-only plan cannot know it and
 * says so wherever a verdict depends on it.
 */
import type { KubeRayRelease } from './releases.js';

export type FeatureGate =
  | 'RayJobDeletionPolicy'
  | 'RayServiceIncrementalUpgrade'
  | 'RayClusterNetworkPolicy'
  | 'GCSFaultToleranceEmbeddedStorage'
  | 'RayClusterMTLS'
  | 'RayClusterHistoryServer';

/** Gates explicitly set on the operator (its `--feature-gates`); absent: the release's default. */
export type FeatureGateSettings = Readonly<Partial<Record<FeatureGate, boolean>>>;

/** The release's default, or undefined when the release has no such gate (features.Enabled is then false). */
export function gateDefault(release: KubeRayRelease, gate: FeatureGate): boolean | undefined {
  return release.featureGateDefaults[gate];
}

export interface GateReading {
  readonly on: boolean;
  /** True when the verdict rests on the release's default, not on what the operator was seen to run. */
  readonly assumed: boolean;
}

/** Whether `gate` is on for this operator: the explicit setting, else the release's default. */
export function readGate(release: KubeRayRelease, gates: FeatureGateSettings | undefined, gate: FeatureGate): GateReading {
  const exists = gateDefault(release, gate) !== undefined;
  if (!exists) return { on: false, assumed: false };
  const set = gates?.[gate];
  return set === undefined ? { on: gateDefault(release, gate) === true, assumed: true } : { on: set, assumed: false };
}

/** `--feature-gates=A=true,B=false` (any case for the values, `A` alone = true), as component-base parses it. */
export function parseFeatureGates(arg: string): FeatureGateSettings {
  const out: Partial<Record<FeatureGate, boolean>> = {};
  for (const part of arg.split(',')) {
    const [k, v] = part.trim().split('=');
    if (k && isKnownGate(k)) out[k] = (v ?? 'true').trim().toLowerCase() === 'true';
  }
  return out;
}

/**
 * Every gate of the release at the value the operator runs: the explicit setting, else the default.
 * For an operator whose flags were read: nothing is assumed any more.
 */
export function settledGates(release: KubeRayRelease, explicit: FeatureGateSettings): FeatureGateSettings {
  const out: Partial<Record<FeatureGate, boolean>> = {};
  for (const gate of FEATURE_GATES) {
    const value = explicit[gate] ?? gateDefault(release, gate);
    if (value !== undefined) out[gate] = value;
  }
  return out;
}

export const FEATURE_GATES: readonly FeatureGate[] = [
  'RayJobDeletionPolicy',
  'RayServiceIncrementalUpgrade',
  'RayClusterNetworkPolicy',
  'GCSFaultToleranceEmbeddedStorage',
  'RayClusterMTLS',
  'RayClusterHistoryServer',
];

function isKnownGate(k: string): k is FeatureGate {
  return (FEATURE_GATES as readonly string[]).includes(k);
}
