/** A throwaway repository with examples/base on main and examples/head on a feature branch, and a pull_request event for it. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../helpers/git.js';

export const TOKEN = 'ghs_test_token_never_printed_1234567890';

export interface ExampleRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  remove(): void;
}

export function exampleRepo(): ExampleRepo {
  const dir = mkdtempSync(join(tmpdir(), 'rsr-action-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'deploy'));
  cpSync('examples/base', join(dir, 'deploy'), { recursive: true });
  writeFileSync(join(dir, 'README.md'), 'app\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-qb', 'feature');
  rmSync(join(dir, 'deploy'), { recursive: true });
  mkdirSync(join(dir, 'deploy'));
  cpSync('examples/head', join(dir, 'deploy'), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'head');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  return { dir, baseSha, headSha, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const pullRequestEvent = (r: Pick<ExampleRepo, 'baseSha' | 'headSha'>, number = 7) => ({
  action: 'synchronize',
  number,
  pull_request: { number, base: { sha: r.baseSha, ref: 'main' }, head: { sha: r.headSha, ref: 'feature' } },
  repository: { name: 'ml-platform', owner: { login: 'acme' } },
});

export const planInputs = (extra: Record<string, string> = {}) => ({
  manifests: 'deploy/**/*.yaml',
  'github-token': TOKEN,
  'kuberay-version': '1.7',
  ...extra,
});

/** Short retry delays and request timeout, so that a faulty API costs a test milliseconds (src/github/api.ts). */
export const FAST_API = { RAYSERVICE_ROLLOUT_API_RETRY_UNIT_MS: '20', RAYSERVICE_ROLLOUT_API_TIMEOUT_MS: '400', RAYSERVICE_ROLLOUT_API_BUDGET_MS: '5000' };
