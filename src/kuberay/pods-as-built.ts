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
import { child, duplicate, invalid } from '../kube-validation/field-error.js';
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
  const found = headServiceRefusal(cluster, head) ?? refusalOf(head, 'head', ['spec', 'rayClusterConfig', 'headGroupSpec', 'template'], undefined);
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
 * The head Service (common/service.go, BuildServiceForHeadPod and getServicePorts;
 * reconcileHeadService runs before reconcilePods, 1.3–1.7): one TCP port per port of the head's Ray
 * container, keyed by its name (an unnamed one is "<port>-port"), plus `metrics` on 8080 when no
 * port is named so. The API server checks it first, so what it refuses stops the cluster at its
 * Service (FailedToCreateService) and no pod is ever created:
 * - a port name that is no DNS-1123 label (`metrics_port`; looser than a container port's IANA name,
 *   so `8080` passes here and fails the pod);
 * - two ports of one number (the protocol is not copied: 8000/TCP and 8000/UDP clash), such as a
 *   port on 8080 not named `metrics` next to the metrics port the operator adds.
 * The ports come from a Go map, so the position the API server names (`spec.ports[N]`) is not the
 * manifest's: the message says N. A custom `headService` is merged in other ways: not checked.
 */
function headServiceRefusal(cluster: Obj, head: Obj): PodRefusal | undefined {
  if (obj(cluster.headGroupSpec).headService !== undefined) return undefined;
  const ports = list(list(head.containers)[0]?.ports);
  const byName = new Map<string, { port: number; index: number }>();
  for (const [i, p] of ports.entries()) {
    const port = typeof p.containerPort === 'number' ? p.containerPort : 0;
    byName.set(typeof p.name === 'string' && p.name !== '' ? p.name : `${port}-port`, { port, index: i });
  }
  if (ports.length > 0 && !byName.has('metrics')) byName.set('metrics', { port: 8080, index: -1 });
  const at = { segments: ['spec', 'ports'], text: 'spec.ports[N]' };
  const portPath = (i: number) => ['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'spec', 'containers', 0, 'ports', i];
  for (const [name, { index }] of byName) {
    const problem = dns1123LabelErrors(name)[0];
    if (problem && index >= 0) return serviceRefusal(invalid('head-service.port-name', child(at, 'name'), name, problem), [...portPath(index), 'name']);
  }
  const seen = new Map<number, number>();
  for (const { port, index } of byName.values()) {
    const first = seen.get(port);
    if (first === undefined) {
      seen.set(port, index);
      continue;
    }
    const value = `{"Name":"","Protocol":"TCP","AppProtocol":null,"Port":${port},"TargetPort":0,"NodePort":0}`;
    const error = { ...duplicate('head-service.port-duplicate', at, port), message: `${at.text}: Duplicate value: ${value}` };
    return serviceRefusal(error, portPath(index >= 0 ? index : first));
  }
  return undefined;
}

function serviceRefusal(error: PodFieldError, path: PathSegment[]): PodRefusal {
  return { group: 'head', object: 'Service', eventReason: 'FailedToCreateService', error, all: [error], path };
}
