/**
 * A head whose pod template the API server would refuse as a Pod is a refusal of the plan: the
 * RayService is accepted (its CRD declares the template loosely), the operator builds the RayCluster,
 * and then every create of that group's pods fails with the same validation error (a Warning event
 * on the RayCluster), so the new cluster never becomes ready and the rollout never finishes.
 * What is refused: kuberay/pods-as-built.ts and kube-validation/. Only the head counts: a head that
 * keeps the base's refused pods and builds none (a Serve change, nothing) gets a reason instead, as
 * an unchanged head the operator refuses does.
 */
import { POD_VALIDATION_KUBERNETES } from '../kube-validation/pod-spec.js';
import { type PodRefusal, podRefusal } from '../kuberay/pods-as-built.js';
import type { KubeRayRelease } from '../kuberay/releases.js';
import { InputError } from '../manifests/input-error.js';
import { formatPath } from '../util/structural-diff.js';
import type { ReadManifest } from './read-manifest.js';
import { type Change, reason, type ServicePlan } from './types.js';

/** Changes after which the operator creates pods from the head's templates. */
const BUILDS_PODS: ReadonlySet<Change> = new Set(['create', 'cluster', 'cluster-incremental', 'cluster-inplace']);

export function refusePodsTheApiServerRefuses(
  planned: ServicePlan,
  b: ReadManifest | undefined,
  h: ReadManifest,
  release: KubeRayRelease,
  initContainerInjection: boolean,
): ServicePlan {
  if (planned.rejection) return planned; // the operator refuses the RayService first: it builds no pod
  const r = podRefusal(h.cluster, initContainerInjection);
  if (!r) return planned;
  const before = b && podRefusal(b.cluster, initContainerInjection);
  if (before && before.group === r.group && before.error.message === r.error.message && !BUILDS_PODS.has(planned.change)) {
    const still = reason('pod.still-refused', { object: r.object, group: r.group, message: r.error.message, more: r.all.length - 1 });
    return { ...planned, reasons: [...planned.reasons, still] };
  }
  throw new InputError(
    h.m.source.file,
    h.lineOf(r.path),
    formatPath(r.path),
    refusalText(r, release),
    r.object === 'Service'
      ? 'give each head port a DNS-1123 label name and a number of its own (the operator adds `metrics` on 8080 unless a port is named metrics)'
      : 'change the pod template so that a Pod built from it is valid',
  );
}

function refusalText(r: PodRefusal, release: KubeRayRelease): string {
  const what =
    r.object === 'Service'
      ? `refuses the head Service that KubeRay ${release.version} creates from the head container's ports, before any pod`
      : `refuses every pod of ${groupName(r)} that KubeRay ${release.version} creates from it`;
  const where = `Kubernetes ${POD_VALIDATION_KUBERNETES} ${r.object === 'Service' ? 'Service' : 'pod'} validation, rule ${r.error.rule}; a Warning event ${r.eventReason} on the RayCluster`;
  return `the API server accepts this RayService but ${what} (${quoted(r)}; ${where}), so the cluster never becomes ready and the rollout could never finish`;
}

function groupName(r: PodRefusal): string {
  return r.group === 'head' ? 'the head group' : `worker group ${JSON.stringify(r.group)}`;
}

function quoted(r: PodRefusal): string {
  const more = r.all.length > 1 ? ` and ${r.all.length - 1} more` : '';
  return `"${r.error.message}"${more}`;
}
