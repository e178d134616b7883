/**
 * Reads manifests at a commit straight from Git (no checkout of that commit needed), so renamed
 * and deleted files are handled and base and head can be compared from one working copy. A
 * shallow clone is fine: a missing commit is fetched (depth 1) from `origin` first.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import picomatch from 'picomatch';
import { InputError } from '../manifests/input-error.js';
import { MAX_FILE_BYTES } from '../manifests/yaml-documents.js';

const run = promisify(execFile);

export interface GitFile {
  readonly path: string;
  readonly text: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    await git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Makes sure `sha` is in the local repository, fetching it from origin when the clone is shallow. */
export async function ensureCommit(cwd: string, sha: string): Promise<void> {
  if (await hasCommit(cwd, sha)) return;
  try {
    await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
  } catch (e) {
    throw new InputError(
      sha,
      undefined,
      undefined,
      `commit is not in the checkout and could not be fetched from origin: ${firstLine((e as Error).message)}`,
      'use actions/checkout with fetch-depth: 0, or keep its default token so the action can fetch',
    );
  }
}

/**
 * Globs → the files of `sha` that match them. Patterns are relative to the repository root;
 * absolute patterns and patterns that climb out (`..`) are refused.
 */
export async function manifestsAt(cwd: string, sha: string, globs: readonly string[]): Promise<GitFile[]> {
  const matcher = globMatcher(globs);
  await ensureCommit(cwd, sha);
  const listing = await git(cwd, ['ls-tree', '-r', '-z', '--long', sha]);
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [, type, object, size] = meta.split(/\s+/);
      return { path, type, object: object!, size: Number(size) };
    })
    .filter((e) => e.type === 'blob' && /\.ya?ml$/i.test(e.path) && matcher(e.path));
  const out: GitFile[] = [];
  for (const e of entries) {
    if (e.size > MAX_FILE_BYTES)
      throw new InputError(
        e.path,
        undefined,
        undefined,
        `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
        'keep generated data out of the manifest globs',
      );
    out.push({ path: e.path, text: await git(cwd, ['cat-file', 'blob', e.object]) });
  }
  return out;
}

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const patterns = globs.map((g) => g.trim()).filter(Boolean);
  for (const p of patterns) {
    const bare = p.replace(/^!/, '');
    if (bare.startsWith('/') || /^[A-Za-z]:/.test(bare) || bare.split('/').includes('..')) {
      throw new InputError(
        'manifests',
        undefined,
        undefined,
        `pattern "${p}" leaves the workspace`,
        'use patterns relative to the repository root, e.g. deploy/**/*.yaml',
      );
    }
  }
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const inc = picomatch(include.length ? include : ['**/*.yaml', '**/*.yml'], { dot: false });
  const exc = exclude.length ? picomatch(exclude) : () => false;
  return (path) => inc(path) && !exc(path);
}

function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? s
  );
}
