/**
 * The planner: base and head manifest sets → a Plan. Pure; the adapters read files and render.
 */
import { DEFAULT_KUBERAY_VERSION, resolveRelease, supportedVersionsText, type KubeRayRelease } from '../kuberay/releases.js';
import type { ManifestSet } from '../manifests/load.js';
import { withManifestFacts } from './manifest-facts.js';
import { planService, type PlanSettings } from './plan-service.js';
import type { Plan } from './types.js';
import { UserError } from '../util/user-error.js';

export interface PlanOptions {
  /** "1.7" (default), "1.5.1", … */
  readonly kuberayVersion?: string;
  /** The operator's ENABLE_ZERO_DOWNTIME (default true). */
  readonly zeroDowntime?: boolean;
  /** The RayServiceIncrementalUpgrade feature gate; default: the release's default. */
  readonly incrementalGate?: boolean;
  /** apply deletes RayServices removed from Git that its field manager applied (default false). */
  readonly prune?: boolean;
}

export class UnsupportedVersionError extends UserError {}

export function releaseFor(version: string | undefined): KubeRayRelease {
  const release = resolveRelease(version ?? DEFAULT_KUBERAY_VERSION);
  if (!release)
    throw new UnsupportedVersionError(
      `--kuberay-version: KubeRay ${version ?? DEFAULT_KUBERAY_VERSION} is not supported (supported: ${supportedVersionsText()})`,
    );
  return release;
}

/** The release as the input names it: "1.7" for a minor line, "1.5.1" for an exact release. */
export function shownVersion(input: string | undefined, release: KubeRayRelease): string {
  return input && /^v?\d+\.\d+\.\d+$/.test(input.trim()) ? release.version : release.minor;
}

/** The operator as the planner sees it: a release and the operator's two switches. */
export function settingsFor(release: KubeRayRelease, options: PlanOptions): PlanSettings {
  return {
    release,
    zeroDowntime: options.zeroDowntime ?? true,
    prune: options.prune ?? false,
    ...(options.incrementalGate !== undefined ? { incrementalGate: options.incrementalGate } : {}),
  };
}

export function plan(base: ManifestSet, head: ManifestSet, options: PlanOptions = {}): Plan {
  const release = releaseFor(options.kuberayVersion);
  const settings = settingsFor(release, options);
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  return {
    kuberayVersion: shownVersion(options.kuberayVersion, release),
    services: ids.map((id) => withManifestFacts(planService(base.get(id), head.get(id), settings), base.get(id), head.get(id))),
  };
}
