/**
 * Containers as the API server validates them (Kubernetes 1.36, validateContainers,
 * validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv,
 * validatePullPolicy): in its order, per container — name (a DNS-1123 label), image, termination
 * message policy, ports, env, volume mounts, image pull policy, resources — then names unique
 * across the regular and init containers, and the probes and lifecycle an init container may not
 * have unless it is a sidecar (`restartPolicy: Always`). Empty enum values are the API server's
 * defaults (the pod is defaulted before it is validated).
 */
import { isPlainObject } from '../util/objects.js';
import { child, duplicate, type FieldPath, forbidden, index, invalid, notSupported, type PodFieldError, required } from './field-error.js';
import { dns1123LabelErrors, envVarNameErrors, portNameErrors, portNumberErrors } from './names.js';
import { resourceErrors } from './resources.js';
import { volumeMountErrors } from './volumes.js';

type Obj = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const items = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isPlainObject(x) ? x : {})) : []);

/** An enum the CRD leaves free: "" is defaulted, anything else must be one of `values`. */
function enumError(rule: string, value: unknown, values: readonly string[], at: FieldPath): PodFieldError[] {
  const v = str(value);
  return v === '' || values.includes(v) ? [] : [notSupported(rule, at, v, values)];
}

export function containerErrors(containers: unknown, volumes: ReadonlySet<string>, at: FieldPath): PodFieldError[] {
  const list = items(containers);
  if (list.length === 0) return [required('pod.containers-required', at)];
  const errs: PodFieldError[] = [];
  const names = new Set<string>();
  for (const [i, c] of list.entries()) {
    const p = index(at, i);
    errs.push(...commonErrors(c, volumes, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate('pod.container-name-duplicate', child(p, 'name'), name));
    else names.add(name);
  }
  return errs;
}

export function initContainerErrors(containers: unknown, regular: unknown, volumes: ReadonlySet<string>, at: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  const names = new Set(items(regular).map((c) => str(c.name)));
  for (const [i, c] of items(containers).entries()) {
    const p = index(at, i);
    errs.push(...commonErrors(c, volumes, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate('pod.container-name-duplicate', child(p, 'name'), name));
    else if (name) names.add(name);
    if (str(c.restartPolicy) !== 'Always') {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[f] !== undefined && c[f] !== null) {
          errs.push(forbidden('pod.init-container-probe', child(p, f), 'may not be set for init containers without restartPolicy=Always'));
        }
      }
    }
  }
  return errs;
}

function commonErrors(c: Obj, volumes: ReadonlySet<string>, p: FieldPath): PodFieldError[] {
  const name = str(c.name);
  const namePath = child(p, 'name');
  return [
    ...(name === '' ? [required('pod.container-name', namePath)] : dns1123LabelErrors(name).map((m) => invalid('pod.container-name', namePath, name, m))),
    ...(str(c.image) === '' ? [required('pod.container-image', child(p, 'image'))] : []),
    ...enumError('pod.termination-message-policy', c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError'], child(p, 'terminationMessagePolicy')),
    ...portErrors(c.ports, child(p, 'ports')),
    ...envErrors(c.env, child(p, 'env')),
    ...volumeMountErrors(c.volumeMounts, volumes, child(p, 'volumeMounts')),
    ...enumError('pod.image-pull-policy', c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never'], child(p, 'imagePullPolicy')),
    ...resourceErrors(c.resources, child(p, 'resources')),
  ];
}

function portErrors(ports: unknown, at: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  const names = new Set<string>();
  for (const [i, port] of items(ports).entries()) {
    const p = index(at, i);
    const name = str(port.name);
    if (name) {
      const msgs = portNameErrors(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid('pod.port-name', child(p, 'name'), name, m)));
      else if (names.has(name)) errs.push(duplicate('pod.port-name-duplicate', child(p, 'name'), name));
      else names.add(name);
    }
    const containerPort = typeof port.containerPort === 'number' ? port.containerPort : 0;
    if (containerPort === 0) errs.push(required('pod.port-number', child(p, 'containerPort')));
    else errs.push(...portNumberErrors(containerPort).map((m) => invalid('pod.port-number', child(p, 'containerPort'), containerPort, m)));
    const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
    if (hostPort !== 0) errs.push(...portNumberErrors(hostPort).map((m) => invalid('pod.port-number', child(p, 'hostPort'), hostPort, m)));
    errs.push(...enumError('pod.port-protocol', port.protocol, ['SCTP', 'TCP', 'UDP'], child(p, 'protocol')));
  }
  return errs;
}

function envErrors(env: unknown, at: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  for (const [i, e] of items(env).entries()) {
    const namePath = child(index(at, i), 'name');
    const name = str(e.name);
    if (name === '') errs.push(required('pod.env-name', namePath));
    else errs.push(...envVarNameErrors(name).map((m) => invalid('pod.env-name', namePath, name, m)));
  }
  return errs;
}
