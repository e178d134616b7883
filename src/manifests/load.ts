/**
 * The file-system adapter: a file or a folder (searched recursively for .yaml/.yml) → the
 * RayServices in it, keyed by namespace/name. Refuses two documents with the same identity.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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

/** Lists the YAML files of a file or folder, sorted, skipping dot-folders and node_modules. */
export async function yamlFilesOf(path: string): Promise<string[]> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    throw new InputError(path, undefined, undefined, 'no such file or folder', 'check the --base/--head path');
  }
  if (st.isFile()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (f) =>
        !relative(path, f)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
}

/** Reads and parses every YAML file under `path`. Returns an empty set for a missing side when `allowMissing`. */
export async function loadManifests(path: string, options: LoadOptions): Promise<ManifestSet> {
  const files = await yamlFilesOf(path);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return manifestsFromTexts(
    files.map((f, i) => ({ file: options.displayRoot !== undefined ? relative(options.displayRoot, f) || f : f, text: texts[i]! })),
    options.defaultNamespace,
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
