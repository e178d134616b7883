/**
 * Where a rendered line came from. kustomize says it when asked (`buildMetadata:
 * [originAnnotations, transformerAnnotations]`): `config.kubernetes.io/origin` names the file each
 * object was read from, and `alpha.config.kubernetes.io/transformations` the kustomizations whose
 * patches changed it. A rendered key is traced to the last patch that sets it to the rendered value,
 * else to the origin file when that holds it with the same value; anything else (a namespace set
 * by a transformer, a Helm template) stays a line of the rendered output.
 */
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseAllDocuments, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { isPlainObject } from '../util/objects.js';

export const ORIGIN = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

/** A parsed YAML object with the line of each node. */
export interface Located {
  readonly file: string;
  readonly root: Node;
  readonly lineAt: (offset: number) => number;
}

type Path = (string | number)[];

/**
 * Every YAML document of a text, each with a way to turn offsets into lines; `firstLine` is the
 * file's line of the text's first line (an inline patch inside a kustomization's block scalar).
 */
export function locatedDocuments(file: string, text: string, firstLine = 1): Located[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc }) as Document[] | { errors: unknown[] };
  if (!Array.isArray(docs)) return [];
  const lineAt = (o: number) => lc.linePos(o).line + firstLine - 1;
  return docs.filter((d) => d.errors.length === 0 && d.contents).map((d) => ({ file, root: d.contents as Node, lineAt }));
}

/** The node at `path`, or undefined. */
export function nodeAt(root: Node, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = root;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      node = pair?.value;
    } else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node as Node;
}

const jsOf = (n: Node | undefined): unknown => (n && 'toJSON' in n ? (n as { toJSON(): unknown }).toJSON() : undefined);
const lineOfNode = (l: Located, n: Node): number | undefined => (n.range ? l.lineAt(n.range[0]) : undefined);

/**
 * Rendered line → source line for one rendered object, given its sources in the order they were
 * applied (the origin first, then patches).
 */
export function traceLines(rendered: Located, sources: readonly Located[], into: Map<number, SourceLine>): void {
  const visit = (node: Node, path: Path, keyLine: number | undefined) => {
    const from = sourceOf(node, path, sources);
    if (from && keyLine !== undefined) {
      const srcKey = keyLineIn(from, path);
      // Visited outside in: a deeper key on the same rendered line (`- image: …` opens a list item) wins.
      if (srcKey !== undefined) into.set(keyLine, { file: from.file, line: srcKey });
      if (isScalar(node)) mapBlockScalar(rendered, node, from, path, into);
    }
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p) || !isScalar(p.key) || !p.value) continue;
        visit(p.value as Node, [...path, String(p.key.value)], lineOfNode(rendered, p.key as Node));
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) visit(item as Node, [...path, i], lineOfNode(rendered, item as Node));
    }
  };
  visit(rendered.root, [], undefined);
}

/** The last source that holds `path` with the rendered value (a collection: that holds `path`). */
function sourceOf(node: Node, path: Path, sources: readonly Located[]): Located | undefined {
  const value = jsOf(node);
  for (let i = sources.length - 1; i >= 0; i--) {
    const src = sources[i]!;
    const there = nodeAt(src.root, path);
    if (!there) continue;
    if (isScalar(node) ? isDeepStrictEqual(jsOf(there), value) : isMap(there) || isSeq(there)) return src;
  }
  return undefined;
}

/** The line of the key (or list item) at `path` in a source. */
function keyLineIn(src: Located, path: Path): number | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(src.root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    return pair?.key ? lineOfNode(src, pair.key as Node) : undefined;
  }
  const item = isSeq(parent) && typeof last === 'number' ? parent.items[last] : undefined;
  return item ? lineOfNode(src, item as Node) : undefined;
}

/** The lines inside a block scalar (serveConfigV2) map one to one when both sides hold the same text. */
function mapBlockScalar(rendered: Located, node: Node, from: Located, path: Path, into: Map<number, SourceLine>): void {
  const there = nodeAt(from.root, path);
  const isBlock = (n: Node | undefined) => isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED');
  if (!isBlock(node) || !isBlock(there) || !node.range || !there?.range) return;
  const start = rendered.lineAt(node.range[0]) + 1;
  const srcStart = from.lineAt(there.range[0]) + 1;
  const lines = String((node as { value: unknown }).value).split('\n').length;
  for (let k = 0; k < lines; k++) if (!into.has(start + k)) into.set(start + k, { file: from.file, line: srcStart + k });
}

/** The object's own document among a source file's documents: same kind and name. */
export function sameObjectIn(docs: readonly Located[], kind: string, name: string): Located | undefined {
  return docs.find((d) => {
    const v = jsOf(d.root);
    return isPlainObject(v) && v.kind === kind && isPlainObject(v.metadata) && v.metadata.name === name;
  });
}
