/**
 * `ValidateRayServiceMetadata` and `ValidateRayServiceSpec` (utils/validation.go), release by
 * release: what each checks, in order, and the words of its error. 1.6.0 began prefixing every
 * error with "The RayService metadata/spec is invalid: " (the event of 1.3–1.5 carried that
 * phrase instead).
 */
import { validateClusterSpec } from './cluster-spec.js';
import { dns1035LabelErrors, goList } from './labels.js';
import { firstRefusal, gate, inRange, num, obj, type RangedCheck, type Refusal, str, type ValidationInput } from './refusal.js';

const refuse = (rule: string, error: string, path: readonly (string | number)[]): Refusal => ({ rule, error, path });
const wrapped = (x: ValidationInput) => inRange(x.release, { since: '1.6.0' });
const withPrefix = (prefix: string) => (r: Refusal | undefined, x: ValidationInput) => (r && wrapped(x) ? { ...r, error: `${prefix}${r.error}` } : r);
const metadataPrefix = withPrefix('The RayService metadata is invalid: ');
const specPrefix = withPrefix('The RayService spec is invalid: ');

/** ValidateRayServiceMetadata: 1.4.0+ (1.3 validates no metadata). Max length: MaxRayClusterNameLength (53) − 6. */
export function validateMetadata(x: ValidationInput): Refusal | undefined {
  if (!inRange(x.release, { since: '1.4.0' })) return undefined;
  let r: Refusal | undefined;
  if (x.name.length > 47) r = refuse('validation.name-too-long', 'RayService name should be no more than 47 characters', ['metadata', 'name']);
  else if (dns1035LabelErrors(x.name).length) {
    r = refuse('validation.name-not-dns1035', `RayService name should be a valid DNS1035 label: ${goList(dns1035LabelErrors(x.name))}`, ['metadata', 'name']);
  } else if (inRange(x.release, { since: '1.5.0' })) r = initializingTimeout(x);
  return metadataPrefix(r, x);
}

/** validateInitializingTimeout (1.5.0+): a positive Go duration, or a positive integer of seconds. */
function initializingTimeout(x: ValidationInput): Refusal | undefined {
  const key = 'ray.io/initializing-timeout';
  const s = str(x.annotations[key]);
  if (s === '') return undefined;
  const path = ['metadata', 'annotations', key];
  const d = goDurationSign(s);
  let error: string | undefined;
  if (d !== undefined) error = d > 0 ? undefined : `annotation ${key} must be a positive duration, got: ${s}`;
  else if (/^[-+]?\d+$/.test(s)) error = Number(s) > 0 ? undefined : `annotation ${key} must be a positive integer (seconds), got: ${s}`;
  else error = `annotation ${key} has invalid format: ${s}. Expected Go duration format (e.g., '5m', '1h') or positive integer seconds`;
  return error ? refuse('validation.initializing-timeout', `RayService annotations is invalid: ${error}`, path) : undefined;
}

/** time.ParseDuration: the sign of the value (0 for zero), or undefined when it does not parse. */
function goDurationSign(s: string): number | undefined {
  if (s === '0' || s === '+0' || s === '-0') return 0;
  const m = /^([-+]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(s);
  if (!m) return undefined;
  const nonZero = /[1-9]/.test(m[2]!.replace(/[a-zµμ]+/g, ''));
  return nonZero ? (m[1] === '-' ? -1 : 1) : 0;
}

/** ValidateRayServiceSpec, check by check. */
export function validateServiceSpec(x: ValidationInput): Refusal | undefined {
  return firstRefusal(x, SPEC_CHECKS);
}

const rcc = (x: ValidationInput) => obj(x.spec.rayClusterConfig);
const strategy = (x: ValidationInput) => obj(x.spec.upgradeStrategy);

const SPEC_CHECKS: readonly RangedCheck[] = [
  {
    since: '1.6.0',
    check: (x) =>
      obj(rcc(x).authOptions).enableK8sTokenAuth === true
        ? refuse('validation.k8s-auth-on-rayservice', 'The RayService spec is invalid: K8s token auth mode is currently not supported for RayService', [
            'spec',
            'rayClusterConfig',
            'authOptions',
            'enableK8sTokenAuth',
          ])
        : undefined,
  },
  { since: '1.4.0', check: (x) => specPrefix(validateClusterSpec(x), x) },
  {
    since: '1.3.0',
    check: (x) =>
      str(obj(obj(obj(rcc(x).headGroupSpec).headService).metadata).name) !== ''
        ? specPrefix(
            refuse('validation.head-service-name', 'spec.rayClusterConfig.headGroupSpec.headService.metadata.name should not be set', [
              'spec',
              'rayClusterConfig',
              'headGroupSpec',
              'headService',
              'metadata',
              'name',
            ]),
            x,
          )
        : undefined,
  },
  { since: '1.3.0', check: (x) => specPrefix(upgradeType(x), x) },
  {
    since: '1.5.0',
    check: (x) => {
      const d = num(x.spec.rayClusterDeletionDelaySeconds);
      return d !== undefined && d < 0
        ? specPrefix(
            refuse('validation.deletion-delay-negative', `Spec.RayClusterDeletionDelaySeconds should be a non-negative integer, got ${d}`, [
              'spec',
              'rayClusterDeletionDelaySeconds',
            ]),
            x,
          )
        : undefined;
    },
  },
  { since: '1.5.0', check: (x) => specPrefix(clusterUpgradeOptions(x), x) },
];

function upgradeType(x: ValidationInput): Refusal | undefined {
  const t = strategy(x).type;
  if (typeof t !== 'string' || t === 'None' || t === 'NewCluster') return undefined;
  const incremental = inRange(x.release, { since: '1.5.0' });
  if (incremental && t === 'NewClusterWithIncrementalUpgrade') return undefined;
  const options = incremental ? 'NewClusterWithIncrementalUpgrade, NewCluster, or None' : 'NewCluster or None';
  return refuse('validation.upgrade-type', `Spec.UpgradeStrategy.Type value ${t} is invalid, valid options are ${options}`, [
    'spec',
    'upgradeStrategy',
    'type',
  ]);
}

/** ValidateClusterUpgradeOptions: only when IsIncrementalUpgradeEnabled (the type, and the gate on). */
function clusterUpgradeOptions(x: ValidationInput): Refusal | undefined {
  if (strategy(x).type !== 'NewClusterWithIncrementalUpgrade') return undefined;
  const g = gate(x, 'RayServiceIncrementalUpgrade');
  if (!g.on) return undefined;
  const r = upgradeOptionsRefusal(x);
  return r && g.assumed ? { ...r, assumedGates: ['RayServiceIncrementalUpgrade'] } : r;
}

function upgradeOptionsRefusal(x: ValidationInput): Refusal | undefined {
  const path = ['spec', 'upgradeStrategy', 'clusterUpgradeOptions'];
  if (rcc(x).enableInTreeAutoscaling !== true) {
    return refuse('validation.incremental-needs-autoscaler', 'Ray Autoscaler is required for NewClusterWithIncrementalUpgrade', [
      'spec',
      'rayClusterConfig',
      'enableInTreeAutoscaling',
    ]);
  }
  const o = strategy(x).clusterUpgradeOptions;
  if (o === undefined || o === null)
    return refuse('validation.incremental-options', 'ClusterUpgradeOptions are required for NewClusterWithIncrementalUpgrade', ['spec', 'upgradeStrategy']);
  const opts = obj(o);
  // The CRD defaults maxSurgePercent to 100.
  const surge = num(opts.maxSurgePercent) ?? 100;
  const step = num(opts.stepSizePercent);
  const interval = num(opts.intervalSeconds);
  const bad = (error: string, field: string) => refuse('validation.incremental-options', error, [...path, field]);
  if (surge < 0 || surge > 100) return bad('maxSurgePercent must be between 0 and 100', 'maxSurgePercent');
  if (step === undefined || step < 0 || step > 100) return bad('stepSizePercent must be between 0 and 100', 'stepSizePercent');
  if (interval === undefined || interval <= 0) return bad('intervalSeconds must be greater than 0', 'intervalSeconds');
  if (str(opts.gatewayClassName) === '') return bad('gatewayClassName is required for NewClusterWithIncrementalUpgrade', 'gatewayClassName');
  if (inRange(x.release, { since: '1.7.0' }) && step > surge) return bad('stepSizePercent must be less than or equal to maxSurgePercent', 'stepSizePercent');
  return undefined;
}
