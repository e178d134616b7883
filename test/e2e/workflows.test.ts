/**
 * The example workflows that reach a cluster, run verbatim by a real GitHub Actions runner (nektos/act,
 * host mode) against the real control plane and KubeRay operator: the first push to main creates the
 * RayServices (rayservice-apply.yml), the pull request is planned against what runs
 * (rayservice-plan-live.yml, also from a fork without credentials), its merge rolls them out, a manual
 * dispatch re-applies main. The
 * cloud login steps are stand-ins (test/workflows/stubs) that leave the local control plane's
 * kubeconfig where `aws eks update-kubeconfig` leaves one; everything else is the example as users
 * copy it, with the checkout made as actions/checkout makes it (the pushed commit at depth 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../action/runner.js';
import { DEFAULT_NODES, type ControlPlane, gpuNode, startControlPlane } from '../harness/index.js';
import { resolveAct, runWorkflow, type WorkflowRun } from '../workflows/act.js';
import { dispatchEvent, type GitHubEvent, pullRequestEvent, pushEvent } from '../workflows/events.js';
import { makeUpstream, type Upstream } from '../workflows/upstream.js';

const workflows = resolve(import.meta.dirname, '..', '..', 'examples', 'workflows');
const APPLY = join(workflows, 'rayservice-apply.yml');
const PLAN_LIVE = join(workflows, 'rayservice-plan-live.yml');
const stubs = resolve(import.meta.dirname, '..', 'workflows', 'stubs');

let cp: ControlPlane;
let gh: FakeGitHub;
let up: Upstream;
let act: string;
let tmp: string;

beforeAll(async () => {
  act = await resolveAct();
  // GPU nodes for chat-assistant's L4 workers (without them the tool rightly fails that rollout).
  cp = await startControlPlane({ kuberayVersion: 'v1.6.2', nodes: [...DEFAULT_NODES, gpuNode('gpu-0', 2)] });
  await cp.kubectl.ensureNamespace('ml-serving');
  tmp = mkdtempSync(join(tmpdir(), 'rsr-workflow-apply-'));
  up = makeUpstream(tmp);
  gh = await startFakeGitHub({ gitRoot: up.root });
  // Only the merge commit came with a pull request.
  gh.pullForCommit = (sha) => (sha === up.mergeSha && up.baseSha === up.mergeSha ? 7 : undefined);
}, 300_000);

afterAll(async () => {
  await gh?.close();
  await cp?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** `credentials: false`: a pull request from a fork, which gets no OIDC token and no variables' roles. */
const run = (workflow: string, ev: GitHubEvent, credentials = true): Promise<WorkflowRun> =>
  runWorkflow({
    act,
    workflow,
    githubUrl: gh.url,
    ...ev,
    vars: credentials ? { DEPLOY_ROLE_ARN: 'arn:aws:iam::123456789012:role/deploy', PLAN_READONLY_ROLE_ARN: 'arn:aws:iam::123456789012:role/plan' } : {},
    localActions: { 'aws-actions/configure-aws-credentials@v4': join(stubs, 'configure-aws-credentials') },
    extraPath: [join(stubs, 'bin')],
    env: credentials ? { RSR_TEST_KUBECONFIG: cp.kubeconfigPath } : {},
  });

const statusOn = (sha: string) => gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/statuses/${sha}`)).map((r) => r.body);
const tail = (r: WorkflowRun) => r.log.split('\n').slice(-80).join('\n');

describe('examples/workflows: apply, plan against the cluster, merge, dispatch', () => {
  it('rayservice-apply.yml on the first push to main: creates every RayService and waits for each; success on the pushed SHA', async () => {
    const r = await run(APPLY, pushEvent({ before: '0'.repeat(40), after: up.baseSha }));
    expect(r.code, tail(r)).toBe(0);
    expect(r.log).toMatch(/fetch --no-tags --prune --no-recurse-submodules --depth=1 origin \+[0-9a-f]{40}:refs\/remotes\/origin\/main/);
    expect(statusOn(up.baseSha)).toEqual([expect.objectContaining({ context: 'rayservice-rollout/apply', state: 'success' })]);
    expect(await cp.kubectl.get('RayService', 'ticket-triage', 'ml-serving')).toBeTruthy();
    expect(gh.comments).toEqual([]); // no pull request brought that commit
  }, 600_000);

  it('rayservice-plan-live.yml on pull_request: planned against what runs (operator version, dry run), one comment and status', async () => {
    const r = await run(PLAN_LIVE, pullRequestEvent(up, 'opened'));
    // fail-on: capacity,ignored — the examples' batch-embed change is one KubeRay ignores.
    expect(r.code, tail(r)).toBe(1);
    const comment = gh.comments.find((c) => c.issue === 7);
    expect(comment?.body, tail(r)).not.toMatch(/_Git only:_/);
    expect(comment?.body).toMatch(/KubeRay v?1\.6\.2/);
    expect(statusOn(up.headSha)).toEqual([expect.objectContaining({ context: 'rayservice-rollout/plan', state: 'failure' })]);
  }, 300_000);

  it('rayservice-plan-live.yml from a fork (no credentials): the login steps fail, the plan degrades to Git alone', async () => {
    const r = await run(PLAN_LIVE, pullRequestEvent(up, 'synchronize'), false);
    expect(r.code, tail(r)).toBe(1); // still fail-on: ignored, never a failure for the missing cluster
    const comment = gh.comments.find((c) => c.issue === 7);
    expect(comment?.body, tail(r)).toMatch(/_Git only:_ Planned from Git alone/);
    expect(statusOn(up.headSha).at(-1)).toMatchObject({ context: 'rayservice-rollout/plan', state: 'failure' });
    expect(statusOn(up.headSha).at(-1)?.description).toMatch(/embeddings/);
  }, 300_000);

  it('rayservice-apply.yml on the merge of a pull request: rolls out base → head, the outcome on the merged PR', async () => {
    const range = up.merge();
    const commentsBefore = gh.comments.length;
    const r = await run(APPLY, pushEvent(range));
    expect(r.code, tail(r)).toBe(0);
    expect(statusOn(range.after)).toEqual([expect.objectContaining({ context: 'rayservice-rollout/apply', state: 'success' })]);
    const outcome = gh.comments.slice(commentsBefore);
    expect(outcome.map((c) => c.issue)).toEqual([7]);
    expect(outcome[0]!.body).toMatch(/ticket-triage/);
    const triage = await cp.kubectl.get('RayService', 'ticket-triage', 'ml-serving');
    expect(JSON.stringify(triage.spec)).toContain('2.46.0');
  }, 900_000);

  it('rayservice-apply.yml on workflow_dispatch: re-applies main, which already runs: nothing to roll out, success', async () => {
    const r = await run(APPLY, dispatchEvent(up.baseSha));
    expect(r.code, tail(r)).toBe(0);
    expect(statusOn(up.baseSha).at(-1)).toMatchObject({ context: 'rayservice-rollout/apply', state: 'success' });
  }, 300_000);
});
