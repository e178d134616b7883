/**
 * A head manifest the API server would refuse is a refusal of the plan, never a predicted change:
 * the apply fails and the operator sees nothing (kuberay/schema/validate.ts says what is refused).
 */
import type { KubeRayRelease } from '../kuberay/releases.js';
import { apiServerViolation } from '../kuberay/schema/validate.js';
import { InputError } from '../manifests/input-error.js';
import type { RayServiceManifest } from '../manifests/rayservice.js';
import { formatPath } from '../util/structural-diff.js';

export function refuseWhatTheApiServerRefuses(head: RayServiceManifest, base: RayServiceManifest | undefined, release: KubeRayRelease): void {
  const apiVersion = typeof head.object.apiVersion === 'string' ? head.object.apiVersion : undefined;
  const v = apiServerViolation(head.object.spec, base?.object.spec, release.minor, apiVersion);
  if (!v) return;
  const path = ['spec', ...v.path];
  throw new InputError(
    head.source.file,
    head.source.lineOf([...head.pathInDocument, ...path]),
    formatPath(path),
    `${v.problem} (the RayService CRD of KubeRay ${release.minor})`,
    v.hint ?? 'change the manifest so the API server accepts it',
  );
}
