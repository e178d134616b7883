/**
 * Containers the operator adds to the pods it builds, which the scheduler counts.
 *
 * `wait-gcs-ready` (common/pod.go, DefaultWorkerPodTemplate): an init container on every worker
 * pod, waiting for the GCS; requests = limits = 200m CPU and 256Mi memory in 1.3.2 through 1.7.0.
 * The operator skips it only when its ENABLE_INIT_CONTAINER_INJECTION env is "false", any case
 * (getEnableInitContainerInjection; a Git-only plan assumes the default, injected). An init
 * container counts as max(sum of the app containers, the largest init container) per resource, so
 * it matters for small workers (a 100m worker pod asks the scheduler for 200m).
 */
export const WAIT_GCS_READY_INIT_CONTAINER: Readonly<Record<string, unknown>> = Object.freeze({
  name: 'wait-gcs-ready',
  resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
});

/** The worker pod spec as the operator builds it (for sizing): the init container appended where injected. */
export function workerPodAsBuilt(podSpec: Record<string, unknown>, injected = true): Record<string, unknown> {
  if (!injected) return podSpec;
  const init = Array.isArray(podSpec.initContainers) ? podSpec.initContainers : [];
  return { ...podSpec, initContainers: [...init, WAIT_GCS_READY_INIT_CONTAINER] };
}
