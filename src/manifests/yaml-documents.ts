/**
 * YAML text → documents that remember where every value came from.
 *
 * The planner works on plain JS values; the source positions are kept beside them so that a
 * change or a refusal can name its manifest line. Parsing is defensive: alias bombs, duplicate
 * keys and oversized input are refused quickly with a message, never a hang.
 *
 * Aliases are bounded by what they EXPAND to, as the Go YAML decoder behind kubectl does (go-yaml
 * v2/v3, via sigs.k8s.io/yaml): a document may take up to 99% of its decoded nodes from alias
 * expansion while it stays under 400,000 nodes; from there the allowed share falls linearly to 10%
 * at 4,000,000. Counting aliases instead (the `yaml` package's maxAliasCount) lets a 26 KB file
 * expand to gigabytes downstream, and refuses honest files that reuse one small anchor often.
 *
 * Scalars and merge keys are read as kubectl reads them (sigs.k8s.io/yaml, go-yaml v2: YAML 1.1
 * booleans such as `yes`/`no`/`on`/`off`, `<<` merge keys, go-yaml's numbers: go-yaml-scalars.ts),
 * and the KubeRay operator reads serveConfigV2 the same way (k8s.io/apimachinery/pkg/util/yaml).
 */
import { LineCounter, parseAllDocuments, isAlias, isMap, isSeq, isScalar, isPair, type Alias, type Document, type Node } from 'yaml';
import { goYamlTags } from './go-yaml-scalars.js';
import { InputError } from './input-error.js';

import type { PathSegment } from '../util/objects.js';

export type { PathSegment };

/** One parsed YAML document, with a way to find the line of any path inside it. */
export interface SourceDocument {
  readonly file: string;
  /** 1-based line where the document starts. */
  readonly line: number;
  readonly value: unknown;
  /** Line of the deepest node found along `path` (the key's line for mapping entries). */
  lineOf(path: readonly PathSegment[]): number;
  /**
   * For a block scalar (`key: |`), the line of its first content line, so that positions inside
   * an embedded YAML string (serveConfigV2) map back to the manifest. Undefined otherwise.
   */
  blockScalarStart(path: readonly PathSegment[]): number | undefined;
}

/** Files larger than this are refused: a RayService manifest is kilobytes, not megabytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** go-yaml's alias_ratio_range_low / _high: the decoded-node counts between which the ratio falls. */
const ALIAS_RATIO_RANGE_LOW = 400_000;
const ALIAS_RATIO_RANGE_HIGH = 4_000_000;

export function parseYamlDocuments(file: string, text: string): SourceDocument[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      undefined,
      undefined,
      `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
      'split it, or keep generated data out of manifest folders',
    );
  }
  checkNesting(file, text);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: '1.1',
    merge: true,
    customTags: goYamlTags,
  });
  // parseAllDocuments returns an EmptyStream (no docs) for an empty file.
  const out: SourceDocument[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    const lineAt = (offset: number) => lineCounter.linePos(offset).line;
    const first = doc.errors[0];
    if (first) {
      const line = first.pos ? lineAt(first.pos[0]) : undefined;
      throw new InputError(file, line, undefined, `invalid YAML: ${firstLine(first.message)}`, 'fix the syntax; `yamllint` shows the same spot');
    }
    const startLine = lineAt(doc.range[0]);
    const targets = checkAliasExpansion(doc, file, lineAt);
    let value: unknown;
    try {
      // The library finds an alias's anchor by scanning every anchor and alias before it (quadratic:
      // 5,000 aliases took seconds); the walk above resolved each already, in the same way.
      for (const [alias, target] of targets) Object.defineProperty(alias, 'resolve', { value: () => target });
      value = doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      throw new InputError(file, startLine, undefined, `invalid YAML: ${firstLine((e as Error).message)}`);
    }
    if (value === null || value === undefined) continue; // an empty document between `---`
    const nonFinite = nonFinitePath(value, []);
    if (nonFinite) {
      const line = locate(doc, nonFinite, lineAt).line ?? startLine;
      throw new InputError(
        file,
        line,
        undefined,
        'is .inf or .nan, which JSON cannot carry (kubectl cannot send it)',
        'write a finite number, or quote it as a string',
      );
    }
    out.push({
      file,
      line: startLine,
      value,
      lineOf: (path) => locate(doc, path, lineAt).line ?? startLine,
      blockScalarStart: (path) => {
        const { node, complete } = locate(doc, path, lineAt);
        if (!complete || !isScalar(node) || !node.range) return undefined;
        if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return undefined;
        return lineAt(node.range[0]) + 1;
      },
    });
  }
  return out;
}

/**
 * Walks the document once in document order, as go-yaml decodes it, counting the nodes a decoder
 * would produce (an alias counts as its anchor's whole expanded subtree; each anchored node's
 * size is computed once, so this is linear), and refuses it at the first alias after which the
 * share of nodes that came from aliases is above what go-yaml allows. Returns every alias with the
 * node it stands for: the last anchor of that name before it, as the `yaml` package resolves it.
 */
function checkAliasExpansion(doc: Document, file: string, lineAt: (offset: number) => number): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const expandedSize = new Map<Node, number>();
  const inProgress = new Set<Node>();
  const targets = new Map<Alias, Node>();
  let decoded = 1; // the document node
  let fromAliases = 0;
  const refuse = (alias: Alias, problem: string, hint: string): never => {
    throw new InputError(file, alias.range ? lineAt(alias.range[0]) : undefined, undefined, problem, hint);
  };
  const walk = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return refuse(node, `YAML alias *${node.source} has no anchor &${node.source} before it`, 'define the anchor before using it');
      if (inProgress.has(target)) return refuse(node, `YAML alias *${node.source} is inside its own anchor (a value that contains itself)`, 'remove the alias');
      const size = expandedSize.get(target)!;
      targets.set(node, target);
      decoded += 1 + size;
      fromAliases += size;
      if (fromAliases > 100 && decoded > 1000 && fromAliases / decoded > allowedAliasRatio(decoded)) {
        refuse(
          node,
          `too many YAML aliases: with *${node.source} the document expands to ${decoded.toLocaleString('en-US')} nodes, ${percent(fromAliases / decoded)} of them alias copies (kubectl's YAML decoder allows ${percent(allowedAliasRatio(decoded))} at this size)`,
          'write the repeated parts out, or repeat less; kubectl refuses this document too ("excessive aliasing")',
        );
      }
      return 1 + size;
    }
    decoded++;
    const anchored = (isScalar(node) || isMap(node) || isSeq(node)) && node.anchor ? (node as Node) : undefined;
    if (anchored) {
      anchors.set(anchored.anchor!, anchored);
      inProgress.add(anchored);
    }
    let size = 1;
    if (isMap(node)) for (const pair of node.items) size += walk(pair.key) + walk(pair.value);
    else if (isSeq(node)) for (const item of node.items) size += walk(item);
    if (anchored) {
      inProgress.delete(anchored);
      expandedSize.set(anchored, size);
    }
    return size;
  };
  walk(doc.contents);
  return targets;
}

const percent = (ratio: number) => `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;

/** go-yaml's allowedAliasRatio: the share of decoded nodes that may come from aliases. */
export function allowedAliasRatio(decoded: number): number {
  if (decoded <= ALIAS_RATIO_RANGE_LOW) return 0.99;
  if (decoded >= ALIAS_RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - (0.89 * (decoded - ALIAS_RATIO_RANGE_LOW)) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW);
}

/** The path of the first number that is not finite (`.inf`, `.nan`), if any. */
function nonFinitePath(value: unknown, path: PathSegment[]): PathSegment[] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = nonFinitePath(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

function locate(
  doc: Document,
  path: readonly PathSegment[],
  lineAt: (offset: number) => number,
): { line: number | undefined; node: unknown; complete: boolean } {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lineAt);
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      line = rangeLine(pair.key, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      line = rangeLine(item, lineAt) ?? line;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { line, node, complete: depth === path.length };
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? lineAt(range[0]) : undefined;
}

function firstLine(s: string): string {
  const line = s.split('\n')[0]!.trim();
  // The parser recurses per level: what a person should read is that the nesting is too deep.
  return /Maximum call stack size exceeded/.test(line) ? `nested too deeply to read (more than ${MAX_NESTING} levels)` : line;
}

/**
 * Kubernetes manifests nest a few dozen levels at most. A hostile file can nest thousands of flow
 * collections (`[[[[…`) in a few kilobytes, and the parser recurses once per level: refuse before
 * parsing, in one linear pass that skips quoted scalars and comments, naming the line.
 */
const MAX_NESTING = 200;

function checkNesting(file: string, text: string): void {
  let depth = 0;
  let line = 1;
  let quote: '' | "'" | '"' = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) {
        throw new InputError(
          file,
          line,
          undefined,
          `nested deeper than ${MAX_NESTING} levels`,
          'a Kubernetes manifest never needs this; check how the file was generated',
        );
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}
