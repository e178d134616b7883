/**
 * A RayService manifest read the way the operator reads it: the spec as the API server stores it
 * (CRD defaults, canonical quantities), its cluster spec and Serve config, and the manifest lines
 * that plan entries point at. Bad input becomes an InputError naming file and line.
 */
import type { KubeRayRelease } from '../kuberay/releases.js';
import { SpecError, storedSpec } from '../kuberay/stored-spec.js';
import { InputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import type { PathSegment } from '../manifests/yaml-documents.js';
import { QuantityError } from '../quantity/quantity.js';
import { parseServeConfig, type ServeConfig } from '../serve/serve-config.js';
import { isPlainObject } from '../util/objects.js';
import { formatPath } from '../util/structural-diff.js';

/** A manifest read the way the operator reads it. */
export interface ReadManifest {
  readonly m: RayServiceManifest;
  readonly spec: Record<string, unknown>;
  readonly cluster: Record<string, unknown>;
  readonly serve: ServeConfig | undefined;
  lineOf(path: readonly PathSegment[]): number;
}

/** Who a plan is about: copied into every ServicePlan. */
export interface ServiceId {
  readonly namespace: string;
  readonly name: string;
  readonly file: string;
}

export function readManifest(m: RayServiceManifest, release: KubeRayRelease): ReadManifest {
  const lineOf = (p: readonly PathSegment[]) => m.source.lineOf([...m.pathInDocument, ...p]);
  let spec: Record<string, unknown>;
  try {
    spec = storedSpec(m.object.spec, release.minor);
  } catch (e) {
    if (e instanceof SpecError) throw new InputError(m.source.file, lineOf(e.path), formatPath(e.path), e.problem, e.hint);
    throw e;
  }
  const cluster = isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
  const serve = parseServeConfig(
    { ...m.source, lineOf: (p) => lineOf(p), blockScalarStart: (p) => m.source.blockScalarStart([...m.pathInDocument, ...p]) },
    ['spec', 'serveConfigV2'],
    (m.object.spec as Record<string, unknown>).serveConfigV2,
  );
  return { m, spec, cluster, serve, lineOf };
}

/** Capacity figures parse quantities; a bad one is the user's input error, named with its line. */
export function measure<T>(r: ReadManifest, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof QuantityError) throw new InputError(r.m.source.file, r.lineOf(['spec', 'rayClusterConfig']), 'spec.rayClusterConfig', e.message);
    throw e;
  }
}

export function metadataOf(r: ReadManifest): { labels?: Record<string, unknown>; annotations?: Record<string, unknown> } {
  const md = r.m.object.metadata;
  return isPlainObject(md) ? (md as { labels?: Record<string, unknown>; annotations?: Record<string, unknown> }) : {};
}

export function clusterUpgradeOptions(spec: Record<string, unknown>): Record<string, unknown> {
  const us = spec.upgradeStrategy;
  return isPlainObject(us) && isPlainObject(us.clusterUpgradeOptions) ? us.clusterUpgradeOptions : {};
}

/** spec.rayClusterDeletionDelaySeconds, or the operator's default of 60 s. */
export function deletionDelay(r: ReadManifest): number {
  const d = r.spec.rayClusterDeletionDelaySeconds;
  return typeof d === 'number' ? d : 60;
}
