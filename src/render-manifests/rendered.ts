/**
 * One side of a rendered plan: run the renderer in the tree, read the RayServices it printed, and
 * work out where each rendered line came from (kustomize's origin annotations), so the plan can
 * name source files and lines.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../manifests/yaml-documents.js';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { manifestsFromTexts, type ManifestSet } from '../manifests/load.js';
import { isPlainObject, serviceKey } from '../util/objects.js';
import { isScalar } from 'yaml';
import { locatedDocuments, nodeAt, ORIGIN, sameObjectIn, traceLines, TRANSFORMATIONS, type Located, type SourceLine } from './origins.js';
import { runRenderer, type RunLimits } from './run.js';
import type { RenderCommand } from './spec.js';

export interface RenderedSide {
  readonly manifests: ManifestSet;
  /** The name the rendered output goes by in plans and messages. */
  readonly renderedName: string;
  /** Rendered line → source file and line, where kustomize said. */
  readonly lines: ReadonlyMap<number, SourceLine>;
  /** namespace/name → the file the RayService was read from, where kustomize said. */
  readonly origins: ReadonlyMap<string, string>;
}

export interface RenderOptions {
  readonly defaultNamespace: string;
  /** `base` or `head`, for messages. */
  readonly side: string;
  readonly limits?: RunLimits;
}

export function renderedName(command: RenderCommand): string {
  return `${command.spec} (rendered)`;
}

export async function renderSide(tree: string, command: RenderCommand, options: RenderOptions): Promise<RenderedSide> {
  const name = renderedName(command);
  // An overlay or chart that the base does not have yet (added by this change): nothing ran before.
  if (command.input !== undefined && !(await exists(join(tree, command.input)))) {
    return { manifests: new Map(), renderedName: name, lines: new Map(), origins: new Map() };
  }
  const text = await runRenderer(command, tree, options.side, options.limits);
  const manifests = manifestsFromTexts([{ file: name, text }], options.defaultNamespace);
  const lines = new Map<number, SourceLine>();
  const origins = new Map<string, string>();
  for (const rendered of locatedDocuments(name, text)) {
    const object = rendered.root.toJSON() as unknown;
    if (!isPlainObject(object) || object.kind !== 'RayService' || !isPlainObject(object.metadata)) continue;
    const sources = await sourcesOf(tree, command.originRoot, object);
    if (sources.length === 0) continue;
    traceLines(rendered, sources, lines);
    const id = serviceKey({ namespace: namespaceOf(object.metadata, options.defaultNamespace), name: String(object.metadata.name) });
    origins.set(id, sources[0]!.file);
  }
  for (const m of manifests.values()) dropBuildAnnotations(m.object);
  return { manifests, renderedName: name, lines, origins };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

function namespaceOf(metadata: Record<string, unknown>, fallback: string): string {
  return typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : fallback;
}

/**
 * The annotations kustomize adds on request say where the object came from; they are not part of
 * what the operator acts on, and differ between revisions, so the planner never sees them.
 */
function dropBuildAnnotations(object: Record<string, unknown>): void {
  const metadata = object.metadata;
  if (!isPlainObject(metadata) || !isPlainObject(metadata.annotations)) return;
  delete metadata.annotations[ORIGIN];
  delete metadata.annotations[TRANSFORMATIONS];
  if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
}

/** The origin document, then the patches of the kustomizations that transformed it, in order. */
async function sourcesOf(tree: string, originRoot: string, object: Record<string, unknown>): Promise<Located[]> {
  const annotations = isPlainObject(object.metadata) && isPlainObject(object.metadata.annotations) ? object.metadata.annotations : {};
  const origin = yamlField(annotations[ORIGIN]);
  // A remote base (`repo:` in the origin) is not in the tree: its lines stay the rendered output's.
  if (!isPlainObject(origin) || typeof origin.path !== 'string' || origin.repo !== undefined) return [];
  const originFile = inTree(tree, join(originRoot, origin.path));
  if (!originFile) return [];
  const docs = await readLocated(tree, originFile);
  const originDoc = pick(docs, object);
  if (!originDoc) return [];
  const originName = (originDoc.root.toJSON() as { metadata: { name: string } }).metadata.name;
  const patches: Located[] = [];
  const seen = new Set<string>();
  const steps = yamlField(annotations[TRANSFORMATIONS]);
  for (const step of Array.isArray(steps) ? steps : []) {
    if (!isPlainObject(step) || typeof step.configuredIn !== 'string' || seen.has(step.configuredIn)) continue;
    if (!isPlainObject(step.configuredBy) || !/Patch/.test(String(step.configuredBy.kind))) continue;
    seen.add(step.configuredIn);
    patches.push(...(await patchesIn(tree, join(originRoot, step.configuredIn), originName)));
  }
  return [originDoc, ...patches];
}

/**
 * The strategic-merge patches a kustomization lists that name this RayService: patch files
 * (`patches[].path`, `patchesStrategicMerge`) and inline patches (`patches[].patch: |`, whose lines
 * are lines of the kustomization itself).
 */
async function patchesIn(tree: string, kustomizationPath: string, name: string): Promise<Located[]> {
  const file = inTree(tree, kustomizationPath);
  if (!file) return [];
  const [doc] = await readLocated(tree, file);
  const k = doc?.root.toJSON() as unknown;
  if (!doc || !isPlainObject(k)) return [];
  const out: Located[] = [];
  const patches = Array.isArray(k.patches) ? k.patches : [];
  const files = [...(Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []), ...patches.map((p) => (isPlainObject(p) ? p.path : undefined))];
  for (const p of files.filter((x): x is string => typeof x === 'string' && /\.ya?ml$/i.test(x))) {
    const patchFile = inTree(tree, join(dirname(file), p));
    const found = patchFile && sameObjectIn(await readLocated(tree, patchFile), 'RayService', name);
    if (found) out.push(found);
  }
  for (const [i, p] of patches.entries()) {
    if (!isPlainObject(p) || typeof p.patch !== 'string') continue;
    const node = nodeAt(doc.root, ['patches', i, 'patch']);
    if (!isScalar(node) || !node.range || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) continue;
    const found = sameObjectIn(locatedDocuments(file, p.patch, doc.lineAt(node.range[0]) + 1), 'RayService', name);
    if (found) out.push(found);
  }
  return out;
}

function pick(docs: readonly Located[], object: Record<string, unknown>): Located | undefined {
  const name = isPlainObject(object.metadata) ? String(object.metadata.name) : '';
  const byName = sameObjectIn(docs, 'RayService', name);
  if (byName) return byName;
  // A namePrefix or nameSuffix renamed it: the file's only RayService is the one.
  const all = docs.filter((d) => (d.root.toJSON() as { kind?: unknown })?.kind === 'RayService');
  return all.length === 1 ? all[0] : undefined;
}

/** A path inside the tree, relative to it; undefined when it leads out (a remote base, `..` above the root). */
function inTree(tree: string, path: string): string | undefined {
  const rel = relative(tree, resolve(tree, normalize(path)));
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? undefined : rel.split(sep).join('/');
}

/** A source file's documents; none for a file that is missing, not a file, or larger than a manifest may be. */
async function readLocated(tree: string, file: string): Promise<Located[]> {
  const size = await stat(join(tree, file))
    .then((st) => (st.isFile() ? st.size : Number.POSITIVE_INFINITY))
    .catch(() => Number.POSITIVE_INFINITY);
  if (size > MAX_FILE_BYTES) return [];
  const text = await readFile(join(tree, file), 'utf8').catch(() => undefined);
  return text === undefined ? [] : locatedDocuments(file, text);
}

function yamlField(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
