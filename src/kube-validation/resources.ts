/**
 * A container's resources as the API server validates them (Kubernetes 1.36,
 * pkg/apis/core/validation: validateResourceRequirements, ValidateResourceQuantityValue,
 * validateContainerResourceName; pkg/apis/core/helper for the resource classes):
 * - every quantity ≥ 0;
 * - extended resources (a prefixed name outside kubernetes.io, e.g. nvidia.com/gpu) are integers,
 *   and, like hugepages, cannot be overcommitted: a request needs a limit, and equals it;
 * - a request is at most its limit (cpu, memory, ephemeral-storage …);
 * - hugepages-<size> amounts are multiples of the page size, and need cpu or memory alongside;
 * - an unprefixed name must be a standard container resource (cpu, memory, ephemeral-storage, hugepages-*).
 * Limits are checked before requests, each map in its written order (Go's map order is random,
 * so the API server's list may name the same errors in another order).
 */
import { canonicalQuantity, parseQuantity, type Quantity } from '../quantity/quantity.js';
import { isPlainObject } from '../util/objects.js';
import { child, type FieldPath, forbidden, invalid, key, type PodFieldError, required } from './field-error.js';

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** helper.standardResources: names that are "standard" though not for containers (validateResourceName). */
const STANDARD = new Set([
  ...STANDARD_CONTAINER,
  ...['requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage'],
  ...['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage'],
  ...['requests.storage', 'services.nodeports', 'services.loadbalancers'],
]);

const isHugePages = (name: string) => name.startsWith('hugepages-');
/** IsNativeResource: unprefixed, or in the kubernetes.io namespace. */
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** IsExtendedResourceName, for names that pass validateContainerResourceName. */
const isExtended = (name: string) => !isNative(name) && !name.startsWith('requests.');
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);

interface Amount {
  readonly name: string;
  readonly q: Quantity;
  readonly at: FieldPath;
}

/** The errors of one container's `resources`. Unparseable quantities are left to the CRD's pattern. */
export function resourceErrors(resources: unknown, at: FieldPath): PodFieldError[] {
  const r = isPlainObject(resources) ? resources : {};
  const limPath = child(at, 'limits');
  const reqPath = child(at, 'requests');
  const limits = amounts(r.limits, limPath);
  const requests = amounts(r.requests, reqPath);
  const errs: PodFieldError[] = [];
  for (const a of limits) errs.push(...amountErrors(a));
  for (const a of requests) {
    errs.push(...amountErrors(a));
    errs.push(...requestVersusLimit(a, limits, reqPath, limPath));
  }
  const all = [...limits, ...requests];
  if (all.some((a) => isHugePages(a.name)) && !all.some((a) => a.name === 'cpu' || a.name === 'memory')) {
    errs.push(forbidden('pod.hugepages-without-cpu-or-memory', at, 'HugePages require cpu or memory'));
  }
  return errs;
}

function amounts(list: unknown, at: FieldPath): Amount[] {
  if (!isPlainObject(list)) return [];
  const out: Amount[] = [];
  for (const [name, v] of Object.entries(list)) {
    try {
      out.push({ name, q: parseQuantity(v), at: key(at, name) });
    } catch {
      // Not a quantity: the CRD's pattern refuses it before any pod is built.
    }
  }
  return out;
}

function amountErrors(a: Amount): PodFieldError[] {
  const errs: PodFieldError[] = [...resourceNameErrors(a)];
  if (a.q.nanos < 0n) errs.push(invalid('pod.resource-negative', a.at, canonicalQuantity(a.q), 'must be greater than or equal to 0'));
  // ValidateResourceQuantityValue: MilliValue() (rounded up) must be a whole number of units.
  if (isExtended(a.name) && ceilDiv(a.q.nanos, 1_000_000n) % 1000n !== 0n) {
    errs.push(invalid('pod.resource-not-integer', a.at, canonicalQuantity(a.q), 'must be an integer'));
  }
  if (isHugePages(a.name)) errs.push(...hugePageErrors(a));
  return errs;
}

/** validateContainerResourceName, for the common mistake: an unprefixed name Kubernetes does not know (`gpu: 1`). */
function resourceNameErrors(a: Amount): PodFieldError[] {
  if (a.name.includes('/') || STANDARD_CONTAINER.has(a.name) || isHugePages(a.name)) return [];
  const errs: PodFieldError[] = [];
  if (!STANDARD.has(a.name)) errs.push(invalid('pod.resource-name', a.at, a.name, 'must be a standard resource type or fully qualified'));
  errs.push(invalid('pod.resource-name', a.at, a.name, 'must be a standard resource for containers'));
  return errs;
}

function requestVersusLimit(a: Amount, limits: readonly Amount[], reqPath: FieldPath, limPath: FieldPath): PodFieldError[] {
  const limit = limits.find((l) => l.name === a.name);
  const shown = canonicalQuantity(a.q);
  if (!limit) {
    return overcommitAllowed(a.name) ? [] : [required('pod.resource-limit-required', limPath, 'Limit must be set for non overcommitable resources')];
  }
  const limitShown = canonicalQuantity(limit.q);
  if (a.q.nanos !== limit.q.nanos && !overcommitAllowed(a.name)) {
    return [invalid('pod.resource-request-not-limit', reqPath, shown, `must be equal to ${a.name} limit of ${limitShown}`)];
  }
  if (a.q.nanos > limit.q.nanos) {
    return [invalid('pod.resource-request-above-limit', reqPath, shown, `must be less than or equal to ${a.name} limit of ${limitShown}`)];
  }
  return [];
}

/** validateResourceQuantityHugePageValue: a whole number of pages (the size from the name, e.g. hugepages-2Mi). */
function hugePageErrors(a: Amount): PodFieldError[] {
  let page: Quantity | undefined;
  try {
    page = parseQuantity(a.name.slice('hugepages-'.length));
  } catch {
    page = undefined;
  }
  const NANO = 1_000_000_000n;
  const pageBytes = page && page.nanos > 0n && page.nanos % NANO === 0n ? page.nanos / NANO : undefined;
  const value = ceilDiv(a.q.nanos, NANO);
  if (pageBytes !== undefined && value % pageBytes === 0n) return [];
  return [invalid('pod.hugepages-not-page-multiple', a.at, canonicalQuantity(a.q), `${canonicalQuantity(a.q)} is not positive integer multiple of ${a.name}`)];
}

function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}
