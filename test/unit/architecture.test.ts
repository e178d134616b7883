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
