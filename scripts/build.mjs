// Bundles the two entry points with ncc into dist/ (committed: the action runs from it).
// Deterministic on purpose: `npm run build` on a fresh clone must reproduce dist/ byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = [
  { src: 'src/cli/main.ts', out: 'dist/cli.js', shebang: true },
  { src: 'src/action/main.ts', out: 'dist/index.js', shebang: false },
  // @kubernetes/client-node alone, loaded on demand by both (src/kube/connection.ts).
  { src: 'src/kube/client-node-bundle.ts', out: 'dist/kube/index.js', shebang: false },
];

mkdirSync('dist/kube', { recursive: true });
for (const { src, out, shebang } of entries) {
  if (!existsSync(src)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'rsr-build-'));
  try {
    const r = spawnSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', src, '-o', dir, '-q', '--license', 'licenses.txt', '--target', 'es2023'], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
    let code = readFileSync(join(dir, 'index.js'), 'utf8');
    if (shebang && !code.startsWith('#!')) code = '#!/usr/bin/env node\n' + code;
    writeFileSync(out, code, { mode: shebang ? 0o755 : 0o644 });
    writeFileSync(out.replace(/\.js$/, '.licenses.txt'), readFileSync(join(dir, 'licenses.txt')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
