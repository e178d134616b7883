/**
 * Reads the smoke file both entry points take (`apply --smoke`, the action's `smoke`), checks it,
 * and fills `${NAME}` in header values from the environment (the CI's secrets). A file that cannot
 * be read is refused as a manifest would be.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { InputError } from '../manifests/input-error.js';
import { fillHeaders, parseSmokeFile, type SmokeSpec } from '../settings/smoke-file.js';

const MAX_FILE = 256 * 1024;

export async function loadSmokeFile(path: string, defaultNamespace: string, displayRoot = process.cwd()): Promise<SmokeSpec> {
  const shown = relative(displayRoot, path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(shown, undefined, undefined, `cannot read the smoke file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (text.length > MAX_FILE) throw new InputError(shown, undefined, undefined, `the smoke file is larger than ${MAX_FILE / 1024} KiB`);
  return fillHeaders(parseSmokeFile(text, shown, defaultNamespace), process.env, shown);
}
