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

/**
 * `--feature-gates=A=true,B=false`, as component-base's featureGate.Set reads it (v0.34): each
 * `key=value` split at the first `=`, both trimmed, the value by strconv.ParseBool. An entry the
 * operator refuses (no value, a value ParseBool refuses) keeps it from starting, so it never runs
 * with it: such entries, and gates this tool does not know, are left out.
 */
export function parseFeatureGates(arg: string): FeatureGateSettings {
  const out: Partial<Record<FeatureGate, boolean>> = {};
  for (const part of arg.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim();
    const v = parseBool(part.slice(eq + 1).trim());
    if (v !== undefined && isKnownGate(k)) out[k] = v;
  }
  return out;
}

/** Go's strconv.ParseBool: exactly these spellings, anything else is an error (undefined). */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
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
