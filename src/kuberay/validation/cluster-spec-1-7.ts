/**
 * The checks KubeRay 1.7.0 added to `ValidateRayClusterSpec` (utils/validation.go:
 * validateWorkerGroupPriority, validateGcsFaultToleranceBackend, the autoscaler start-command env,
 * historyServerOptions, validateNetworkPolicy, validateTLSOptions). Several need an alpha feature
 * gate that is off by default: a Git-only plan assumes the default and says so.
 */
import { autoscalerV2, envOf, hasEnv, headContainer, headPod, rcc, v2ByEnv, workers } from './cluster-spec.js';
import { dns1123LabelErrors, goList } from './labels.js';
import { rayVersionError } from './ray-version.js';
import { type Check, gate, list, num, obj, type Refusal, str, type ValidationInput } from './refusal.js';
import type { FeatureGate } from '../feature-gates.js';

const RCC = ['spec', 'rayClusterConfig'];
const HEAD_ENV = [...RCC, 'headGroupSpec', 'template', 'spec', 'containers', 0, 'env'];
const refuse = (rule: string, error: string, path: readonly (string | number)[]): Refusal => ({ rule, error, path });

/** A refusal because `g` is off; marks the gate as assumed when the plan only knows its default. */
function gateOff(x: ValidationInput, g: FeatureGate, rule: string, error: string, path: readonly (string | number)[]): Refusal | undefined {
  const reading = gate(x, g);
  if (reading.on) return undefined;
  return { ...refuse(rule, error, path), ...(reading.assumed ? { assumedGates: [g] } : {}) };
}

/** validateWorkerGroupPriority: Ray 2.56.0+ and autoscaler v2. */
export function workerPriorityCheck(x: ValidationInput, g: Record<string, unknown>, i: number): Refusal | undefined {
  const priority = num(g.priority);
  if (priority === undefined || priority === 0) return undefined;
  const name = str(g.groupName);
  const v = str(rcc(x).rayVersion);
  const path = [...RCC, 'workerGroupSpecs', i, 'priority'];
  const old = rayVersionError(v, '2.56.0', {
    missing: `worker group ${name}: priority is set, but RayVersion was not specified. Ray version 2.56.0 or later is required`,
    invalid: (e) => `worker group ${name}: priority is set, but RayVersion format is invalid: ${v}, ${e}`,
    old: `worker group ${name}: priority is set, but minimum Ray version is 2.56.0, got ${v}`,
  });
  if (old) return refuse('validation.worker-priority-ray-version', old, path);
  if (autoscalerV2(x) || v2ByEnv(x)) return undefined;
  return refuse(
    'validation.worker-priority-needs-v2',
    `worker group ${name}: priority is set to ${priority}, but autoscaler v2 is not enabled. Priority is only supported with autoscaler v2 enabled`,
    path,
  );
}

/** validateGcsFaultToleranceBackend (only when gcsFaultToleranceOptions is set). */
export const gcsBackendCheck: Check = (x) => {
  const o = obj(rcc(x).gcsFaultToleranceOptions);
  const path = [...RCC, 'gcsFaultToleranceOptions'];
  if (str(o.backend) !== 'rocksdb') {
    return o.storage !== undefined && o.storage !== null
      ? refuse(
          'validation.ft-storage-with-redis',
          "cannot set GcsFaultToleranceOptions.Storage when backend is 'redis' - it only applies to the 'rocksdb' backend",
          [...path, 'storage'],
        )
      : undefined;
  }
  const off = gateOff(
    x,
    'GCSFaultToleranceEmbeddedStorage',
    'validation.ft-rocksdb-needs-gate',
    "the embedded RocksDB GCS fault tolerance backend (GcsFaultToleranceOptions.Backend: 'rocksdb') requires the GCSFaultToleranceEmbeddedStorage feature gate to be enabled",
    [...path, 'backend'],
  );
  if (off) return off;
  for (const [field, shown] of [
    ['redisAddress', 'RedisAddress'],
    ['redisUsername', 'RedisUsername'],
    ['redisPassword', 'RedisPassword'],
    ['externalStorageNamespace', 'ExternalStorageNamespace'],
  ] as const) {
    const v = o[field];
    if (v !== undefined && v !== null && v !== '')
      return refuse('validation.ft-rocksdb-redis-field', `cannot set GcsFaultToleranceOptions.${shown} when backend is 'rocksdb'`, [...path, field]);
  }
  const storage = obj(o.storage);
  if (str(storage.claimName) !== '' && (storage.size != null || storage.storageClassName != null || list(storage.accessModes).length > 0)) {
    return refuse(
      'validation.ft-rocksdb-claim-exclusive',
      'GcsFaultToleranceOptions.Storage.ClaimName is mutually exclusive with size, storageClassName, and accessModes',
      [...path, 'storage'],
    );
  }
  const head = headContainer(x);
  if (hasEnv(head, 'RAY_gcs_storage') || hasEnv(head, 'RAY_gcs_storage_path')) {
    return refuse(
      'validation.ft-rocksdb-managed',
      'cannot set `RAY_gcs_storage` or `RAY_gcs_storage_path` env var in head Pod when the embedded GCS FT backend is used - these are managed by KubeRay',
      HEAD_ENV,
    );
  }
  if (
    list(head.volumeMounts)
      .map(obj)
      .some((m) => m.mountPath === '/data/gcs' || m.name === 'gcs-storage')
  ) {
    return refuse(
      'validation.ft-rocksdb-managed',
      'cannot set a volume mount named "gcs-storage" or mounted at /data/gcs in the head container when the embedded GCS FT backend is used - it is managed by KubeRay',
      [...RCC, 'headGroupSpec', 'template', 'spec', 'containers', 0, 'volumeMounts'],
    );
  }
  if (
    list(headPod(x).volumes)
      .map(obj)
      .some((v) => v.name === 'gcs-storage')
  ) {
    return refuse(
      'validation.ft-rocksdb-managed',
      'cannot set a volume named "gcs-storage" in the head Pod when the embedded GCS FT backend is used - it is managed by KubeRay',
      [...RCC, 'headGroupSpec', 'template', 'spec', 'volumes'],
    );
  }
  return undefined;
};

/** autoscalerOptions.env must leave KUBERAY_GEN_AUTOSCALER_START_CMD to the operator. */
export const startCmdEnvCheck: Check = (x) =>
  list(obj(rcc(x).autoscalerOptions).env)
    .map(obj)
    .some((e) => e.name === 'KUBERAY_GEN_AUTOSCALER_START_CMD')
    ? refuse(
        'validation.autoscaler-start-cmd-env',
        'autoscalerOptions.env must not contain KUBERAY_GEN_AUTOSCALER_START_CMD: it is managed by KubeRay and injected automatically into the autoscaler container',
        [...RCC, 'autoscalerOptions', 'env'],
      )
    : undefined;

const COLLECTOR_MANAGED_ENV = ['POD_IP', 'FQ_RAY_IP', 'RAY_CLUSTER_NAME', 'RAY_CLUSTER_NAMESPACE', 'RAY_ROLE', 'OWNER_KIND', 'OWNER_NAME', 'EVENTS_PORT'];

/** historyServerOptions: the gate, collectorOptions (image, managed env, a storage backend), no collector-named container. */
export const historyServerCheck: Check = (x) => {
  const hs = rcc(x).historyServerOptions;
  if (hs === undefined || hs === null) return undefined;
  const path = [...RCC, 'historyServerOptions'];
  const off = gateOff(x, 'RayClusterHistoryServer', 'validation.history-server-needs-gate', 'RayClusterHistoryServer feature gate is not enabled', path);
  if (off) return off;
  const co = obj(hs).collectorOptions;
  if (co === undefined || co === null) return refuse('validation.history-server-collector', 'historyServerOptions.collectorOptions must be set', path);
  const c = obj(co);
  const cpath = [...path, 'collectorOptions'];
  if (str(c.image) === '') return refuse('validation.history-server-collector', 'historyServerOptions.collectorOptions.image must be set', [...cpath, 'image']);
  const env = new Map(
    list(c.env)
      .map(obj)
      .map((e) => [str(e.name), e] as const),
  );
  const managed = COLLECTOR_MANAGED_ENV.find((n) => env.has(n));
  if (managed) {
    return refuse(
      'validation.history-server-collector',
      `historyServerOptions.collectorOptions.env must not contain ${managed}: it is managed by KubeRay and injected automatically into the collector container`,
      [...cpath, 'env'],
    );
  }
  if (str(env.get('STORAGE_BACKEND')?.value) === '') {
    return refuse(
      'validation.history-server-collector',
      'STORAGE_BACKEND environment variable must be set with a literal string value in historyServerOptions.collectorOptions.env',
      [...cpath, 'env'],
    );
  }
  const named = [headPod(x), ...workers(x).map((w) => obj(obj(w.template).spec))].some((p) =>
    list(p.containers)
      .map(obj)
      .some((k) => k.name === 'ray-history-collector'),
  );
  return named
    ? refuse(
        'validation.history-server-collector',
        "a pod template must not define a container with name 'ray-history-collector' when history server collector options are enabled",
        path,
      )
    : undefined;
};

/** networkPolicy: the gate, rules that match the mode, group names that fit a NetworkPolicy name. */
export const networkPolicyCheck: Check = (x) => {
  const np = rcc(x).networkPolicy;
  if (np === undefined || np === null) return undefined;
  const path = [...RCC, 'networkPolicy'];
  const off = gateOff(
    x,
    'RayClusterNetworkPolicy',
    'validation.network-policy-needs-gate',
    'spec.networkPolicy requires the RayClusterNetworkPolicy feature gate to be enabled',
    path,
  );
  if (off) return off;
  const p = obj(np);
  const mode = str(p.mode) || 'DenyAll';
  const wrongRules = (rules: Record<string, unknown>, at: string): Refusal | undefined => {
    if (mode === 'DenyAllEgress' && list(rules.ingressRules).length > 0) {
      return refuse('validation.network-policy-rules', `${at}.ingressRules cannot be set when mode is "${mode}" (ingress is not restricted)`, path);
    }
    if (mode === 'DenyAllIngress' && list(rules.egressRules).length > 0) {
      return refuse('validation.network-policy-rules', `${at}.egressRules cannot be set when mode is "${mode}" (egress is not restricted)`, path);
    }
    return undefined;
  };
  const direct = wrongRules(obj(p.head), 'networkPolicy.head') ?? wrongRules(obj(p.worker), 'networkPolicy.worker');
  if (direct) return direct;
  const names = new Set<string>();
  for (const w of workers(x)) {
    const n = str(w.groupName);
    const errs = dns1123LabelErrors(n);
    if (errs.length) {
      return refuse(
        'validation.network-policy-group-name',
        `worker group name "${n}" must be a valid DNS1123 label when networkPolicy is enabled (it is embedded in the NetworkPolicy name): ${goList(errs)}`,
        path,
      );
    }
    names.add(n);
  }
  for (const wg of list(p.workerGroups).map(obj)) {
    const at = `networkPolicy.workerGroups["${str(wg.groupName)}"]`;
    const r = wrongRules(wg, at);
    if (r) return r;
    if (!names.has(str(wg.groupName))) return refuse('validation.network-policy-group-name', `${at} does not match any group name in workerGroupSpecs`, path);
  }
  return undefined;
};

const TLS_ENV = ['RAY_USE_TLS', 'RAY_TLS_SERVER_CERT', 'RAY_TLS_SERVER_KEY', 'RAY_TLS_CA_CERT'];

/** tlsOptions: the gate; with TLS on, no operator-managed TLS env or mount in the Ray containers or the autoscaler. */
export const mtlsChecks: Check = (x) => {
  const tls = rcc(x).tlsOptions;
  if (tls === undefined || tls === null) return undefined;
  const path = [...RCC, 'tlsOptions'];
  const off = gateOff(x, 'RayClusterMTLS', 'validation.tls-needs-gate', 'spec.tlsOptions requires the RayClusterMTLS feature gate to be enabled', path);
  if (off || obj(tls).enabled !== true) return off;
  const containers: [Record<string, unknown>, string][] = [
    [headContainer(x), 'head Pod'],
    ...workers(x).map((w) => [obj(list(obj(obj(w.template).spec).containers)[0]), `worker group "${str(w.groupName)}"`] as [Record<string, unknown>, string]),
  ];
  for (const [c, where] of containers) {
    const env = TLS_ENV.find((n) => envOf(c, n) !== undefined);
    const at = where === 'head Pod' ? 'head Pod' : where;
    if (env)
      return refuse(
        'validation.tls-managed',
        `cannot set ${env} environment variable in ${at} when tlsOptions is set - the operator manages TLS configuration automatically`,
        path,
      );
    for (const m of list(c.volumeMounts).map(obj)) {
      if (m.name === 'ray-tls' || m.mountPath === '/etc/ray/tls') {
        const what = m.name === 'ray-tls' ? 'volume mount named "ray-tls"' : 'volume mount at path "/etc/ray/tls"';
        return refuse(
          'validation.tls-managed',
          `cannot use ${what} in ${where} when tlsOptions is set - the operator manages TLS configuration automatically`,
          path,
        );
      }
    }
  }
  return undefined;
};
