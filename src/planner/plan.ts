/**
 * The planner: base and head manifest sets → a Plan. Pure; the adapters read files and render.
 */
import { DEFAULT_KUBERAY_VERSION, resolveRelease, supportedVersionsText, type KubeRayRelease } from '../kuberay/releases.js';
import type { ManifestSet } from '../manifests/load.js';
import { planService, type PlanSettings } from './plan-service.js';
import type { Plan } from './types.js';

export interface PlanOptions {
  /** "1.7" (default), "1.5.1", … */
  readonly kuberayVersion?: string;
  /** The operator's ENABLE_ZERO_DOWNTIME (default true). */
  readonly zeroDowntime?: boolean;
  /** The RayServiceIncrementalUpgrade feature gate; default: the release's default. */
  readonly incrementalGate?: boolean;
}

export class UnsupportedVersionError extends Error {}

export function releaseFor(version: string | undefined): KubeRayRelease {
  const release = resolveRelease(version ?? DEFAULT_KUBERAY_VERSION);
  if (!release) throw new UnsupportedVersionError(`--kuberay-version: KubeRay ${version ?? DEFAULT_KUBERAY_VERSION} is not supported (supported: ${supportedVersionsText()})`);
  return release;
}

/** The operator as the planner sees it: a release and the operator's two switches. */
export function settingsFor(release: KubeRayRelease, options: PlanOptions): PlanSettings {
  return {
    release,
    zeroDowntime: options.zeroDowntime ?? true,
    ...(options.incrementalGate !== undefined ? { incrementalGate: options.incrementalGate } : {}),
  };
}

export function plan(base: ManifestSet, head: ManifestSet, options: PlanOptions = {}): Plan {
  const release = releaseFor(options.kuberayVersion);
  const settings = settingsFor(release, options);
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  const shownVersion = options.kuberayVersion && /^v?\d+\.\d+\.\d+$/.test(options.kuberayVersion.trim()) ? release.version : release.minor;
  return {
    kuberayVersion: shownVersion,
    services: ids.map((id) => planService(base.get(id), head.get(id), settings)),
  };
}
