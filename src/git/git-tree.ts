/**
 * Reads manifests at a commit straight from Git (no checkout of that commit needed), so renamed
 * and deleted files are handled and base and head can be compared from one working copy. A
 * shallow clone is fine: a missing commit is fetched (depth 1) from `origin` first.
 *
 * The commits may be hostile (a fork's pull request under pull_request_target), so they are read
 * as DATA only: objects are fetched and read with `fetch`, `ls-tree` and `cat-file`, never checked
 * out; no hook, fsmonitor, submodule or clean/smudge filter runs (cat-file without --filters).
 *
 * Every git call has a time limit (a fetch from a remote that stalls must not hang the job), and a
 * failure quotes git's own words, redacted, with the fix that fits what it said.
 */
import { spawn } from 'node:child_process';
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { decodeManifest } from '../manifests/decode.js';
import { InputError } from '../manifests/input-error.js';
import { MAX_FILE_BYTES } from '../manifests/yaml-documents.js';
import { DEFAULTS } from '../settings/defaults.js';
import { redactSecrets } from '../util/redact.js';
import { UserError } from '../util/user-error.js';

export interface GitFile {
  readonly path: string;
  readonly text: string;
}

export interface GitTimeouts {
  /** A fetch from origin (network, a large pack): default 3 min. */
  readonly fetchMs?: number;
  /** Every other git call (local reads): default 1 min. */
  readonly localMs?: number;
}

const FETCH_MS = 180_000;
const LOCAL_MS = 60_000;
const MAX_OUTPUT = 256 * 1024 * 1024;

/** Settings that keep git from running anything configured in the repository. */
const NOTHING_RUNS = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'submodule.recurse=false'];

/** Git did not finish in time, or failed where nothing else can be said: the command and git's words. */
export class GitError extends UserError {
  constructor(
    message: string,
    /** The end of git's stderr, redacted. */
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** A git call that failed: its exit status and the end of its stderr (redacted), for messages. */
class GitFailed extends Error {
  constructor(
    readonly command: string,
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(`${command} failed (exit status ${status})${stderr ? `: ${stderr}` : ''}`);
  }
}

/** "git fetch --depth=1 origin <sha>", for messages: without the -c settings, which only add noise. */
const commandLine = (args: readonly string[]) => `git ${args.join(' ')}`;

/** The last lines of what git said on stderr, redacted (a remote URL may carry a token). */
function stderrTail(stderr: string): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean);
  return redactSecrets(lines.slice(-4).join(' / ')).slice(-600);
}

/**
 * Runs git with a limit: on expiry it is killed with its process group (ssh, upload-pack and
 * credential helpers with it: one left running would hold the pipes open) and a GitError names the
 * command and what git had said. Output: stdout's bytes.
 */
function runGit(cwd: string, args: string[], timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...NOTHING_RUNS, ...args], {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT) killGroup();
      else out.push(chunk);
    });
    // Only the end matters for messages: keep the last 8 KiB.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-8192)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
      child.stdout.destroy();
      child.stderr.destroy();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new GitError(`${commandLine(args)} could not be run: ${e.message} (is git installed?)`, ''));
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      const tail = stderrTail(err);
      if (timedOut) {
        reject(
          new GitError(
            `${commandLine(args)} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped${tail ? `; git said: ${tail}` : ''}`,
            tail,
          ),
        );
      } else if (status !== 0) reject(new GitFailed(commandLine(args), status, tail));
      else resolve(Buffer.concat(out));
    });
  });
}

/** A blob's bytes: manifests are decoded as kubectl decodes files (byte-order marks, line endings, invalid UTF-8). */
function gitBytes(cwd: string, args: string[], timeoutMs = LOCAL_MS): Promise<Buffer> {
  return runGit(cwd, args, timeoutMs);
}

async function git(cwd: string, args: string[], timeoutMs = LOCAL_MS): Promise<string> {
  return (await runGit(cwd, args, timeoutMs)).toString('utf8');
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
  } catch (e) {
    if (e instanceof GitFailed) return false;
    throw e; // out of time: said as such, not taken for a missing commit
  }
}

/**
 * Makes sure `sha` is in the local repository, fetching it from origin when the clone is shallow.
 * A fork's head commit is fetched from origin (the base repository) too: GitHub keeps it there as
 * `refs/pull/<n>/head` and serves it by SHA. Only objects arrive: no ref, no checkout.
 */
export async function ensureCommit(cwd: string, sha: string, timeouts: GitTimeouts = {}): Promise<void> {
  checkCommitId(sha);
  if (await hasCommit(cwd, sha)) return;
  await oneFetchAtATime(cwd, () => fetchCommit(cwd, sha, timeouts.fetchMs ?? FETCH_MS));
}

// Base and head are read side by side; two fetches into one shallow clone collide on its
// `shallow.lock` (a fork PR under pull_request_target lacks both), so fetches queue per repository.
const fetchQueues = new Map<string, Promise<unknown>>();

function oneFetchAtATime(cwd: string, fetch: () => Promise<void>): Promise<void> {
  const next = (fetchQueues.get(cwd) ?? Promise.resolve()).catch(() => {}).then(fetch);
  fetchQueues.set(cwd, next);
  return next;
}

async function fetchCommit(cwd: string, sha: string, timeoutMs: number): Promise<void> {
  if (await hasCommit(cwd, sha)) return; // an earlier fetch in the queue brought it
  try {
    await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha], timeoutMs);
  } catch (e) {
    if (!(e instanceof GitFailed)) throw e;
    const shallow = await isShallow(cwd);
    throw new InputError(
      sha,
      undefined,
      undefined,
      `commit is not in the checkout and could not be fetched from origin (${e.command}, exit status ${e.status})${e.stderr ? `; git said: ${e.stderr}` : ''}`,
      fetchHint(e.stderr, shallow),
    );
  }
}

async function isShallow(cwd: string): Promise<boolean> {
  try {
    return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** What to do about a failed fetch, from what git said: the fix differs with the cause. */
export function fetchHint(stderr: string, shallow: boolean): string {
  if (/not our ref|couldn't find remote ref|no such remote ref|unadvertised object|upload-pack: not our|did not send all necessary objects/i.test(stderr))
    return 'origin does not have this commit (force-pushed away, or never pushed there): re-run for the current head; actions/checkout with fetch-depth: 0 brings the history up front';
  if (/could not read (Username|Password)|terminal prompts disabled|Authentication failed|HTTP 40[13]|Permission denied|returned error: 40[134]/i.test(stderr))
    return "origin refused the credentials: keep actions/checkout's default token (private repositories: do not set persist-credentials: false)";
  if (/does not appear to be a git repository|No such remote|not a git repository/i.test(stderr))
    return 'the working copy has no usable remote origin: check the repository out with actions/checkout';
  if (/Could not resolve host|Connection timed out|Connection refused|unable to access|Failed to connect/i.test(stderr))
    return 'origin could not be reached from the runner: check its network access to the Git host';
  return shallow
    ? 'the checkout is shallow (actions/checkout fetches one commit by default): fetch-depth: 0 fetches the history up front'
    : 'check that origin is the repository of the event and that the runner can fetch from it';
}

/**
 * Globs → the files of `sha` that match them. Patterns are relative to the repository root;
 * absolute patterns and patterns that climb out (`..`) are refused.
 */
export async function manifestsAt(cwd: string, sha: string, globs: readonly string[], timeouts: GitTimeouts = {}): Promise<GitFile[]> {
  const matcher = globMatcher(globs);
  // The commit before the push of a new branch: there is none, and so no manifest.
  if (/^0+$/.test(sha)) return [];
  await ensureCommit(cwd, sha, timeouts);
  const listing = await git(cwd, ['ls-tree', '-r', '-z', '--long', sha], timeouts.localMs);
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
    out.push({ path: e.path, text: decodeManifest(e.path, await gitBytes(cwd, ['cat-file', 'blob', file.object], timeouts.localMs)) });
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

/**
 * A checkout of `sha` in `dir` (a detached git worktree), for a renderer that needs the files on
 * disk: `render` runs the same command in the base and the head tree side by side. No hook runs
 * (NOTHING_RUNS), LFS does not smudge; removed again with `removeWorktree`.
 */
export async function worktreeAt(cwd: string, sha: string, dir: string, timeouts: GitTimeouts = {}): Promise<void> {
  await ensureCommit(cwd, sha, timeouts);
  await git(cwd, ['-c', 'filter.lfs.smudge=', '-c', 'filter.lfs.process=', 'worktree', 'add', '--detach', '--force', dir, sha], timeouts.localMs ?? LOCAL_MS);
}

export async function removeWorktree(cwd: string, dir: string): Promise<void> {
  await git(cwd, ['worktree', 'remove', '--force', dir]).catch(() => git(cwd, ['worktree', 'prune']).catch(() => ''));
}
