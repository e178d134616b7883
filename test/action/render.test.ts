/**
 * The action's `render` input, run as the runner runs it: the base and head commits checked out side
 * by side (git worktrees, removed afterwards), the renderer run in each without the run's token in
 * its environment, and refused on pull_request_target unless the workflow opts in.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git as gitIn } from '../helpers/git.js';
import { runAction, startFakeGitHub, type FakeGitHub } from './runner.js';

const TOKEN = 'ghs_test_token_never_printed_1234567890';
let repo: string;
let spy: string;
let baseSha: string;
let headSha: string;
let gh: FakeGitHub;
const git = (...args: string[]) => gitIn(repo, ...args);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'rsr-action-render-'));
  spy = mkdtempSync(join(tmpdir(), 'rsr-action-render-spy-'));
  git('init', '-q', '-b', 'main');
  // What a renderer would print, kept out of the `manifests` globs' way: only `render` reads it.
  mkdirSync(join(repo, 'src'));
  cpSync('examples/base/sentiment.yaml', join(repo, 'src', 'rendered.txt'));
  git('add', '-A');
  git('commit', '-qm', 'base');
  baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-qb', 'feature');
  cpSync('examples/head/sentiment.yaml', join(repo, 'src', 'rendered.txt'));
  git('add', '-A');
  git('commit', '-qm', 'head');
  headSha = git('rev-parse', 'HEAD');
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(spy, { recursive: true, force: true });
});
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

const event = () => ({
  number: 7,
  pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } },
  repository: { name: 'ml-platform', owner: { login: 'acme' } },
});
// The "renderer" records its environment and working directory, then prints the manifest.
const renderCommand = () => `env > ${spy}/env-$(basename "$PWD").txt; pwd >> ${spy}/dirs.txt; cat src/rendered.txt`;

let render: string;
describe('render input', () => {
  beforeAll(() => {
    render = renderCommand();
  });

  it('on pull_request: renders base and head in their own checkouts, plans the output, removes the checkouts', async () => {
    const r = await runAction({
      cwd: repo,
      eventName: 'pull_request',
      event: event(),
      inputs: { render, 'github-token': TOKEN, 'kuberay-version': '1.7' },
      apiUrl: gh.url,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.result).toBe('planned');
    const plan = JSON.parse(r.outputs.plan!);
    expect(plan.services[0]).toMatchObject({ namespace: 'ml-serving', name: 'ticket-triage', change: 'cluster', file: `${render} (rendered)` });
    expect(r.stdout).toContain('Rendered with');
    const dirs = readFileSync(join(spy, 'dirs.txt'), 'utf8').trim().split('\n').sort();
    expect(dirs.map((d) => d.split('/').pop())).toEqual(['base', 'head']);
    for (const side of ['base', 'head']) {
      const env = readFileSync(join(spy, `env-${side}.txt`), 'utf8');
      expect(env).not.toContain(TOKEN);
      expect(env).not.toMatch(/^INPUT_/m);
    }
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('on pull_request_target: refused (status error, one line saying why), nothing rendered', async () => {
    writeFileSync(join(spy, 'dirs.txt'), '');
    const r = await runAction({ cwd: repo, eventName: 'pull_request_target', event: event(), inputs: { render, 'github-token': TOKEN }, apiUrl: gh.url });
    expect(r.outputs.result).toBe('error');
    expect(r.stdout).toMatch(/render runs the repository's content .* refused on pull_request_target/);
    expect(readFileSync(join(spy, 'dirs.txt'), 'utf8')).toBe('');
    const status = gh.requests.find((q) => q.path.includes('/statuses/'))!;
    expect(status.body).toMatchObject({ state: 'error' });
  });

  it('on pull_request_target with render-untrusted: true, the workflow knowingly opts in', async () => {
    const r = await runAction({
      cwd: repo,
      eventName: 'pull_request_target',
      event: event(),
      inputs: { render, 'render-untrusted': 'true', 'github-token': TOKEN },
      apiUrl: gh.url,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.result).toBe('planned');
  });

  it('a renderer that fails: the plan is refused with its message', async () => {
    const r = await runAction({
      cwd: repo,
      eventName: 'pull_request',
      event: event(),
      inputs: { render: 'echo "Error: chart not found" >&2; exit 1', 'github-token': TOKEN },
      apiUrl: gh.url,
    });
    expect(r.outputs.result).toBe('error');
    expect(r.stdout).toMatch(/in the (base|head) tree failed \(exit status 1\): Error: chart not found/);
  });
});
