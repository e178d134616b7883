/**
 * Which KubeRay operator runs: the image tag of its Deployment when readable (what runs now), else
 * the `ray.io/kuberay-version` annotation that the operator writes on every RayCluster it creates or
 * updates (what ran last). Pure.
 */
import { type FeatureGateSettings, parseFeatureGates } from '../../kuberay/feature-gates.js';
import type { VersionSource } from '../types.js';
import { asList, asMap } from '../../util/kube-object.js';
import type { KubeObject } from './facts.js';

export const KUBERAY_VERSION_ANNOTATION = 'ray.io/kuberay-version';

export interface OperatorVersion {
  /** "v1.6.2" */
  readonly version: string;
  readonly source: Exclude<VersionSource, 'input'>;
  /** Where exactly, for people: "image quay.io/kuberay/operator:v1.6.2 of Deployment ray-system/kuberay-operator". */
  readonly detail: string;
}

const VERSION_RE = /^v?(\d+\.\d+\.\d+)(?:[-+].*)?$/;

/** `quay.io/kuberay/operator:v1.6.2` → `v1.6.2`; digests and non-release tags → undefined. */
export function versionOfImage(image: string): string | undefined {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon <= slash) return undefined;
  const m = VERSION_RE.exec(withoutDigest.slice(colon + 1));
  return m ? `v${m[1]}` : undefined;
}

export function normalizeVersion(v: string | undefined): string | undefined {
  const m = v ? VERSION_RE.exec(v.trim()) : null;
  return m ? `v${m[1]}` : undefined;
}

/** Numeric order of "v1.6.2"-style versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export function operatorVersion(deployments: readonly KubeObject[] | undefined, clusters: readonly KubeObject[]): OperatorVersion | undefined {
  for (const d of byName(deployments)) {
    const operator = operatorContainer(d);
    const fromImage = operator?.image ? versionOfImage(String(operator.image)) : undefined;
    if (fromImage) return { version: fromImage, source: 'operator-deployment', detail: `image ${operator!.image} of Deployment ${name(d)}` };
    // A digest-pinned image: the Helm chart's version label still tells.
    const label = normalizeVersion(d.metadata?.labels?.['app.kubernetes.io/version']);
    if (label) return { version: label, source: 'operator-deployment', detail: `label app.kubernetes.io/version of Deployment ${name(d)}` };
  }
  // Newest annotation seen: after an operator upgrade the operator rewrites the active clusters it
  // reconciles, so an older annotation is a cluster it has not refreshed yet (or one left frozen by an upgrade).
  let best: { version: string; cluster: KubeObject } | undefined;
  for (const c of clusters) {
    const v = normalizeVersion(c.metadata?.annotations?.[KUBERAY_VERSION_ANNOTATION]);
    if (v && (!best || compareVersions(v, best.version) > 0)) best = { version: v, cluster: c };
  }
  return best
    ? { version: best.version, source: 'cluster-annotation', detail: `annotation ${KUBERAY_VERSION_ANNOTATION} of RayCluster ${name(best.cluster)}` }
    : undefined;
}

/** Deployments in a stable order, so that several operators give the same answer every time. */
function byName(deployments: readonly KubeObject[] | undefined): KubeObject[] {
  return [...(deployments ?? [])].sort((x, y) => name(x).localeCompare(name(y)));
}

/** The operator's container: the one running a KubeRay image, else the first. */
function operatorContainer(d: KubeObject): KubeObject | undefined {
  const containers = asList(asMap(asMap(d.spec?.template).spec).containers) as KubeObject[];
  return containers.find((c) => /kuberay|operator/.test(String(c.image ?? ''))) ?? containers[0];
}

function name(o: KubeObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/**
 * The operator's own settings, as its Deployment sets them (what `--zero-downtime` and the gate
 * inputs guess). Read from the operator container: its env and its `--feature-gates` flag.
 */
export interface OperatorDeploymentSettings {
  /** ENABLE_ZERO_DOWNTIME: false only when set to "false" (any case), as the operator reads it; absent: unset or not a literal. */
  readonly zeroDowntime?: boolean;
  /** ENABLE_INIT_CONTAINER_INJECTION, read the same way (getEnableInitContainerInjection). */
  readonly initContainerInjection?: boolean;
  /**
   * The gates the flag sets; every other gate is at the release's default. Absent only when the
   * flag cannot be read (a value from elsewhere than the container's command and args).
   */
  readonly featureGates: FeatureGateSettings;
  readonly detail: string;
}

export function operatorSettingsFrom(deployments: readonly KubeObject[] | undefined): OperatorDeploymentSettings | undefined {
  const d = byName(deployments)[0];
  const c = d && operatorContainer(d);
  if (!d || !c) return undefined;
  const zeroDowntime = envSwitch(c, 'ENABLE_ZERO_DOWNTIME');
  const initContainerInjection = envSwitch(c, 'ENABLE_INIT_CONTAINER_INJECTION');
  const gates = featureGatesFlag([...asList(c.command), ...asList(c.args)].map(String));
  return {
    ...(zeroDowntime !== undefined ? { zeroDowntime } : {}),
    ...(initContainerInjection !== undefined ? { initContainerInjection } : {}),
    featureGates: gates === undefined ? {} : parseFeatureGates(gates),
    detail: `Deployment ${name(d)}`,
  };
}

/** A switch the operator reads with os.Getenv: off only for "false" (any case); undefined when not a literal value. */
function envSwitch(container: KubeObject, key: string): boolean | undefined {
  const env = (asList(container.env) as KubeObject[]).find((e) => e.name === key);
  return env && typeof env.value === 'string' ? env.value.toLowerCase() !== 'false' : undefined;
}

/**
 * The value of the operator's `--feature-gates` flag as Go's flag package reads it: `--feature-gates=v`,
 * `-feature-gates=v` or the flag and its value as two arguments; the last one given wins.
 */
export function featureGatesFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--?feature-gates(?:=(.*))?$/s.exec(argv[i]!);
    if (!m) continue;
    if (m[1] !== undefined) value = m[1];
    else if (i + 1 < argv.length) value = argv[++i];
  }
  return value;
}
