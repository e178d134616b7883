/**
 * YAML text → documents that remember where every value came from.
 *
 * The planner works on plain JS values; the source positions are kept beside them so that a
 * change or a refusal can name its manifest line. Parsing is defensive: alias bombs, duplicate
 * keys and oversized input are refused quickly with a message, never a hang.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
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
/** Aliases resolved per document before we call it a resource-exhaustion attack. */
const MAX_ALIAS_COUNT = 1000;

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
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
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
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = (e as Error).message;
      if (/alias/i.test(msg)) {
        throw new InputError(
          file,
          startLine,
          undefined,
          'too many YAML aliases (an alias bomb?)',
          'expand the anchors by hand; manifests should not need thousands of aliases',
        );
      }
      throw new InputError(file, startLine, undefined, `invalid YAML: ${firstLine(msg)}`);
    }
    if (value === null || value === undefined) continue; // an empty document between `---`
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
  return s.split('\n')[0]!.trim();
}
