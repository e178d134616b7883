/**
 * Reads manifests at a commit straight from Git (no checkout of that commit needed), so renamed
 * and deleted files are handled and base and head can be compared from one working copy. A
 * shallow clone is fine: a missing commit is fetched (depth 1) from `origin` first.
 *
 * The commits may be hostile (a fork's pull request under pull_request_target), so they are read
 * as DATA only: objects are fetched and read with `fetch`, `ls-tree` and `cat-file`, never checked
 * out; no hook, fsmonitor, submodule or clean/smudge filter runs (cat-file without --filters).
 */
import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import { promisify } from 'node:util';
import picomatch from 'picomatch';
import { decodeManifest } from '../manifests/decode.js';
import { InputError } from '../manifests/input-error.js';
import { MAX_FILE_BYTES } from '../manifests/yaml-documents.js';
import { DEFAULTS } from '../settings/defaults.js';

const run = promisify(execFile);

export interface GitFile {
  readonly path: string;
  readonly text: string;
}

/** Settings that keep git from running anything configured in the repository. */
const NOTHING_RUNS = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'submodule.recurse=false'];

/** A blob's bytes: manifests are decoded as kubectl decodes files (byte-order marks, line endings, invalid UTF-8). */
async function gitBytes(cwd: string, args: string[]): Promise<Buffer> {
  const { stdout } = await run('git', [...NOTHING_RUNS, ...args], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'buffer',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', [...NOTHING_RUNS, ...args], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/** Full object names only: anything else (a ref name, an option) never reaches git's command line. */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

function checkCommitId(sha: string): void {
  if (!COMMIT_ID.test(sha))
    throw new InputError(sha, undefined, undefined, 'is not a full commit SHA', 'the base and head commits come from the event payload GitHub writes');
}

/** The commit the working copy has checked out, or undefined (not a repository, no commit). */
export async function checkedOutCommit(cwd: string): Promise<string | undefined> {
  try {
    return (await git(cwd, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    await git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure `sha` is in the local repository, fetching it from origin when the clone is shallow.
 * A fork's head commit is fetched from origin (the base repository) too: GitHub keeps it there as
 * `refs/pull/<n>/head` and serves it by SHA. Only objects arrive: no ref, no checkout.
 */
export async function ensureCommit(cwd: string, sha: string): Promise<void> {
  checkCommitId(sha);
  if (await hasCommit(cwd, sha)) return;
  await oneFetchAtATime(cwd, () => fetchCommit(cwd, sha));
}

// Base and head are read side by side; two fetches into one shallow clone collide on its
// `shallow.lock` (a fork PR under pull_request_target lacks both), so fetches queue per repository.
const fetchQueues = new Map<string, Promise<unknown>>();

function oneFetchAtATime(cwd: string, fetch: () => Promise<void>): Promise<void> {
  const next = (fetchQueues.get(cwd) ?? Promise.resolve()).catch(() => {}).then(fetch);
  fetchQueues.set(cwd, next);
  return next;
}

async function fetchCommit(cwd: string, sha: string): Promise<void> {
  if (await hasCommit(cwd, sha)) return; // an earlier fetch in the queue brought it
  try {
    await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  } catch (e) {
    throw new InputError(
      sha,
      undefined,
      undefined,
      `commit is not in the checkout and could not be fetched from origin: ${firstLine((e as { stderr?: string }).stderr || (e as Error).message)}`,
      'use actions/checkout with fetch-depth: 0, or keep its default token so the action can fetch (private repositories: do not set persist-credentials: false)',
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
  const all = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, type, object, size] = meta.split(/\s+/);
      return { path, mode, type, object: object!, size: Number(size) };
    });
  const byPath = new Map(all.map((e) => [e.path, e]));
  const entries = all.filter((e) => e.type === 'blob' && /\.ya?ml$/i.test(e.path) && matcher(e.path));
  const out: GitFile[] = [];
  for (const e of entries) {
    const file = e.mode === SYMLINK_MODE ? await linkTarget(cwd, e, byPath) : e;
    if (file.size > MAX_FILE_BYTES)
      throw new InputError(
        e.path,
        undefined,
        undefined,
        `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
        'keep generated data out of the manifest globs',
      );
    out.push({ path: e.path, text: decodeManifest(e.path, await gitBytes(cwd, ['cat-file', 'blob', file.object])) });
  }
  return out;
}

const SYMLINK_MODE = '120000';

interface TreeEntry {
  readonly path: string;
  readonly mode: string | undefined;
  readonly type: string | undefined;
  readonly object: string;
  readonly size: number;
}

/**
 * A manifest committed as a symbolic link is read as kubectl would read the checked-out link: the
 * file it points to, when that is a file of the same commit. A link that leaves the repository or
 * leads nowhere is refused by name, never followed on disk and never skipped without a word.
 */
async function linkTarget(cwd: string, link: TreeEntry, byPath: ReadonlyMap<string, TreeEntry>): Promise<TreeEntry> {
  let entry = link;
  for (let hops = 0; hops < 8 && entry.mode === SYMLINK_MODE; hops++) {
    const target = (await git(cwd, ['cat-file', 'blob', entry.object])).trim();
    const resolved = posix.normalize(posix.join(posix.dirname(entry.path), target));
    const next = target.startsWith('/') || resolved.startsWith('..') ? undefined : byPath.get(resolved);
    if (next?.type !== 'blob') {
      throw new InputError(
        link.path,
        undefined,
        undefined,
        `is a symbolic link to ${target}, which is not a file of this commit`,
        'commit the manifest itself, or a link to a file inside the repository',
      );
    }
    entry = next;
  }
  if (entry.mode === SYMLINK_MODE)
    throw new InputError(link.path, undefined, undefined, 'is a chain of symbolic links too long to follow', 'link to the manifest directly');
  return entry;
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
  const inc = picomatch(include.length ? include : [...DEFAULTS.manifestGlobs], { dot: false });
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
