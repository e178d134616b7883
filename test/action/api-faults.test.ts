/**
 * The action against a GitHub API that fails the way the real one does: a 5xx once, a 429 with
 * Retry-After, a secondary rate limit, a request that never answers, a rate limit that lasts, a
 * failed minimize. Passing faults are retried and the run succeeds; lasting ones are named for what
 * they are (never "internal error", never "no write access" for a rate limit) and bounded in time.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAST_API, exampleRepo, planInputs, pullRequestEvent, type ExampleRepo } from './fixture.js';
import { runAction, startFakeGitHub, type Fault, type FakeGitHub } from './runner.js';

let repo: ExampleRepo;
let gh: FakeGitHub;
beforeAll(() => {
  repo = exampleRepo();
});
afterAll(() => repo.remove());
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => gh.close());

const STATUS = /^POST \/repos\/acme\/ml-platform\/statuses\//;
const COMMENT = /^POST \/repos\/acme\/ml-platform\/issues\/7\/comments$/;
const LIST = /^GET \/repos\/acme\/ml-platform\/issues\/7\/comments/;
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

const run = () => runAction({ cwd: repo.dir, eventName: 'pull_request', event: pullRequestEvent(repo), inputs: planInputs(), apiUrl: gh.url, env: FAST_API });
const count = (re: RegExp) => gh.requests.filter((r) => re.test(`${r.method} ${r.path}`)).length;

describe('passing API faults are retried and the run succeeds', () => {
  it.each<[string, Fault, RegExp]>([
    ['a 500 once on the status', { match: STATUS, times: 1, status: 500 }, STATUS],
    ['a 502 once on the comment list', { match: LIST, times: 1, status: 502, message: 'Bad Gateway' }, LIST],
    [
      'a 429 with Retry-After: 1 on the comment',
      { match: COMMENT, times: 1, status: 429, headers: { 'retry-after': '1' }, message: 'Too Many Requests' },
      COMMENT,
    ],
    ['a secondary rate-limit 403 on the status', { match: STATUS, times: 1, status: 403, headers: { 'retry-after': '1' }, message: SECONDARY }, STATUS],
    ['a status request that never answers', { match: STATUS, times: 1, hang: true }, STATUS],
  ])('%s', async (_name, fault, retried) => {
    gh.faults.push(fault);
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(fault.times).toBe(0); // the fault was met
    expect(count(retried)).toBe(2); // once failed, once answered
    expect(gh.comments).toHaveLength(1);
    expect(gh.requests.filter((q) => STATUS.test(`${q.method} ${q.path}`)).at(-1)!.body.state).toBe('success');
    expect(r.stdout).not.toMatch(/internal error|no write access/);
    expect(r.outputs.result).toBe('planned');
  });
});

describe('lasting API faults are named, bounded, and fail the step only when the status is lost', () => {
  it('a rate limit that lasts is a rate limit, not "no write access", and is not waited out', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    gh.faults.push({
      match: STATUS,
      times: 100,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      message: 'API rate limit exceeded for installation ID 1.',
    });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Could not set the commit status: GitHub API rate limit \(HTTP 403\)/);
    expect(r.stdout).not.toMatch(/internal error|no write access/);
    expect(count(STATUS)).toBe(1); // an hour's wait is not taken
    expect(gh.comments).toHaveLength(1); // the comment went out all the same
    expect(r.outputs.result).toBe('planned');
  });

  it('a 500 that lasts is retried a few times, then named as the API failing', async () => {
    gh.faults.push({ match: STATUS, times: 100, status: 500 });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Could not set the commit status: the GitHub API failed \(HTTP 500\)/);
    expect(r.stdout).not.toMatch(/internal error/);
    expect(count(STATUS)).toBe(4); // the first try and three retries
  });

  it('an API that never answers costs seconds, not minutes', async () => {
    gh.faults.push({ match: /./, times: 1000, hang: true });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::warning::Could not comment on the pull request: the GitHub API did not answer within 0\.4s/);
    expect(r.stdout).toMatch(/::error::Could not set the commit status: the GitHub API did not answer within 0\.4s/);
    expect(r.stdout).not.toMatch(/internal error/);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.outputs.result).toBe('planned');
    expect(r.summary).toContain('RayService rollout plan');
  });

  it('a failed minimize is a warning; the comment and the status still go out', async () => {
    const marker = '<!-- rayservice-rollout:plan:rayservice plan -->';
    const bot = { login: 'github-actions[bot]' };
    gh.comments.push(
      { id: 1, node_id: 'IC_1', issue: 7, user: bot, body: `${marker}\nold` },
      { id: 3, node_id: 'IC_3', issue: 7, user: bot, body: `${marker}\nolder` },
    );
    gh.failWith.push({ match: /^POST \/graphql$/, status: 502 });
    gh.viewerAllowed = true;
    const r = await run();
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::Could not minimize an outdated plan comment: comment 1: /);
    expect(gh.requests.filter((q) => q.method === 'PATCH').map((q) => q.path)).toEqual(['/repos/acme/ml-platform/issues/comments/3']);
    expect(gh.requests.find((q) => STATUS.test(`${q.method} ${q.path}`))!.body.state).toBe('success');
  });
});
