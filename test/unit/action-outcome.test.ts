/** The action's pure parts: which event plans or applies what, and what a failed run reports. */
import { describe, expect, it } from 'vitest';
import { defaultMode, resolveTarget, statusSha, type EventInput } from '../../src/action/event.js';
import { errorOutcome, statusDescription } from '../../src/action/outcome.js';
import { InputError } from '../../src/manifests/input-error.js';
import { ApplyRefusedError } from '../../src/kube/apply.js';
import { ConnectionError } from '../../src/kube/connection.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const ev = (eventName: string, payload: Record<string, unknown>, sha = C): EventInput => ({ eventName, payload, sha, owner: 'acme', repo: 'ml' });

describe('resolveTarget', () => {
  it.each<[string, EventInput, 'plan' | 'apply' | undefined, unknown]>([
    [
      'a pull request plans base → head',
      ev('pull_request', { pull_request: { number: 3, base: { sha: A }, head: { sha: B } } }),
      undefined,
      { mode: 'plan', baseSha: A, headSha: B, pullRequest: 3 },
    ],
    [
      'a merge group plans base_sha → head_sha, no pull request',
      ev('merge_group', { merge_group: { base_sha: A, head_sha: B } }),
      undefined,
      { mode: 'plan', baseSha: A, headSha: B, pullRequest: undefined },
    ],
    ['a push applies before → after', ev('push', { before: A, after: B }), undefined, { mode: 'apply', before: A, after: B }],
    ['a new branch has no base', ev('push', { before: '0'.repeat(40), after: B }), undefined, { mode: 'apply', before: '0'.repeat(40), after: B }],
    ['a manual dispatch in apply mode applies GITHUB_SHA without a base', ev('workflow_dispatch', {}), 'apply', { mode: 'apply', before: '0', after: C }],
  ])('%s', (_name, input, mode, expected) => {
    expect(resolveTarget(input, mode)).toMatchObject(expected as object);
  });

  it.each<[string, EventInput, 'plan' | 'apply' | undefined, RegExp]>([
    ['a manual dispatch without a mode', ev('workflow_dispatch', {}), undefined, /on workflow_dispatch set `mode: apply`/],
    [
      'plan mode on a manual dispatch',
      ev('workflow_dispatch', {}),
      'plan',
      /plan mode needs a pull_request, pull_request_target or merge_group event \(got workflow_dispatch\)/,
    ],
    ['a merge group without SHAs', ev('merge_group', { merge_group: { base_sha: 'main' } }), undefined, /merge_group event has no base_sha and head_sha/],
    [
      'a pull request SHA that is not an object name',
      ev('pull_request', { pull_request: { number: 3, base: { sha: A }, head: { sha: '--upload-pack=x' } } }),
      undefined,
      /no pull request number and base\/head SHAs/,
    ],
  ])('refuses %s', (_name, input, mode, message) => {
    expect(() => resolveTarget(input, mode)).toThrow(message);
  });

  it('defaults: push applies, the rest plans', () => {
    expect([defaultMode('push'), defaultMode('pull_request'), defaultMode('merge_group')]).toEqual(['apply', 'plan', 'plan']);
  });

  it.each<[string, EventInput, string]>([
    ['the pull request head', ev('pull_request', { pull_request: { head: { sha: B } } }), B],
    ['the merge group head', ev('merge_group', { merge_group: { head_sha: A } }), A],
    ['the pushed commit', ev('push', { after: A }), A],
    ['GITHUB_SHA otherwise', ev('workflow_dispatch', {}), C],
  ])('the status of an unresolvable event goes on %s', (_name, input, sha) => {
    expect(statusSha(input)).toBe(sha);
  });
});

describe('errorOutcome', () => {
  it.each<[string, unknown, 'plan' | 'apply', { state: string; result: string; description: RegExp; at?: object }]>([
    [
      'a manifest refused by the parser',
      new InputError('deploy/a.yaml', 4, undefined, 'invalid YAML'),
      'plan',
      { state: 'failure', result: 'error', description: /^deploy\/a\.yaml:4: invalid YAML/, at: { file: 'deploy/a.yaml', line: 4 } },
    ],
    [
      'a dry run refused',
      new ApplyRefusedError(['ml/a: spec.x: Invalid value']),
      'apply',
      { state: 'failure', result: 'refused', description: /^the API server refused 1 manifest/ },
    ],
    [
      'no credentials',
      new ConnectionError('no Kubernetes credentials'),
      'apply',
      { state: 'error', result: 'error', description: /^no Kubernetes credentials$/ },
    ],
    ['a bug', new TypeError('x is undefined'), 'plan', { state: 'error', result: 'error', description: /^internal error: x is undefined \(this is a bug/ }],
  ])('%s', (_name, e, kind, expected) => {
    const o = errorOutcome(e, kind, undefined);
    expect(o).toMatchObject({ state: expected.state, result: expected.result });
    expect(o.description).toMatch(expected.description);
    expect(o.at).toEqual(expected.at);
    expect(o.failure).toBeDefined();
    expect(o.comment).toContain('```text');
  });

  it('status descriptions stay within 140 characters and one line', () => {
    const d = statusDescription(`**bold** \`code\`\n${'x'.repeat(300)}`);
    expect(d.length).toBe(140);
    expect(d).not.toMatch(/[\n*`]/);
  });
});
