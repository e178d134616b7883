/**
 * The API server's refusal of a dry run, mapped back to manifest lines: CRD schema errors carry
 * field causes (`spec.rayClusterConfig.workerGroupSpecs[0].replicas`), server-side apply's "field not
 * declared in schema" only a message with the path in it. Pure.
 */
import type { PathSegment } from '../../manifests/yaml-documents.js';
import type { DryRunError } from '../types.js';
import { REDACTED, redactAt } from '../redact.js';

export function dryRunErrors(
  refusal: { readonly message: string; readonly causes: readonly { readonly field?: string; readonly message: string }[] },
  lineOf: (path: readonly PathSegment[]) => number | null,
): DryRunError[] {
  const fromCauses = refusal.causes.map((c) => {
    const path = c.field ? parseFieldPath(c.field) : pathInMessage(c.message);
    return { path: path ? (c.field?.replace(/^\./, '') ?? formatted(path)) : null, line: path ? lineOf(path) : null, message: redacted(c.message, path) };
  });
  if (fromCauses.length) return dedupe(fromCauses);
  const path = pathInMessage(refusal.message);
  return [{ path: path ? formatted(path) : null, line: path ? lineOf(path) : null, message: redacted(refusal.message, path) }];
}

/** The API server quotes the refused value ("Invalid value: …", "got …"): not when the field looks secret. */
function redacted(message: string, path: readonly PathSegment[] | undefined): string {
  if (!path || redactAt(path, 'x') !== REDACTED) return message;
  return message.replace(/(Invalid value: )("(?:[^"\\]|\\.)*"|\S+)/g, `$1${REDACTED}`).replace(/(got )("(?:[^"\\]|\\.)*"|\S+)/g, `$1${REDACTED}`);
}

/** `spec.a.b[0].c`, `.spec.a["x.y"]`, `spec.a[key=value]` (list-map keys: not followed) → segments. */
export function parseFieldPath(field: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  const re = /\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[([^\]]*)\]/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < field.length && (m = re.exec(field))) {
    at = re.lastIndex;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
    else break; // [name=value]: an associative key we cannot place by position
  }
  return out.length && (out[0] === 'spec' || out[0] === 'metadata') ? out : undefined;
}

function pathInMessage(message: string): PathSegment[] | undefined {
  const m = /(?:^|[\s:(])\.?((?:spec|metadata)(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*)/.exec(message);
  return m ? parseFieldPath(m[1]!) : undefined;
}

function formatted(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

function dedupe(errors: DryRunError[]): DryRunError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
