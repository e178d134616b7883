/**
 * Picks the RayServices out of parsed YAML documents and checks what the planner relies on:
 * `apiVersion: ray.io/v1`, a valid name, a `spec` mapping. Other kinds are skipped; `kind: List`
 * is looked into, as kubectl does.
 */
import { InputError } from './input-error.js';
import type { PathSegment, SourceDocument } from './yaml-documents.js';
import { isPlainObject } from '../util/objects.js';

export interface RayServiceManifest {
  readonly namespace: string;
  readonly name: string;
  readonly source: SourceDocument;
  /** Where the object sits inside its document (non-empty inside a `kind: List`). */
  readonly pathInDocument: readonly PathSegment[];
  readonly object: Record<string, unknown>;
}

// RFC 1123 subdomain, as Kubernetes requires of object names; KubeRay derives cluster and
// service names from it, so it must also stay short enough for a DNS label.
const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function rayServicesIn(doc: SourceDocument, defaultNamespace: string): RayServiceManifest[] {
  const out: RayServiceManifest[] = [];
  visit(doc, doc.value, [], defaultNamespace, out);
  return out;
}

function visit(doc: SourceDocument, value: unknown, path: PathSegment[], defaultNamespace: string, out: RayServiceManifest[]): void {
  if (!isPlainObject(value)) return; // not a Kubernetes object: not ours to judge
  if (value.kind === 'List' && Array.isArray(value.items)) {
    for (const [i, item] of value.items.entries()) visit(doc, item, [...path, 'items', i], defaultNamespace, out);
    return;
  }
  if (value.kind !== 'RayService') return;
  const at: LineAt = (p) => doc.lineOf([...path, ...p]);
  checkApiVersion(doc.file, value, at);
  const { name, namespace } = identityOf(doc.file, value.metadata, defaultNamespace, at);
  checkStringMaps(doc.file, value.metadata as Record<string, unknown>, at);
  checkClusterConfig(doc.file, value.spec, at);
  out.push({ namespace, name, source: doc, pathInDocument: path, object: value });
}

/** The line of a path inside the RayService being checked. */
type LineAt = (path: PathSegment[]) => number;

/**
 * ray.io/v1 and ray.io/v1alpha1: every 1.x CRD still serves v1alpha1 (stored as v1, the same
 * fields); 1.7.0 marks it deprecated. The planner plans both and notes the deprecation.
 */
function checkApiVersion(file: string, value: Record<string, unknown>, at: LineAt): void {
  if (value.apiVersion === 'ray.io/v1' || value.apiVersion === 'ray.io/v1alpha1') return;
  const got = value.apiVersion === undefined ? 'no apiVersion' : `apiVersion ${JSON.stringify(value.apiVersion)}`;
  const hint =
    typeof value.apiVersion === 'string' && value.apiVersion.startsWith('ray.io/')
      ? 'KubeRay 1.x serves ray.io/v1 (and the deprecated ray.io/v1alpha1); change it to `apiVersion: ray.io/v1`'
      : 'a RayService must be `apiVersion: ray.io/v1`';
  throw new InputError(file, at(['apiVersion']), 'apiVersion', `RayService with ${got} is not supported`, hint);
}

/** metadata.name and metadata.namespace, as the API server would accept them. */
function identityOf(file: string, metadata: unknown, defaultNamespace: string, at: LineAt): { name: string; namespace: string } {
  if (!isPlainObject(metadata)) {
    throw new InputError(file, at(['kind']), 'metadata', 'RayService has no metadata', 'add `metadata: {name: …}`');
  }
  const name = metadata.name;
  if (typeof name !== 'string' || name === '') {
    const hint = metadata.generateName !== undefined ? 'generateName cannot be tracked from Git; give it a fixed `name`' : 'add `metadata.name`';
    throw new InputError(file, at(['metadata']), 'metadata.name', 'RayService has no name', hint);
  }
  if (!NAME_RE.test(name) || name.length > 63) {
    throw new InputError(
      file,
      at(['metadata', 'name']),
      'metadata.name',
      `"${name}" is not a valid name`,
      'use lowercase letters, digits and "-", at most 63 characters',
    );
  }
  if (metadata.namespace === undefined || metadata.namespace === null) return { name, namespace: defaultNamespace };
  if (typeof metadata.namespace !== 'string' || !NAMESPACE_RE.test(metadata.namespace) || metadata.namespace.length > 63) {
    throw new InputError(file, at(['metadata', 'namespace']), 'metadata.namespace', `${JSON.stringify(metadata.namespace)} is not a valid namespace`);
  }
  return { name, namespace: metadata.namespace };
}

/** Labels and annotations map names to strings (an unquoted `true` or `300` is refused by the API server). */
function checkStringMaps(file: string, metadata: Record<string, unknown>, at: LineAt): void {
  for (const key of ['labels', 'annotations'] as const) {
    const m = metadata[key];
    if (m === undefined || m === null) continue;
    if (!isPlainObject(m) || Object.values(m).some((v) => typeof v !== 'string')) {
      throw new InputError(file, at(['metadata', key]), `metadata.${key}`, 'must map names to strings', 'quote values such as "true" or "300"');
    }
  }
}

/** What the planner relies on in spec.rayClusterConfig: a head group, and worker groups with unique names. */
function checkClusterConfig(file: string, spec: unknown, at: LineAt): void {
  if (!isPlainObject(spec)) {
    throw new InputError(file, at(['spec']), 'spec', 'RayService has no spec mapping', 'add `spec.rayClusterConfig` and `spec.serveConfigV2`');
  }
  const rcc = spec.rayClusterConfig;
  if (!isPlainObject(rcc) || !isPlainObject(rcc.headGroupSpec)) {
    throw new InputError(
      file,
      at(['spec', 'rayClusterConfig']),
      'spec.rayClusterConfig.headGroupSpec',
      'is required',
      'a RayService needs a head group; see the KubeRay samples',
    );
  }
  if (rcc.workerGroupSpecs === undefined || rcc.workerGroupSpecs === null) return;
  if (!Array.isArray(rcc.workerGroupSpecs)) {
    throw new InputError(file, at(['spec', 'rayClusterConfig', 'workerGroupSpecs']), 'spec.rayClusterConfig.workerGroupSpecs', 'must be a list');
  }
  const groups = new Map<string, number>();
  for (const [i, g] of (rcc.workerGroupSpecs as unknown[]).entries()) {
    const gp = ['spec', 'rayClusterConfig', 'workerGroupSpecs', i];
    const field = `spec.rayClusterConfig.workerGroupSpecs[${i}].groupName`;
    if (!isPlainObject(g) || typeof g.groupName !== 'string' || !g.groupName) throw new InputError(file, at(gp), field, 'is required');
    const seen = groups.get(g.groupName);
    if (seen !== undefined) {
      throw new InputError(file, at([...gp, 'groupName']), field, `"${g.groupName}" is used twice (also line ${seen})`, 'worker group names must be unique');
    }
    groups.set(g.groupName, at([...gp, 'groupName']));
  }
}
