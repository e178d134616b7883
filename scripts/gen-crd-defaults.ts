/**
 * Extracts the `default:` values of the RayService CRD (spec subtree) into a compact schema that
 * src/kuberay/crd-defaults.ts applies the way the API server does, so that the planner compares
 * manifests as the operator sees them (stored, defaulted).
 *
 *   node --import tsx scripts/gen-crd-defaults.ts 1.6=path/to/ray.io_rayservices.yaml [1.5=…] > src/kuberay/crd-defaults.generated.json
 *
 * The CRDs come from the operator module (testbin/build.sh kuberay-vX prints their folder).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Compact {
  d?: unknown; // default
  p?: Record<string, Compact>; // properties
  i?: Compact; // items
  a?: Compact; // additionalProperties
}

type Schema = { default?: unknown; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: Schema | boolean };

function compact(s: Schema): Compact | undefined {
  const out: Compact = {};
  if ('default' in s) out.d = s.default;
  if (s.properties) {
    const p: Record<string, Compact> = {};
    for (const k of Object.keys(s.properties).sort()) {
      const c = compact(s.properties[k]!);
      if (c) p[k] = c;
    }
    if (Object.keys(p).length) out.p = p;
  }
  if (s.items) {
    const c = compact(s.items);
    if (c) out.i = c;
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const c = compact(s.additionalProperties);
    if (c) out.a = c;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The field names KubeRay defines (not the embedded Kubernetes types, which are stable and huge):
 * `true` for a leaf or an embedded Kubernetes type, a nested tree for KubeRay's own objects.
 * The API server prunes unknown fields, so a field of a newer release is dropped by an older one.
 */
type Known = { [k: string]: Known | true } | true;
const KUBERNETES_TYPES = new Set([
  'template',
  'headService',
  'serveService',
  'resources',
  'env',
  'envFrom',
  'volumes',
  'volumeMounts',
  'securityContext',
  'metadata',
  'redisPassword',
  'redisUsername',
  'networkPolicy',
]);
function known(s: Schema, key?: string): Known {
  if (key && KUBERNETES_TYPES.has(key)) return true;
  const props = s.properties ?? (s.items?.properties ? s.items.properties : undefined);
  if (!props) return true;
  const out: { [k: string]: Known | true } = {};
  for (const k of Object.keys(props).sort()) out[k] = known(props[k]!, k);
  return out;
}

const result: Record<string, Compact & { known?: Known }> = {};
for (const arg of process.argv.slice(2)) {
  const [version, file] = arg.split('=');
  const crd = parse(readFileSync(file!, 'utf8'), { maxAliasCount: -1 });
  const v1 = crd.spec.versions.find((v: { name: string }) => v.name === 'v1');
  result[version!] = { ...(compact(v1.schema.openAPIV3Schema.properties.spec) ?? {}), known: known(v1.schema.openAPIV3Schema.properties.spec) };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
