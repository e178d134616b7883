/**
 * The action's smoke, dashboard-url and grafana-url inputs, refused before anything reaches a
 * cluster: a smoke file with a mistake names the file and the line (and never a header value), a
 * link template that is not http(s) names the input. Each run still reports (status, result).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleRepo, planInputs, type ExampleRepo } from './fixture.js';
import { runAction, startFakeGitHub, type FakeGitHub } from './runner.js';

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

function push(inputs: Record<string, string>) {
  return runAction({
    cwd: repo.dir,
    eventName: 'push',
    event: { before: repo.baseSha, after: repo.headSha },
    inputs: { ...planInputs(), ...inputs },
    apiUrl: gh.url,
    env: { KUBECONFIG: join(repo.dir, 'no-such-kubeconfig'), GITHUB_SHA: repo.headSha },
  });
}

describe('smoke and link inputs', () => {
  it('a smoke file with a mistake is refused with its file and line, before any cluster is asked', async () => {
    writeFileSync(
      join(repo.dir, 'smoke.yaml'),
      'services:\n  ml-serving/text:\n    requests:\n      - route: /x\n        headers: {X-Key: hunter2-secret, Authorization: also-secret}\n',
    );
    const r = await push({ smoke: 'smoke.yaml' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /smoke\.yaml:5: services\.ml-serving\/text\.requests\[0\]\.headers: an Authorization header cannot be sent: the API server takes it for itself/,
    );
    expect(r.stdout).not.toMatch(/kubeconfig|internal error/);
    expect(r.stdout + r.summary).not.toMatch(/hunter2-secret|also-secret/);
    expect(r.outputs.result).toBe('error');
  });

  it('a smoke file that is missing is named', async () => {
    const r = await push({ smoke: 'nowhere/smoke.yaml' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nowhere\/smoke\.yaml: cannot read the smoke file: ENOENT/);
  });

  it.each([
    ['dashboard-url', 'javascript:alert(1)', /input dashboard-url: only http and https URLs are taken, not javascript:/],
    ['grafana-url', 'https://grafana.example.com/d/x?pod={pod}', /input grafana-url: unknown placeholder \{pod\}/],
  ])('the input %s = %s is refused', async (name, value, message) => {
    const r = await push({ [name]: value });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(message);
  });
});
