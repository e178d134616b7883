/**
 * The pods the operator builds from a RayService's cluster spec, checked as the API server checks a
 * Pod (kube-validation/), after the head Service the operator creates first (its ports are the head
 * container's, by name): the head's template, and each worker group's with the `wait-gcs-ready`
 * init container the operator appends (common/pod.go, DefaultWorkerPodTemplate, 1.3–1.7: the Ray
 * container's image, imagePullPolicy, env and volumeMounts copied, fixed resources). The CRD lets
 * these templates through loosely, so a refusal here is seen only when the operator creates a pod:
 * a Warning event FailedToCreateHeadPod / FailedToCreateWorkerPod on the RayCluster, for every
 * pod of that group, so the cluster never becomes ready.
 */
import { child, invalid } from '../kube-validation/field-error.js';
import { dns1123LabelErrors } from '../kube-validation/names.js';
import { type PodFieldError, podSpecErrors } from '../kube-validation/pod-spec.js';
import type { PathSegment } from '../util/objects.js';
import { isPlainObject } from '../util/objects.js';
import { WAIT_GCS_READY_INIT_CONTAINER } from './pod-additions.js';

export interface PodRefusal {
  /** `head`, or the worker group's name. */
  readonly group: string;
  /** What the API server refuses: the group's pods, or (before any pod) the head Service. */
  readonly object: 'Pod' | 'Service';
  readonly eventReason: 'FailedToCreateHeadPod' | 'FailedToCreateWorkerPod' | 'FailedToCreateService';
  /** The first error of the pod's validation, as the API server words it. */
  readonly error: PodFieldError;
  /** Every error of that pod (the API server lists them all in one message). */
  readonly all: readonly PodFieldError[];
  /** The refused field in the RayService, from its root (an injected container's field maps to the Ray container's). */
  readonly path: readonly PathSegment[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isPlainObject(v) ? v : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

/** The first group whose pods the API server refuses, head first; undefined when every pod is accepted. */
export function podRefusal(cluster: Readonly<Obj>, initContainerInjection = true): PodRefusal | undefined {
  const head = obj(obj(obj(cluster.headGroupSpec).template).spec);
  const found = headServiceRefusal(head) ?? refusalOf(head, 'head', ['spec', 'rayClusterConfig', 'headGroupSpec', 'template'], undefined);
  if (found) return found;
  for (const [i, g] of list(cluster.workerGroupSpecs).entries()) {
    const spec = obj(obj(g.template).spec);
    const name = typeof g.groupName === 'string' ? g.groupName : `#${i}`;
    const built = initContainerInjection ? withWaitGcsReady(spec) : undefined;
    const r = refusalOf(
      built ?? spec,
      name,
      ['spec', 'rayClusterConfig', 'workerGroupSpecs', i, 'template'],
      built ? list(spec.initContainers).length : undefined,
    );
    if (r) return r;
  }
  return undefined;
}

function refusalOf(spec: Obj, group: string, template: PathSegment[], injectedAt: number | undefined): PodRefusal | undefined {
  const all = podSpecErrors(spec);
  const error = all[0];
  if (!error) return undefined;
  return {
    group,
    object: 'Pod',
    eventReason: group === 'head' ? 'FailedToCreateHeadPod' : 'FailedToCreateWorkerPod',
    error,
    all,
    path: [...template, ...manifestSegments(error.field.segments, spec, injectedAt)],
  };
}

/** The operator's init container, as it appends it to a worker pod. */
function withWaitGcsReady(spec: Obj): Obj {
  const ray = list(spec.containers)[0] ?? {};
  const init = {
    ...WAIT_GCS_READY_INIT_CONTAINER,
    image: ray.image,
    imagePullPolicy: ray.imagePullPolicy,
    env: ray.env,
    volumeMounts: ray.volumeMounts,
  };
  return { ...spec, initContainers: [...list(spec.initContainers), init] };
}

/** A field of the injected init container is written in the manifest as the Ray container's (or, its name, as the container it clashes with). */
function manifestSegments(segments: readonly PathSegment[], spec: Obj, injectedAt: number | undefined): PathSegment[] {
  const [, kind, i, field, ...rest] = segments;
  if (injectedAt === undefined || kind !== 'initContainers' || i !== injectedAt) return [...segments];
  if (field !== 'name') return ['spec', 'containers', 0, ...(field === undefined ? [] : [field]), ...rest];
  const name = WAIT_GCS_READY_INIT_CONTAINER.name;
  const c = list(spec.containers).findIndex((x) => x.name === name);
  if (c >= 0) return ['spec', 'containers', c, 'name'];
  const j = list(spec.initContainers).findIndex((x) => x.name === name);
  return ['spec', 'initContainers', j, 'name'];
}

/**
 * The head Service (common/service.go, BuildServiceForHeadPod; reconcileHeadService runs before
 * reconcilePods, 1.3–1.7): one port per named port of the head's Ray container, under that name
 * (an unnamed one becomes "<port>-port"). A Service port name must be a DNS-1123 label
 * (validateServicePort), looser than a container port's IANA name, except that it is checked
 * first: `metrics_port` stops the cluster at its Service (FailedToCreateService) and no pod is ever
 * created. The ports come from a Go map, so the position the API server names (`spec.ports[N]`) is
 * not the manifest's: the message says N.
 */
function headServiceRefusal(head: Obj): PodRefusal | undefined {
  const ports = list(list(head.containers)[0]?.ports);
  for (const [i, p] of ports.entries()) {
    const name = typeof p.name === 'string' ? p.name : '';
    const problem = name ? dns1123LabelErrors(name)[0] : undefined;
    if (!problem) continue;
    const at = child({ segments: ['spec', 'ports', i], text: 'spec.ports[N]' }, 'name');
    const error = invalid('head-service.port-name', at, name, problem);
    const path = ['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'spec', 'containers', 0, 'ports', i, 'name'];
    return { group: 'head', object: 'Service', eventReason: 'FailedToCreateService', error, all: [error], path };
  }
  return undefined;
}
