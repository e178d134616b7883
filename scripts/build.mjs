// Bundles the entry points with ncc into dist/ (committed: the action runs from it).
// Deterministic on purpose: `npm run build` on a fresh clone must reproduce dist/ byte for byte.
// The three bundles are independent, so they build side by side (the machine has 2 cores).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HASH_FILE, sourceHash } from './source-hash.mjs';

const entries = [
  { src: 'src/cli/main.ts', out: 'dist/cli.js', shebang: true },
  { src: 'src/action/main.ts', out: 'dist/index.js', shebang: false },
  // @kubernetes/client-node alone, loaded on demand by both (src/kube/connection.ts).
  { src: 'src/kube/client-node-bundle.ts', out: 'dist/kube/index.js', shebang: false },
];

function ncc(src, dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', src, '-o', dir, '-q', '--license', 'licenses.txt', '--target', 'es2023'],
      { stdio: 'inherit' },
    );
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${src} (exit ${code})`))));
  });
}

async function build({ src, out, shebang }) {
  if (!existsSync(src)) return;
  const dir = mkdtempSync(join(tmpdir(), 'rsr-build-'));
  try {
    await ncc(src, dir);
    let code = readFileSync(join(dir, 'index.js'), 'utf8');
    if (shebang && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
    writeFileSync(out, code, { mode: shebang ? 0o755 : 0o644 });
    writeFileSync(out.replace(/\.js$/, '.licenses.txt'), readFileSync(join(dir, 'licenses.txt')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync('dist/kube', { recursive: true });
try {
  await Promise.all(entries.map(build));
  // The bundles are ES modules. Node decides that by the nearest package.json: without this one, a
  // copy of the action vendored under a consumer's package.json with "type": "commonjs" (or none)
  // would be loaded as CommonJS and crash (or warn and reparse).
  writeFileSync('dist/package.json', `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  writeFileSync(HASH_FILE, `${sourceHash()}\n`);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
