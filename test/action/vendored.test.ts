/**
 * The action copied into another repository (vendored: dist/ and action.yml under a folder of the
 * consumer's) runs whatever the consumer's package.json says: dist/package.json declares the
 * bundles ES modules, so a "type": "commonjs" above them changes nothing.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRepo, planInputs, pullRequestEvent, type ExampleRepo } from './fixture.js';
import { runAction, startFakeGitHub } from './runner.js';

let repo: ExampleRepo;
let consumer: string;
beforeAll(() => {
  repo = exampleRepo();
  consumer = mkdtempSync(join(tmpdir(), 'rsr-consumer-'));
});
afterAll(() => {
  repo.remove();
  rmSync(consumer, { recursive: true, force: true });
});

describe('a vendored copy', () => {
  it.each([['commonjs'], [undefined]])('plans under a consumer package.json with type %s', async (type) => {
    const at = join(consumer, `vendor-${type ?? 'none'}`, 'rayservice-rollout');
    cpSync('dist', join(at, 'dist'), { recursive: true });
    cpSync('action.yml', join(at, 'action.yml'));
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, ...(type ? { type } : {}) }));
    const gh = await startFakeGitHub();
    try {
      const r = await runAction({
        cwd: repo.dir,
        eventName: 'pull_request',
        event: pullRequestEvent(repo),
        inputs: planInputs(),
        apiUrl: gh.url,
        entry: join(at, 'dist', 'index.js'),
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/MODULE_TYPELESS_PACKAGE_JSON|ERR_REQUIRE_ESM|SyntaxError/);
      expect(r.outputs.result).toBe('planned');
      expect(gh.comments).toHaveLength(1);
    } finally {
      await gh.close();
    }
  });
});
