// `npm test` on a fresh clone: install the locked dependencies first when they are missing or
// older than package-lock.json, so the README's two commands are all a new machine needs; then
// rebuild dist/ when src/ changed since it was built, so the suites that run the bundle test the edit.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.error('[rayservice-rollout] installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { HASH_FILE, sourceHash } = await import('./source-hash.mjs');
const built = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : '';
if (built !== sourceHash()) {
  console.error('[rayservice-rollout] src/ changed since dist/ was built: npm run build…');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
