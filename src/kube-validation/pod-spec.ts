/**
 * What the API server refuses in a Pod's spec that a RayService's pod template may carry: the CRD
 * declares the template loosely (quantities are any int-or-string of the quantity pattern, enums
 * are free strings), so the RayService is accepted and only the pod create the operator sends is
 * refused. Modelled on Kubernetes 1.36's ValidatePodSpec (pkg/apis/core/validation/validation.go),
 * in its order — volumes, containers, init containers, restartPolicy, dnsPolicy, tolerations — for
 * the checks listed in the sibling modules; the rest of pod validation is not reproduced.
 * Pure: a pod spec in (as the operator builds it), the errors out, as the API server words them.
 */
import { isPlainObject } from '../util/objects.js';
import { child, type FieldPath, fieldRoot, notSupported, type PodFieldError } from './field-error.js';
import { containerErrors, initContainerErrors } from './containers.js';
import { tolerationErrors } from './tolerations.js';
import { volumeErrors } from './volumes.js';

export type { FieldPath, PodFieldError } from './field-error.js';

/** The Kubernetes release whose pod validation these checks follow (the harness runs kube-apiserver v1.36.3). */
export const POD_VALIDATION_KUBERNETES = '1.36';

/** Every error of the checks, in the API server's order; empty when the pod would be accepted. */
export function podSpecErrors(spec: unknown): PodFieldError[] {
  const s = isPlainObject(spec) ? spec : {};
  const at = fieldRoot('spec');
  const vols = volumeErrors(s.volumes, child(at, 'volumes'));
  return [
    ...vols.errors,
    ...containerErrors(s.containers, vols.valid, child(at, 'containers')),
    ...initContainerErrors(s.initContainers, s.containers, vols.valid, child(at, 'initContainers')),
    ...enumError('pod.restart-policy', s.restartPolicy, ['Always', 'OnFailure', 'Never'], child(at, 'restartPolicy')),
    ...enumError('pod.dns-policy', s.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], child(at, 'dnsPolicy')),
    ...tolerationErrors(s.tolerations, child(at, 'tolerations')),
  ];
}

function enumError(rule: string, value: unknown, values: readonly string[], at: FieldPath): PodFieldError[] {
  const v = typeof value === 'string' ? value : '';
  return v === '' || values.includes(v) ? [] : [notSupported(rule, at, v, values)];
}
