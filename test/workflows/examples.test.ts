/**
 * The example workflows of examples/workflows, run verbatim by a real GitHub Actions runner
 * (nektos/act, host mode) against the loopback fake GitHub, which also serves the repository over
 * git's smart HTTP. The workspace is made as actions/checkout makes it: on pull_request the test
 * merge commit at depth 1, on pull_request_target the base branch at depth 1 without credentials,
 * on merge_group the queue's branch. So the action meets what it meets on GitHub: a shallow
 * repository that lacks the base and head commits, two of them to fetch, and GITHUB_SHA that is
 * neither.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../action/runner.js';
import { resolveAct, runWorkflow, type WorkflowRun } from './act.js';
import { type GitHubEvent, mergeGroupEvent, pullRequestEvent, pullRequestTargetEvent } from './events.js';
import { KUSTOMIZE_EXAMPLE, makeUpstream, PLAIN_EXAMPLES, type Revisions, type Upstream } from './upstream.js';

const examples = resolve(import.meta.dirname, '..', '..', 'examples');
const PLAN = join(examples, 'workflows', 'rayservice-plan.yml');
const FORK_SAFE = join(examples, 'workflows', 'rayservice-plan-fork-safe.yml');
const RENDERED = join(examples, 'workflows', 'rayservice-plan-rendered.yml');
const MATRIX = join(examples, 'workflows', 'rayservice-plan-matrix.yml');

let act: string;
let tmp: string;
let up: Upstream;
let gh: FakeGitHub;

beforeAll(async () => {
  act = await resolveAct();
});

async function setUp(revisions?: Revisions) {
  tmp = mkdtempSync(join(tmpdir(), 'rsr-workflows-'));
  up = makeUpstream(tmp, revisions);
  gh = await startFakeGitHub({ gitRoot: up.root });
}

afterEach(async () => {
  await gh?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const run = (workflow: string, ev: GitHubEvent): Promise<WorkflowRun> =>
  runWorkflow({ act, workflow, githubUrl: gh.url, eventName: ev.eventName, event: ev.event, githubEnv: ev.githubEnv });

const statuses = () => gh.requests.filter((r) => r.method === 'POST' && /\/statuses\//.test(r.path));
const statusOn = (sha: string) => statuses().filter((r) => r.path.endsWith(`/statuses/${sha}`));
const gitRequests = () => gh.requests.filter((r) => /\/git-upload-pack$|\/info\/refs/.test(r.path));
/** The end of the runner's log, to read when an expectation fails. */
const tail = (r: WorkflowRun) => r.log.split('\n').slice(-60).join('\n');

describe('examples/workflows/rayservice-plan.yml', () => {
  it('on pull_request: one sticky comment, the status on the head SHA; a second push edits the same comment', async () => {
    await setUp();
    const first = await run(PLAN, pullRequestEvent(up, 'opened'));
    // fail-on: ignored,delete — the examples' batch-embed change is one KubeRay ignores.
    expect(first.code, tail(first)).toBe(1);
    expect(first.log).toMatch(/fetch --no-tags --prune --no-recurse-submodules --depth=1 origin \+[0-9a-f]{40}:refs\/remotes\/pull\/7\/merge/);
    expect(gh.comments, tail(first)).toHaveLength(1);
    expect(gh.comments[0]!.body).toMatch(/ml-serving\/embeddings.*ignored/);
    expect(statuses()).toHaveLength(1);
    expect(statusOn(up.headSha)[0]?.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'failure' });
    expect(statusOn(up.headSha)[0]?.body.description).toMatch(/embeddings/);

    // The author puts batch-embed back as it was: nothing ignored any more, the same comment edited.
    const firstHead = up.headSha;
    up.pushToPullRequest((deploy) => copyFileSync(join(examples, 'base', 'batch-embed.yaml'), join(deploy, 'batch-embed.yaml')), 'keep batch-embed');
    const second = await run(PLAN, pullRequestEvent(up, 'synchronize'));
    expect(second.code, tail(second)).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH' && /\/issues\/comments\//.test(r.path))).toHaveLength(1);
    expect(gh.comments[0]!.body).not.toMatch(/ml-serving\/embeddings.*ignored/);
    expect(statusOn(firstHead)).toHaveLength(1);
    expect(statusOn(up.headSha)[0]?.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'success' });
  });

  it('with full history (fetch-depth: 0) plans the same as with the default shallow checkout', async () => {
    await setUp();
    const shallow = await run(PLAN, pullRequestEvent(up, 'opened'));
    const shallowComment = gh.comments[0]?.body;
    gh.comments.length = 0;
    const fullHistory = join(tmp, 'full-history.yml');
    writeFileSync(
      fullHistory,
      readFileSync(PLAN, 'utf8').replace('- uses: actions/checkout@v4', '- uses: actions/checkout@v4\n        with: { fetch-depth: 0 }'),
    );
    const full = await run(fullHistory, pullRequestEvent(up, 'opened'));
    expect(full.log).toMatch(/fetch --no-tags --prune --no-recurse-submodules origin \+refs\/heads\/\*:refs\/remotes\/origin\/\*/);
    expect(full.code, tail(full)).toBe(shallow.code);
    expect(gh.comments[0]?.body, tail(full)).toBe(shallowComment);
  });

  it('on merge_group: plans the group base → head, the status on the group head SHA, no comment', async () => {
    await setUp();
    const group = up.mergeGroup();
    const r = await run(PLAN, mergeGroupEvent(up, group));
    expect(r.code, tail(r)).toBe(1);
    expect(statuses()).toHaveLength(1);
    expect(statusOn(group.sha)[0]?.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'failure' });
    expect(gh.requests.filter((q) => /\/comments/.test(q.path))).toEqual([]);
    expect(r.log).toMatch(/ml-serving\/embeddings/);
  });
});

describe('examples/workflows/rayservice-plan-fork-safe.yml', () => {
  it('on pull_request_target from a fork: the base branch checked out, the head fetched anonymously, comment and status on the head', async () => {
    await setUp();
    const r = await run(FORK_SAFE, pullRequestTargetEvent(up, 'stranger/ml-platform'));
    expect(r.code, tail(r)).toBe(1); // fail-on: ignored
    expect(r.log).toMatch(/depth=1 origin \+[0-9a-f]{40}:refs\/remotes\/origin\/main/);
    // persist-credentials: false — the action's own fetches carry no token.
    const fetches = gitRequests();
    expect(fetches.length).toBeGreaterThan(2);
    expect(fetches.slice(2).every((q) => q.authorization === undefined)).toBe(true);
    expect(gh.comments).toHaveLength(1);
    expect(statusOn(up.headSha)[0]?.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'failure' });
  });
});

describe('examples/workflows/rayservice-plan-rendered.yml', () => {
  it('on pull_request: plans what the prod overlay renders, the change traced to the overlay patch at the head SHA', async () => {
    await setUp(KUSTOMIZE_EXAMPLE);
    const r = await run(RENDERED, pullRequestEvent(up, 'opened'));
    expect(r.code, tail(r)).toBe(0);
    expect(gh.comments, tail(r)).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(body).toMatch(/search-prod\/reranker/);
    expect(body).toMatch(/new RayCluster/);
    expect(body).toContain(`/blob/${up.headSha}/deploy/overlays/prod/rayservice-size.yaml#L`);
    expect(statusOn(up.headSha)[0]?.body).toMatchObject({ context: 'rayservice-rollout/plan', state: 'success' });
  });
});

describe('examples/workflows/rayservice-plan-matrix.yml', () => {
  const FLEET: Revisions = {
    base: (deploy) => {
      PLAIN_EXAMPLES.base(deploy);
      mkdirSync(join(deploy, '..', '.github'), { recursive: true });
      writeFileSync(
        join(deploy, '..', '.github', 'rayservice-rollout.yaml'),
        [
          'targets:',
          '  - {name: staging, manifests: deploy/sentiment.yaml}',
          '  - {name: prod-us, wave: 1, manifests: deploy/chat.yaml, kuberay-version: "1.5.1"}',
          '  - {name: prod-eu, wave: 1, manifests: deploy/fraud.yaml}',
          '',
        ].join('\n'),
      );
    },
    head: (deploy) => PLAIN_EXAMPLES.head(deploy),
  };

  it('on pull_request: three legs, three sticky comments and three statuses that never overwrite each other', async () => {
    await setUp(FLEET);
    const r = await run(MATRIX, pullRequestEvent(up, 'opened'));
    expect(r.code, tail(r)).toBe(0);
    const markers = gh.comments.map((c) => c.body.split('\n')[0]).sort();
    expect(markers).toEqual([
      '<!-- rayservice-rollout:plan:rayservice plan/prod-eu -->',
      '<!-- rayservice-rollout:plan:rayservice plan/prod-us -->',
      '<!-- rayservice-rollout:plan:rayservice plan/staging -->',
    ]);
    expect(gh.comments.find((c) => c.body.includes('plan/prod-us'))!.body).toContain('### RayService rollout plan · prod-us');
    expect(gh.comments.find((c) => c.body.includes('plan/prod-us'))!.body).toContain('ml-serving/chat-assistant');
    expect(
      statusOn(up.headSha)
        .map((s) => `${s.body.context}=${s.body.state}`)
        .sort(),
    ).toEqual(['rayservice-rollout/plan (prod-eu)=success', 'rayservice-rollout/plan (prod-us)=success', 'rayservice-rollout/plan (staging)=success']);
  });
});
