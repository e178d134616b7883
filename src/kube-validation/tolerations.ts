/**
 * Tolerations as the API server validates them (Kubernetes 1.36, ValidateTolerations,
 * validateTaintEffect): the operator is Equal (or empty) or Exists (Lt/Gt only behind the alpha
 * gate TaintTolerationComparisonOperators, off by default), an empty key needs Exists, Exists
 * takes no value, tolerationSeconds needs the NoExecute effect, the effect is one of three.
 * The key's and value's label syntax is not checked here.
 */
import { isPlainObject } from '../util/objects.js';
import { child, type FieldPath, index, invalid, notSupported, type PodFieldError } from './field-error.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function tolerationErrors(tolerations: unknown, at: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  for (const [i, t] of (Array.isArray(tolerations) ? tolerations : []).entries()) {
    const tol = isPlainObject(t) ? t : {};
    const p = index(at, i);
    const [k, op, value, effect] = [str(tol.key), str(tol.operator), str(tol.value), str(tol.effect)];
    if (k === '' && op !== 'Exists') {
      errs.push(
        invalid(
          'pod.toleration-operator',
          child(p, 'operator'),
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (typeof tol.tolerationSeconds === 'number' && effect !== 'NoExecute') {
      errs.push(invalid('pod.toleration-effect', child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Exists' && value !== '') {
      errs.push(invalid('pod.toleration-operator', child(p, 'operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else if (op === 'Lt' || op === 'Gt') {
      errs.push(notSupported('pod.toleration-operator', child(p, 'operator'), op, ['Equal', 'Exists', 'Lt', 'Gt']));
    } else if (op !== '' && op !== 'Equal' && op !== 'Exists') {
      errs.push(notSupported('pod.toleration-operator', child(p, 'operator'), op, ['Equal', 'Exists']));
    }
    if (effect !== '' && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported('pod.toleration-effect', child(p, 'effect'), effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  }
  return errs;
}
