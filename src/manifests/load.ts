/**
 * The file-system adapter: a file or a folder (searched recursively for .yaml/.yml) → the
 * RayServices in it, keyed by namespace/name. Refuses two documents with the same identity.
 */
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { decodeManifest } from './decode.js';
import { InputError } from './input-error.js';
import { rayServicesIn, type RayServiceManifest } from './rayservice.js';
import { parseYamlDocuments } from './yaml-documents.js';
import { serviceKey } from '../util/objects.js';

export type ManifestSet = Map<string, RayServiceManifest>;

export interface LoadOptions {
  defaultNamespace: string;
  /** Paths in messages and plans are shown relative to this folder. */
  displayRoot?: string;
}

/**
 * Lists the YAML files of a file or folder, sorted, skipping dot-folders and node_modules. A
 * symbolic link named like a YAML file is read through, as kubectl reads it; one that leads nowhere
 * is refused rather than skipped without a word. Linked folders are not entered (kubectl's walk
 * does not enter them either).
 */
export async function yamlFilesOf(path: string): Promise<string[]> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    throw new InputError(path, undefined, undefined, 'no such file or folder', 'check the --base/--head path');
  }
  if (st.isFile()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const candidates = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/i.test(e.name))
    .filter(
      (e) =>
        !relative(path, join(e.parentPath, e.name))
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    );
  const files: string[] = [];
  for (const e of candidates) {
    const file = join(e.parentPath, e.name);
    if (e.isSymbolicLink() && !(await isLinkToFile(file))) continue;
    files.push(file);
  }
  return files.sort();
}

async function isLinkToFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    const target = await readlink(file).catch(() => '?');
    throw new InputError(file, undefined, undefined, `is a symbolic link to ${target}, which does not exist`, 'fix or remove the link');
  }
}

/** Reads and parses every YAML file under `path`. Returns an empty set for a missing side when `allowMissing`. */
export async function loadManifests(path: string, options: LoadOptions): Promise<ManifestSet> {
  const files = await yamlFilesOf(path);
  const shown = (f: string) => (options.displayRoot !== undefined ? relative(options.displayRoot, f) || f : f);
  const texts = await Promise.all(files.map(async (f) => decodeManifest(shown(f), await readFile(f))));
  return manifestsFromTexts(
    files.map((f, i) => ({ file: shown(f), text: texts[i]! })),
    options.defaultNamespace,
  );
}

/**
 * The YAML files under `root` whose path relative to it `matches` (a target's globs, as the action
 * matches them in Git), shown relative to `root`. A missing root is an empty side (an environment
 * the base tree does not have yet).
 */
export async function loadMatching(root: string, matches: (path: string) => boolean, defaultNamespace: string): Promise<ManifestSet> {
  const exists = await stat(root).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return new Map();
  const files = (await yamlFilesOf(root)).map((f) => relative(root, f).split(sep).join('/')).filter(matches);
  const texts = await Promise.all(files.map(async (f) => decodeManifest(f, await readFile(join(root, f)))));
  return manifestsFromTexts(
    files.map((file, i) => ({ file, text: texts[i]! })),
    defaultNamespace,
  );
}

/** The pure part of loading: file texts → RayServices by identity. */
export function manifestsFromTexts(files: { file: string; text: string }[], defaultNamespace: string): ManifestSet {
  const set: ManifestSet = new Map();
  for (const { file, text } of files) {
    for (const doc of parseYamlDocuments(file, text)) {
      for (const rs of rayServicesIn(doc, defaultNamespace)) {
        const id = serviceKey(rs);
        const prior = set.get(id);
        if (prior) {
          throw new InputError(
            file,
            doc.lineOf([...rs.pathInDocument, 'metadata', 'name']),
            'metadata.name',
            `RayService ${id} is defined twice (also ${prior.source.file}:${prior.source.lineOf([...prior.pathInDocument, 'metadata', 'name'])})`,
            'keep one manifest per RayService',
          );
        }
        set.set(id, rs);
      }
    }
  }
  return set;
}
