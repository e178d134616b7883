/**
 * The action on a pull request whose manifests carry hostile strings, run as the runner runs it:
 * no line of its output may start a workflow command it did not mean (`::add-mask::`,
 * `::error::` smuggled after a line break, `##[cmd]` anywhere), no raw ESC, CR or C1 reaches the
 * log, the `plan` output stays JSON holding the same values, and the comment, the summary and
 * the `comment` output carry no raw control characters.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rayService, toYaml } from '../fixtures/rayservice.js';
import { runAction, startFakeGitHub, type FakeGitHub, type RunResult } from './runner.js';

const ESC = '\u001b';
/** Everything a value can hold to attack a log, a terminal or a markdown table. */
const HOSTILE_IMAGE = `img:2\n::error::PWNED\n  ::add-mask::PWNED\r::set-output name=x::PWNED ${ESC}[31mred${ESC}[2J \u009b31m \u0085 \u2028::warning::PWNED \u202e ##[add-mask]PWNED | \`x\` <img src=x>`;
const HOSTILE_KEY = `k\n::error::PWNED${ESC}[1m`;
/** What core itself writes at a line start. */
const OWN_COMMAND = /^::(error|warning|notice|debug|group|endgroup)( [^:]*)?::/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let repo: string;
let baseSha: string;
let headSha: string;
let badSha: string;
let gh: FakeGitHub;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
  }).trim();
}

function commit(text: string, message: string): string {
  writeFileSync(join(repo, 'deploy', 'rs.yaml'), text);
  git('add', '-A');
  git('commit', '-qm', message);
  return git('rev-parse', 'HEAD');
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'rsr-action-hostile-'));
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'deploy'));
  baseSha = commit(toYaml(rayService()), 'base');
  headSha = commit(
    toYaml(
      rayService((rs) => {
        rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].image = HOSTILE_IMAGE;
        rs.spec.rayClusterConfig.headGroupSpec.rayStartParams = { [HOSTILE_KEY]: 'v' };
      }),
    ),
    'hostile head',
  );
  badSha = commit(
    toYaml(rayService((rs) => (rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources.requests.memory = `2Gi${HOSTILE_IMAGE}`))),
    'hostile refusal',
  );
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

const event = (head: string) => ({
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: head, ref: 'feature' } },
  repository: { name: 'ml-platform', owner: { login: 'acme' } },
});

const run = (head: string) =>
  runAction({
    cwd: repo,
    eventName: 'pull_request',
    event: event(head),
    inputs: { manifests: 'deploy/**/*.yaml', 'github-token': 'ghs_test_token_never_printed_1234567890', 'kuberay-version': '1.7' },
    apiUrl: gh.url,
  });

/** The log as the runner reads it: lines split at LF and CR. */
function expectCleanLog(r: RunResult) {
  for (const stream of [r.stdout, r.stderr]) {
    expect(stream).not.toMatch(RAW_CONTROL);
    expect(stream).not.toContain('##[');
    for (const line of stream.split(/\r\n|\r|\n/)) {
      const trimmed = line.trimStart();
      if (trimmed.startsWith('::')) expect(trimmed, 'a workflow command the action did not mean').toMatch(OWN_COMMAND);
      expect(trimmed.startsWith('::error::PWNED') || trimmed.startsWith('::warning::PWNED')).toBe(false);
    }
  }
}

describe('plan mode on hostile manifests', () => {
  it('plans; the log, outputs, summary and comment are clean; the plan output is the same JSON', async () => {
    const r = await run(headSha);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expectCleanLog(r);
    // The annotation on the changed line is still there, its message escaped.
    expect(r.stdout).toMatch(/^::notice title=default\/demo%3A cluster,file=deploy\/rs\.yaml,line=\d+::/m);

    const plan = JSON.parse(r.outputs.plan!);
    const image = plan.services[0].changes.find((c: { path: string }) => c.path.endsWith('containers[0].image'));
    expect(image.to).toBe(HOSTILE_IMAGE);
    expect(r.outputs.plan).not.toMatch(RAW_CONTROL);
    expect(r.outputs.plan).not.toContain('##[');

    for (const markdown of [r.summary, r.outputs.comment!, gh.comments[0]!.body]) {
      expect(markdown).not.toMatch(RAW_CONTROL);
      expect(markdown).not.toContain('<img');
      for (const row of markdown.split('\n').filter((l) => l.startsWith('| <code>spec.'))) expect(row.split('|')).toHaveLength(7);
    }
    const status = gh.requests.find((q) => q.path.includes('/statuses/'))!;
    expect(status.body.description).not.toMatch(RAW_CONTROL);
  });

  it('a refusal quoting a hostile value fails the step with one clean error', async () => {
    const r = await run(badSha);
    expect(r.code).toBe(1);
    expectCleanLog(r);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/deploy\/rs\.yaml:\d+: .*memory/);
  });
});
