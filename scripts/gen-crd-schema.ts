/**
 * Extracts what the API server checks of a RayService `spec` from each release's CRD into a compact
 * structural schema that src/kuberay/schema/ applies before the planner reads a manifest: types
 * (int-or-string included), enums, required fields, list-map keys, ranges, lengths, patterns and
 * CEL rules (x-kubernetes-validations). Equal subtrees (the pod template appears twice per release,
 * and little changes between releases) are stored once: `nodes` is a table, children are indexes.
 *
 *   node --import tsx scripts/gen-crd-schema.ts 1.3=v1.3.2.yaml 1.4=… 1.7=… > src/kuberay/schema/crd-schema.generated.json
 *
 * Each argument is a release line and its `ray.io_rayservices.yaml` (config/crd/bases/ of the
 * operator module, or `git show vX.Y.Z:ray-operator/config/crd/bases/ray.io_rayservices.yaml`).
 * The served `v1alpha1` version has a schema of its own (older: no upgradeStrategy,
 * rayClusterDeletionDelaySeconds, managedBy…; rayStartParams still required): `v1alpha1Roots`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-validations'?: { rule: string; message?: string }[];
}

/** A node: same keys as the schema where it can, children as indexes into `nodes`. */
type Node = Record<string, unknown>;

const nodes: Node[] = [];
const index = new Map<string, number>();

function intern(node: Node): number {
  const key = JSON.stringify(node);
  let i = index.get(key);
  if (i === undefined) {
    i = nodes.push(node) - 1;
    index.set(key, i);
  }
  return i;
}

const COPIED = ['type', 'format', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'nullable'] as const;

function compact(s: Schema): number {
  const n: Node = {};
  for (const k of COPIED) if (s[k] !== undefined) n[k] = s[k];
  if (s['x-kubernetes-int-or-string']) n.intOrString = true;
  if (s['x-kubernetes-preserve-unknown-fields']) n.preserveUnknown = true;
  if (s['x-kubernetes-list-type']) n.listType = s['x-kubernetes-list-type'];
  if (s['x-kubernetes-list-map-keys']) n.listMapKeys = s['x-kubernetes-list-map-keys'];
  if (s['x-kubernetes-validations']) n.rules = s['x-kubernetes-validations'].map((v) => ({ rule: v.rule, ...(v.message ? { message: v.message } : {}) }));
  if (s.required?.length) n.required = [...s.required].sort();
  if (s.properties) {
    const p: Record<string, number> = {};
    for (const k of Object.keys(s.properties).sort()) p[k] = compact(s.properties[k]!);
    n.properties = p;
  }
  if (s.items) n.items = compact(s.items);
  if (typeof s.additionalProperties === 'object') n.additionalProperties = compact(s.additionalProperties);
  else if (s.additionalProperties === true) n.additionalProperties = intern({});
  return intern(n);
}

const roots: Record<string, number> = {};
/** Where a release's v1alpha1 schema differs from its v1 (it does in every release: fewer fields). */
const v1alpha1Roots: Record<string, number> = {};
for (const arg of process.argv.slice(2)) {
  const [minor, file] = arg.split('=');
  const crd = parse(readFileSync(file!, 'utf8'), { maxAliasCount: -1 });
  const specOf = (name: string) => crd.spec.versions.find((v: { name: string }) => v.name === name)?.schema.openAPIV3Schema.properties.spec;
  roots[minor!] = compact(specOf('v1'));
  const alpha = specOf('v1alpha1');
  if (alpha && compact(alpha) !== roots[minor!]) v1alpha1Roots[minor!] = compact(alpha);
}
process.stdout.write(`${JSON.stringify({ roots, v1alpha1Roots, nodes })}\n`);
