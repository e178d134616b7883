/**
 * Commits missing from the checkout are fetched from origin as actions/checkout leaves it (one
 * commit deep), one fetch at a time per clone, within a time limit; a failing or stalled fetch
 * says what git said and what to do.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHint, manifestsAt } from '../../src/git/git-tree.js';
import { git } from '../helpers/git.js';

const rs = (app: string) => `apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: ${app}}\n`;

let root: string;
let origin: string;
/** main: c1 → c2; feature (from c1): c3; refs/pull/1/merge: c2 + c3. */
const sha: Record<string, string> = {};

/** A clone as actions/checkout makes one: `ref` fetched one commit deep and checked out. */
function shallowCheckout(name: string, ref: string): string {
  const dir = join(root, name);
  git(root, 'init', '-q', dir);
  git(dir, 'remote', 'add', 'origin', `file://${origin}`);
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', ref);
  git(dir, 'checkout', '-q', '--detach', 'FETCH_HEAD');
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rsr-git-fetch-'));
  origin = join(root, 'origin');
  git(root, 'init', '-q', '-b', 'main', origin);
  const commit = (file: string, app: string) => {
    writeFileSync(join(origin, file), rs(app));
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', app);
    return git(origin, 'rev-parse', 'HEAD');
  };
  sha.c1 = commit('a.yaml', 'one');
  sha.c2 = commit('a.yaml', 'two');
  git(origin, 'checkout', '-q', '-b', 'feature', sha.c1);
  sha.c3 = commit('b.yaml', 'three');
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
  sha.merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/1/merge', sha.merge);
  git(origin, 'reset', '-q', '--hard', sha.c2);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a shallow checkout', () => {
  it('pull_request: base and head are fetched beside the merge commit, side by side without a lock conflict', async () => {
    const clone = shallowCheckout('pr', 'refs/pull/1/merge');
    const [base, head] = await Promise.all([manifestsAt(clone, sha.c2!, ['*.yaml']), manifestsAt(clone, sha.c3!, ['*.yaml'])]);
    expect(base).toEqual([{ path: 'a.yaml', text: rs('two') }]);
    expect(head).toEqual([
      { path: 'a.yaml', text: rs('one') },
      { path: 'b.yaml', text: rs('three') },
    ]);
  });

  it('push: the commit before the push is fetched (it is not a branch tip)', async () => {
    const clone = shallowCheckout('push', 'main');
    const [before, after] = await Promise.all([manifestsAt(clone, sha.c1!, ['*.yaml']), manifestsAt(clone, sha.c2!, ['*.yaml'])]);
    expect(before).toEqual([{ path: 'a.yaml', text: rs('one') }]);
    expect(after).toEqual([{ path: 'a.yaml', text: rs('two') }]);
  });

  it('push of a new branch: `before` is all zeros, and has no manifests', async () => {
    const clone = shallowCheckout('new-branch', 'main');
    await expect(manifestsAt(clone, '0'.repeat(40), ['*.yaml'])).resolves.toEqual([]);
  });
});

describe('a fetch that fails or stalls', () => {
  it('a commit origin does not have: git is quoted, and the hint says so', async () => {
    const clone = shallowCheckout('missing', 'main');
    const missing = 'f'.repeat(40);
    await expect(manifestsAt(clone, missing, ['*.yaml'])).rejects.toThrow(
      new RegExp(
        `${missing}: commit is not in the checkout and could not be fetched from origin \\(git fetch --no-tags --no-recurse-submodules --depth=1 origin ${missing}, exit status \\d+\\); git said: .*(not our ref|remote ref).*origin does not have this commit`,
      ),
    );
  });

  it('a remote that never answers: stopped after the limit, with the command named', async () => {
    const clone = shallowCheckout('stalled', 'main');
    // The local transport runs remote.origin.uploadpack: a script that waits for ever (its child
    // `sleep` must die with git, or the pipes would stay open and the call would hang).
    const hang = join(root, 'hang.sh');
    writeFileSync(hang, '#!/bin/sh\necho "waiting for the server" >&2\nsleep 600\n');
    chmodSync(hang, 0o755);
    git(clone, 'config', 'remote.origin.uploadpack', hang);
    const started = Date.now();
    await expect(manifestsAt(clone, sha.c1!, ['*.yaml'], { fetchMs: 1_000 })).rejects.toThrow(
      `git fetch --no-tags --no-recurse-submodules --depth=1 origin ${sha.c1} did not finish within 1 s and was stopped; git said: waiting for the server`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a credential in the remote URL never reaches the message', async () => {
    const clone = shallowCheckout('token', 'main');
    git(clone, 'remote', 'set-url', 'origin', 'https://x-access-token:ghs_abcdefghijklmnopqrstuvwxyz0123456789@127.0.0.1:1/o/r.git');
    const error = await manifestsAt(clone, sha.c1!, ['*.yaml']).catch((e: Error) => e);
    expect(String(error)).toMatch(/git said: .*127\.0\.0\.1/);
    expect(String(error)).not.toContain('ghs_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(String(error)).toContain('origin could not be reached from the runner');
  });
});

describe('fetchHint', () => {
  it.each([
    ['fatal: remote error: upload-pack: not our ref 1234', true, /origin does not have this commit/],
    ["fatal: couldn't find remote ref refs/heads/x", false, /origin does not have this commit/],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", true, /origin refused the credentials/],
    ['remote: Repository not found. fatal: Authentication failed for …', true, /origin refused the credentials/],
    ["fatal: 'origin' does not appear to be a git repository", true, /no usable remote origin/],
    ["fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com", true, /could not be reached from the runner/],
    ['fatal: something new', true, /the checkout is shallow .*fetch-depth: 0/],
    ['fatal: something new', false, /check that origin is the repository of the event/],
  ])('%s (shallow: %s)', (stderr, shallow, hint) => {
    expect(fetchHint(stderr, shallow)).toMatch(hint);
  });
});
