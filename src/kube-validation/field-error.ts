/**
 * A field error as the API server words it (k8s.io/apimachinery/pkg/util/validation/field,
 * `Error.Error()`): the field path as the pod sees it, the error type, the bad value and a detail.
 * The path also keeps its segments, so the planner can find the same field in the manifest.
 */
import type { PathSegment } from '../util/objects.js';

/** A field path: the segments (map keys and list indexes) and Kubernetes' text (`a.b[0].c[key]`). */
export interface FieldPath {
  readonly segments: readonly PathSegment[];
  readonly text: string;
}

export const fieldRoot = (name: string): FieldPath => ({ segments: [name], text: name });
export const child = (p: FieldPath, name: string): FieldPath => ({ segments: [...p.segments, name], text: `${p.text}.${name}` });
export const index = (p: FieldPath, i: number): FieldPath => ({ segments: [...p.segments, i], text: `${p.text}[${i}]` });
export const key = (p: FieldPath, k: string): FieldPath => ({ segments: [...p.segments, k], text: `${p.text}[${k}]` });

/** One refusal of pod validation: its rule id (docs/rule-ids.md), the field and the API server's message. */
export interface PodFieldError {
  readonly rule: string;
  readonly field: FieldPath;
  /** `field: Type: value: detail`, exactly as the API server prints one error of its list. */
  readonly message: string;
}

/** A bad value as Go's field.Error prints it: strings quoted (%q), numbers as they are. */
export type BadValue = string | number;

/** Values longer than this are cut (manifests are hostile input; the API server would print them whole). */
const MAX_VALUE = 200;

function quote(v: BadValue): string {
  if (typeof v !== 'string') return String(v);
  return JSON.stringify(v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v);
}

function make(rule: string, field: FieldPath, body: string, detail: string): PodFieldError {
  return { rule, field, message: `${field.text}: ${body}${detail ? `: ${detail}` : ''}` };
}

export const invalid = (rule: string, f: FieldPath, value: BadValue, detail: string) => make(rule, f, `Invalid value: ${quote(value)}`, detail);
export const required = (rule: string, f: FieldPath, detail = '') => make(rule, f, 'Required value', detail);
export const duplicate = (rule: string, f: FieldPath, value: BadValue) => make(rule, f, `Duplicate value: ${quote(value)}`, '');
export const notFound = (rule: string, f: FieldPath, value: BadValue) => make(rule, f, `Not found: ${quote(value)}`, '');
export const forbidden = (rule: string, f: FieldPath, detail: string) => make(rule, f, 'Forbidden', detail);
export const notSupported = (rule: string, f: FieldPath, value: BadValue, supported: readonly string[]) =>
  make(rule, f, `Unsupported value: ${quote(value)}`, supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '');
