/**
 * `ValidateRayClusterSpec` (ray-operator/controllers/ray/utils/validation.go), as the RayService
 * controller runs it on `spec.rayClusterConfig` through `ValidateRayServiceSpec` (1.4.0+; 1.3 does
 * not validate the cluster spec of a RayService). The checks run in the operator's order; each
 * names the releases that have it. The 1.7 additions are in cluster-spec-1-7.ts.
 */
import { gcsBackendCheck, historyServerCheck, mtlsChecks, networkPolicyCheck, startCmdEnvCheck, workerPriorityCheck } from './cluster-spec-1-7.js';
import { goList, labelValueErrors, qualifiedNameErrors } from './labels.js';
import { type Check, firstRefusal, gate, inRange, list, num, obj, type RangedCheck, type Refusal, str, type ValidationInput } from './refusal.js';
import { rayVersionError } from './ray-version.js';

const RCC = ['spec', 'rayClusterConfig'] as const;
const HEAD = [...RCC, 'headGroupSpec'] as const;

export const rcc = (x: ValidationInput) => obj(x.spec.rayClusterConfig);
export const headGroup = (x: ValidationInput) => obj(rcc(x).headGroupSpec);
export const headPod = (x: ValidationInput) => obj(obj(headGroup(x).template).spec);
export const headContainer = (x: ValidationInput) => obj(list(headPod(x).containers)[0]);
export const workers = (x: ValidationInput) => list(rcc(x).workerGroupSpecs).map(obj);
export const autoscaling = (x: ValidationInput) => rcc(x).enableInTreeAutoscaling === true;
export const autoscalerV2 = (x: ValidationInput) => obj(rcc(x).autoscalerOptions).version === 'v2';

export function envOf(container: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  return list(container.env)
    .map(obj)
    .find((e) => e.name === name);
}
export const hasEnv = (container: Record<string, unknown>, name: string) => envOf(container, name) !== undefined;
/** RAY_enable_autoscaler_v2 set to "1" or "true" on the head container. */
export function v2ByEnv(x: ValidationInput): boolean {
  const v = envOf(headContainer(x), 'RAY_enable_autoscaler_v2')?.value;
  return v === '1' || v === 'true';
}
const workerPath = (i: number, ...rest: (string | number)[]) => [...RCC, 'workerGroupSpecs', i, ...rest];
const refuse = (rule: string, error: string, path: readonly (string | number)[]): Refusal => ({ rule, error, path });

export function validateClusterSpec(x: ValidationInput): Refusal | undefined {
  return firstRefusal(x, CLUSTER_CHECKS);
}

/** validateRayGroupResources (1.5.0+): resources in both rayStartParams and the group's `resources`. */
function groupResources(group: Record<string, unknown>, groupName: string, path: readonly (string | number)[]): Refusal | undefined {
  const p = obj(group.rayStartParams);
  const inParams = ['num-cpus', 'num-gpus', 'memory', 'resources'].some((k) => str(p[k]) !== '');
  if (!inParams || Object.keys(obj(group.resources)).length === 0) return undefined;
  return refuse(
    'validation.group-resources-twice',
    `resource fields should not be set in both rayStartParams and Resources for ${groupName} group; please use only one`,
    [...path, 'resources'],
  );
}

/** validateRayGroupLabels (1.5.0+): `labels` in rayStartParams, or label syntax. */
function groupLabels(group: Record<string, unknown>, groupName: string, path: readonly (string | number)[]): Refusal | undefined {
  if ('labels' in obj(group.rayStartParams)) {
    return refuse(
      'validation.group-labels-in-ray-start-params',
      `rayStartParams['labels'] is not supported for ${groupName} group; please use the top-level Labels field instead`,
      [...path, 'rayStartParams', 'labels'],
    );
  }
  const errs: string[] = [];
  for (const [key, val] of Object.entries(obj(group.labels))) {
    for (const e of qualifiedNameErrors(key)) errs.push(`invalid label key for ${groupName} group: '${key}', error: ${e}`);
    for (const e of labelValueErrors(str(val))) errs.push(`invalid label value for key '${key}' in ${groupName} group: '${str(val)}', error: ${e}`);
  }
  return errs.length ? refuse('validation.group-label-syntax', errs.join('; '), [...path, 'labels']) : undefined;
}

/** The per-worker-group checks, in the operator's order within its loop. */
const WORKER_CHECKS: readonly { since: string; check: (x: ValidationInput, g: Record<string, unknown>, i: number) => Refusal | undefined }[] = [
  {
    since: '1.4.0',
    check: (_x, g, i) =>
      list(obj(obj(g.template).spec).containers).length === 0
        ? refuse('validation.worker-no-container', 'workerGroupSpec should have at least one container', workerPath(i, 'template', 'spec', 'containers'))
        : undefined,
  },
  { since: '1.6.0', check: replicaBounds },
  { since: '1.5.0', check: (_x, g, i) => groupResources(g, str(g.groupName), workerPath(i)) },
  { since: '1.5.0', check: (_x, g, i) => groupLabels(g, str(g.groupName), workerPath(i)) },
  { since: '1.6.0', check: idleTimeout },
  { since: '1.7.0', check: workerPriorityCheck },
];

/** 1.6.0+: min/max needed without autoscaling, never negative, min ≤ max. */
function replicaBounds(x: ValidationInput, g: Record<string, unknown>, i: number): Refusal | undefined {
  const name = str(g.groupName);
  const min = num(g.minReplicas);
  const max = num(g.maxReplicas);
  if (!autoscaling(x) && (min === undefined || max === undefined)) {
    return refuse(
      'validation.worker-replica-bounds-missing',
      `worker group ${name} must set both minReplicas and maxReplicas when autoscaling is disabled`,
      workerPath(i),
    );
  }
  if (min !== undefined && min < 0)
    return refuse('validation.worker-negative-min', `worker group ${name} has negative minReplicas ${min}`, workerPath(i, 'minReplicas'));
  if (max !== undefined && max < 0)
    return refuse('validation.worker-negative-max', `worker group ${name} has negative maxReplicas ${max}`, workerPath(i, 'maxReplicas'));
  if (min !== undefined && max !== undefined && min > max) {
    return refuse(
      'validation.worker-min-above-max',
      `worker group ${name} has minReplicas ${min} greater than maxReplicas ${max}`,
      workerPath(i, 'minReplicas'),
    );
  }
  return undefined;
}

/** validateWorkerGroupIdleTimeout (1.6.0+): non-negative, and only with autoscaler v2. */
function idleTimeout(x: ValidationInput, g: Record<string, unknown>, i: number): Refusal | undefined {
  const t = num(g.idleTimeoutSeconds);
  if (t === undefined) return undefined;
  const name = str(g.groupName);
  if (t < 0)
    return refuse(
      'validation.worker-idle-timeout-negative',
      `worker group ${name}: idleTimeoutSeconds must be non-negative, got ${t}`,
      workerPath(i, 'idleTimeoutSeconds'),
    );
  if (autoscalerV2(x) || v2ByEnv(x)) return undefined;
  return refuse(
    'validation.worker-idle-timeout-needs-v2',
    `worker group ${name}: idleTimeoutSeconds is set, but autoscaler v2 is not enabled. Please set .spec.autoscalerOptions.version to 'v2' (or set RAY_enable_autoscaler_v2 environment variable to 'true' in the head pod if using KubeRay < 1.4.0)`,
    workerPath(i, 'idleTimeoutSeconds'),
  );
}

const eachWorker: Check = (x) => {
  for (const [i, g] of workers(x).entries()) {
    for (const c of WORKER_CHECKS) {
      if (!inRange(x.release, c)) continue;
      const r = c.check(x, g, i);
      if (r) return r;
    }
  }
  return undefined;
};

const gcsFt = (x: ValidationInput) => isPlainObject(rcc(x).gcsFaultToleranceOptions);
function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The GCS fault-tolerance checks (1.4.0+), in order. */
const gcsChecks: Check = (x) => {
  const ft = str(x.annotations['ray.io/ft-enabled']);
  if (ft !== '' && gcsFt(x)) {
    return refuse(
      'validation.ft-annotation-and-options',
      'ray.io/ft-enabled annotation and GcsFaultToleranceOptions are both set. Please use only GcsFaultToleranceOptions to configure GCS fault tolerance',
      [...RCC, 'gcsFaultToleranceOptions'],
    );
  }
  const head = headContainer(x);
  const envPath = [...HEAD, 'template', 'spec', 'containers', 0, 'env'];
  if (!(ft.toLowerCase() === 'true' || gcsFt(x)) && hasEnv(head, 'RAY_REDIS_ADDRESS')) {
    return refuse(
      'validation.redis-address-without-ft',
      'RAY_REDIS_ADDRESS is set which implicitly enables GCS fault tolerance, but GcsFaultToleranceOptions is not set. Please set GcsFaultToleranceOptions to enable GCS fault tolerance',
      envPath,
    );
  }
  if (gcsFt(x)) {
    const r = gcsOptionConflicts(x, head, envPath);
    if (r) return r;
  }
  if (str(obj(headGroup(x).rayStartParams)['redis-username']) !== '' || hasEnv(head, 'REDIS_USERNAME')) {
    return refuse(
      'validation.redis-username',
      'cannot set redis username in rayStartParams or environment variables - use GcsFaultToleranceOptions.RedisUsername instead',
      envPath,
    );
  }
  return undefined;
};

function gcsOptionConflicts(x: ValidationInput, head: Record<string, unknown>, envPath: readonly (string | number)[]): Refusal | undefined {
  if (str(obj(headGroup(x).rayStartParams)['redis-password']) !== '') {
    return refuse(
      'validation.ft-redis-password-param',
      'cannot set `redis-password` in rayStartParams when GcsFaultToleranceOptions is enabled - use GcsFaultToleranceOptions.RedisPassword instead',
      [...HEAD, 'rayStartParams', 'redis-password'],
    );
  }
  if (hasEnv(head, 'REDIS_PASSWORD')) {
    return refuse(
      'validation.ft-redis-password-env',
      'cannot set `REDIS_PASSWORD` env var in head Pod when GcsFaultToleranceOptions is enabled - use GcsFaultToleranceOptions.RedisPassword instead',
      envPath,
    );
  }
  if (hasEnv(head, 'RAY_REDIS_ADDRESS')) {
    return refuse(
      'validation.ft-redis-address-env',
      'cannot set `RAY_REDIS_ADDRESS` env var in head Pod when GcsFaultToleranceOptions is enabled - use GcsFaultToleranceOptions.RedisAddress instead',
      envPath,
    );
  }
  if (str(x.annotations['ray.io/external-storage-namespace']) !== '') {
    return refuse(
      'validation.ft-external-storage-annotation',
      'cannot set `ray.io/external-storage-namespace` annotation when GcsFaultToleranceOptions is enabled - use GcsFaultToleranceOptions.ExternalStorageNamespace instead',
      ['metadata', 'annotations', 'ray.io/external-storage-namespace'],
    );
  }
  return inRange(x.release, { since: '1.7.0' }) ? gcsBackendCheck(x) : undefined;
}

/** A suspended worker group: needs the RayJobDeletionPolicy gate (1.4.0+; default on from 1.6.0). */
const suspendNeedsGate: Check = (x) => {
  const g = gate(x, 'RayJobDeletionPolicy');
  if (g.on) return undefined;
  const i = workers(x).findIndex((w) => w.suspend === true);
  if (i < 0) return undefined;
  return {
    ...refuse(
      'validation.worker-suspend-needs-gate',
      `worker group ${str(workers(x)[i]!.groupName)} can be suspended only when the RayJobDeletionPolicy feature gate is enabled`,
      workerPath(i, 'suspend'),
    ),
    ...(g.assumed ? { assumedGates: ['RayJobDeletionPolicy' as const] } : {}),
  };
};

/** 1.5.0+: autoscaler v2 asked for by env without in-tree autoscaling. */
const v2EnvWithoutAutoscaling: Check = (x) => {
  if (autoscaling(x)) return undefined;
  const v = envOf(headContainer(x), 'RAY_enable_autoscaler_v2')?.value;
  if (v !== '1' && v !== 'true') return undefined;
  return refuse(
    'validation.autoscaler-v2-env-without-autoscaling',
    `environment variable RAY_enable_autoscaler_v2 cannot be set to '${v}' when enableInTreeAutoscaling is false. Please set enableInTreeAutoscaling: true to use autoscaler v2`,
    [...HEAD, 'template', 'spec', 'containers', 0, 'env'],
  );
};

/** With in-tree autoscaling (1.4.0+): no suspended group, one way to pick v2, restartPolicy Never under v2. */
const autoscalingChecks: Check = (x) => {
  if (!autoscaling(x)) return undefined;
  const i = workers(x).findIndex((w) => w.suspend === true);
  if (i >= 0) {
    return refuse(
      'validation.worker-suspend-with-autoscaler',
      `worker group ${str(workers(x)[i]!.groupName)} cannot be suspended with Autoscaler enabled`,
      workerPath(i, 'suspend'),
    );
  }
  const ao = obj(rcc(x).autoscalerOptions);
  if (ao.version !== undefined && ao.version !== null && hasEnv(headContainer(x), 'RAY_enable_autoscaler_v2')) {
    return refuse(
      'validation.autoscaler-version-twice',
      'both .spec.autoscalerOptions.version and head Pod env var RAY_enable_autoscaler_v2 are set, please only use the former',
      [...RCC, 'autoscalerOptions', 'version'],
    );
  }
  if (!autoscalerV2(x)) return undefined;
  const rp = str(headPod(x).restartPolicy);
  if (rp !== '' && rp !== 'Never') {
    return refuse('validation.autoscaler-v2-restart-policy', 'restartPolicy for head Pod should be Never or unset when using autoscaler V2', [
      ...HEAD,
      'template',
      'spec',
      'restartPolicy',
    ]);
  }
  for (const [j, w] of workers(x).entries()) {
    const wrp = str(obj(obj(w.template).spec).restartPolicy);
    if (wrp !== '' && wrp !== 'Never') {
      return refuse(
        'validation.autoscaler-v2-restart-policy',
        `restartPolicy for worker group ${str(w.groupName)} should be Never or unset when using autoscaler V2`,
        workerPath(j, 'template', 'spec', 'restartPolicy'),
      );
    }
  }
  return undefined;
};

/** 1.6.0+: autoscalerOptions.idleTimeoutSeconds ≥ 0. */
const autoscalerIdleTimeout: Check = (x) => {
  const t = num(obj(rcc(x).autoscalerOptions).idleTimeoutSeconds);
  if (t === undefined || t >= 0) return undefined;
  return refuse('validation.autoscaler-idle-timeout-negative', `autoscalerOptions.idleTimeoutSeconds must be non-negative, got ${t}`, [
    ...RCC,
    'autoscalerOptions',
    'idleTimeoutSeconds',
  ]);
};

/** Token authentication (1.5.1+) and Kubernetes token auth (1.6.0+): the Ray version they need. */
const authChecks: Check = (x) => {
  const auth = obj(rcc(x).authOptions);
  const k8s = auth.enableK8sTokenAuth === true && inRange(x.release, { since: '1.6.0' });
  const path = [...RCC, 'authOptions'];
  if (auth.mode !== 'token') {
    return k8s
      ? refuse('validation.k8s-auth-needs-token-mode', "authOptions.enableK8sTokenAuth is enabled but authOptions.mode not set to 'token'", path)
      : undefined;
  }
  const rayVersion = str(rcc(x).rayVersion);
  const tooOld = rayVersionError(rayVersion, '2.52.0', {
    missing: "authOptions.mode is 'token' but RayVersion was not specified. Ray version 2.52.0 or later is required",
    invalid: (e) => `authOptions.mode is 'token' but RayVersion format is invalid: ${rayVersion}, ${e}`,
    old: `authOptions.mode is 'token' but minimum Ray version is 2.52.0, got ${rayVersion}`,
  });
  if (tooOld) return refuse('validation.auth-token-ray-version', tooOld, [...RCC, 'rayVersion']);
  if (!k8s) return undefined;
  if (rayVersionError(rayVersion, '2.55.0', { missing: '', invalid: () => '', old: 'old' })) {
    return refuse('validation.k8s-auth-ray-version', `authOptions.enableK8sTokenAuth is enabled but minimum Ray version is 2.55.0, got ${rayVersion}`, [
      ...RCC,
      'rayVersion',
    ]);
  }
  if (str(auth.secretName) !== '') {
    return refuse('validation.k8s-auth-and-secret', 'authOptions.enableK8sTokenAuth is enabled and authOptions.secretName is also set', [
      ...path,
      'secretName',
    ]);
  }
  return undefined;
};

const headHasContainer: Check = (x) =>
  list(headPod(x).containers).length === 0
    ? refuse('validation.head-no-container', 'headGroupSpec should have at least one container', [...HEAD, 'template', 'spec', 'containers'])
    : undefined;

/** ValidateRayClusterSpec, check by check, in the operator's order. */
const CLUSTER_CHECKS: readonly RangedCheck[] = [
  { since: '1.4.0', check: headHasContainer },
  { since: '1.5.0', check: (x) => groupResources(headGroup(x), 'Head', HEAD) },
  { since: '1.5.0', check: (x) => groupLabels(headGroup(x), 'Head', HEAD) },
  { since: '1.4.0', check: eachWorker },
  { since: '1.4.0', check: gcsChecks },
  { since: '1.4.0', check: suspendNeedsGate },
  { since: '1.5.0', check: v2EnvWithoutAutoscaling },
  { since: '1.4.0', check: autoscalingChecks },
  { since: '1.6.0', check: autoscalerIdleTimeout },
  { since: '1.5.1', check: authChecks },
  { since: '1.7.0', check: startCmdEnvCheck },
  { since: '1.7.0', check: historyServerCheck },
  { since: '1.7.0', check: networkPolicyCheck },
  { since: '1.7.0', check: mtlsChecks },
];

export { goList };
