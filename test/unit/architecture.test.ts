/**
 * The layers of docs/architecture.md, enforced: a folder imports only from its own layer or
 * below, and the pure core imports no I/O module. Read from the source text, so a new import that
 * crosses a layer fails here rather than in review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first. Folders on one row are peers and must not import each other in a cycle. */
const LAYERS: readonly (readonly string[])[] = [
  ['util'],
  ['quantity', 'manifests'],
  ['kube-validation'],
  ['kuberay', 'serve'],
  ['settings'],
  ['capacity'],
  ['placement'],
  ['planner'],
  ['targets'],
  ['rollout'],
  ['render'],
  ['kube', 'git', 'github', 'render-manifests'],
  ['flows'],
  ['cli', 'action'],
];
const PURE = new Set(['util', 'quantity', 'manifests', 'kuberay', 'serve', 'settings', 'capacity', 'placement', 'planner', 'targets', 'rollout', 'render']);
PURE.add('kube-validation');
/** The one module of the pure folders that touches the file system: it loads the manifests. */
const IO_ALLOWED = new Set(['manifests/load.ts']);
const IO_MODULES = /^(node:(fs|fs\/promises|child_process|net|http|https|tls|dns|os|process|worker_threads)|@actions\/|@kubernetes\/)/;

const SRC = join(import.meta.dirname, '../../src');
const layerOf = (folder: string) => LAYERS.findIndex((row) => row.includes(folder));

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(SRC, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1]!,
  );
}

const files = sources(SRC).filter((f) => f.includes('/'));

describe('architecture', () => {
  it('knows every folder of src/', () => {
    const folders = new Set(files.map((f) => f.split('/')[0]!));
    expect([...folders].filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it.each(files)('%s imports only its own layer or below', (file) => {
    const from = file.split('/')[0]!;
    const upward = importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => normalize(join(dirname(file), spec)).split('/')[0]!)
      .filter((to) => to !== from && layerOf(to) >= layerOf(from));
    expect(upward).toEqual([]);
  });

  it.each(files.filter((f) => PURE.has(f.split('/')[0]!) && !IO_ALLOWED.has(f)))('%s (pure core) does no I/O', (file) => {
    expect(importsOf(file).filter((spec) => IO_MODULES.test(spec))).toEqual([]);
  });
});

/** The catalogs of words and their helper: the only modules that write the English of reasons, notes and hints. */
const WORDING = /^(planner\/wording\/|rollout\/wording\.ts$|util\/wording\.ts$)/;
const LITERAL = `['"\`]`;
/** A string or template literal (its `${…}` included), for the object patterns. */
const NO_BRACES = String.raw`(?:[^{}]|\$\{[^{}]*\})*`;
const WORDS_WRITTEN_IN_PLACE: readonly RegExp[] = [
  // reason('id', 'text'), note(id, `text`), hint('id', "text"), fieldNote('id', '…'): prose handed over instead of data.
  new RegExp(String.raw`(?<![\w.$])(?:reason|note|hint|fieldNote)\(\s*(?:[^,()]|\([^()]*\))+,\s*${LITERAL}`, 'g'),
  // overridden(reasons, by, 'Prefix'): the prefix is the overriding rule's words.
  new RegExp(String.raw`(?<![\w.$])overridden\([^,()]+,[^,()]+,\s*${LITERAL}`, 'g'),
  // { rule: …, text: '…' }, { id: …, note: `…` }, and the other order: a Reason, Note, Hint or field note built by hand.
  new RegExp(String.raw`\{${NO_BRACES}\b(?:rule|id)\s*:${NO_BRACES}\b(?:text|note)\s*:\s*${LITERAL}`, 'g'),
  new RegExp(String.raw`\{${NO_BRACES}\b(?:text|note)\s*:\s*${LITERAL}${NO_BRACES}\b(?:rule|id)\s*:`, 'g'),
];

/** Where a module writes the English of a reason, a note, a field note or a hint itself. */
function wordsWrittenInPlace(source: string): string[] {
  return WORDS_WRITTEN_IN_PLACE.flatMap((re) => [...source.matchAll(re)].map((m) => m[0].replace(/\s+/g, ' ').slice(0, 120)));
}

describe('words live in the catalogs', () => {
  it.each(sources(SRC).filter((f) => !WORDING.test(f)))('%s hands over rule ids and data, never English', (file) => {
    expect(wordsWrittenInPlace(readFileSync(join(SRC, file), 'utf8'))).toEqual([]);
  });

  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code to scan, not a template
    { code: "reason('service.create', `New RayService: ${size}`)", found: true },
    { code: "reason(\n  'cluster.hash-changed',\n  'The RayCluster spec changed',\n)", found: true },
    { code: "notes.push(note('live.absent', \"In Git's base but not in the cluster\"))", found: true },
    { code: "hint('no-room', 'The nodes lack room for this pod')", found: true },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code to scan, not a template
    { code: 'fieldNote(RULE_HASH_BLANKED, `not in the cluster hash of ${v}`)', found: true },
    { code: "overridden(p.reasons, halted.rule, 'Otherwise')", found: true },
    { code: "{ ...c, effect: 'ignored', rule: 'service.stays-suspended', note: 'the RayService stays suspended' }", found: true },
    { code: "add(hints, { id: 'no-observation', text: 'No observation of the RayService arrived' })", found: true },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code to scan, not a template
    { code: "({ text: `Pods of ${pending} cannot be scheduled`, id: 'room-for-both-clusters' })", found: true },
    { code: "reason('service.create', { size: size.total })", found: false },
    { code: "notes.push(note('live.absent'))", found: false },
    { code: "hint('container-crashing', { namespace, pod: pod.name })", found: false },
    { code: "overridden(p.reasons, 'live.incremental-revert')", found: false },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code to scan, not a template
    { code: "out.push({ level: 'info', text: `${id}: ${n.text}` })", found: false },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code to scan, not a template
    { code: "return { kind: 'other', status, text: `HTTP ${status}: ${message}` }", found: false },
    { code: "pendingClusterHint(state, cluster, rs); core.notice('x', 'y')", found: false },
  ])('the scan finds words written in place: $code', ({ code, found }) => {
    expect(wordsWrittenInPlace(code).length > 0).toBe(found);
  });
});
