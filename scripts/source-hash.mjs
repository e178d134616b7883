// The fingerprint of what the bundle is built from: every file under src/, the lockfile and the
// compiler settings. `npm run build` writes it to dist/source-hash.txt (committed with dist/), and
// `npm test` rebuilds dist/ first when the fingerprint no longer matches, so the tests that run the
// bundle (test/action, the CLI and action e2e suites) always test the source as it stands.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['src', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

function files(path) {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative('.', join(e.parentPath, e.name)));
  } catch {
    return [path];
  }
}

export function sourceHash() {
  const h = createHash('sha256');
  const all = INPUTS.flatMap(files)
    .map((f) => f.split('\\').join('/'))
    .sort();
  for (const f of all) h.update(`${f}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export const HASH_FILE = 'dist/source-hash.txt';
