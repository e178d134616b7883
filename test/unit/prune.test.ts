/**
 * Prune, the pure parts: whose RayService prune may delete (managedFields), which services are
 * removed from Git, and what the plan (Git-only and cluster-aware) and the comment say with and
 * without prune.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterFacts, LiveService } from '../../src/planner/live/facts.js';
import { planWithCluster } from '../../src/planner/live/cluster-plan.js';
import { plan } from '../../src/planner/plan.js';
import { isRemovedFromGit, pruneDecision } from '../../src/planner/prune.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderJson } from '../../src/render/json.js';
import { rayService, set } from '../fixtures/rayservice.js';

const entry = (manager: string, operation: string) => ({ manager, operation, apiVersion: 'ray.io/v1', fieldsType: 'FieldsV1', fieldsV1: {} });
const live = (...managedFields: unknown[]) => ({ metadata: { name: 'b', namespace: 'default', uid: 'u-1', managedFields } });

describe('pruneDecision: only what our field manager applied', () => {
  it.each([
    { why: 'our server-side apply', obj: live(entry('rayservice-rollout', 'Apply'), entry('kuberay-operator', 'Update')), want: 'delete' },
    { why: 'gone', obj: null, want: 'gone' },
    { why: 'ours, but only an Update (not a server-side apply)', obj: live(entry('rayservice-rollout', 'Update')), want: 'skip' },
    { why: 'kubectl client-side apply', obj: live(entry('kubectl-client-side-apply', 'Update')), want: 'skip' },
    { why: 'another tool’s server-side apply', obj: live(entry('argocd-controller', 'Apply')), want: 'skip' },
    { why: 'no managedFields at all', obj: { metadata: { name: 'b' } }, want: 'skip' },
    { why: 'managedFields malformed', obj: { metadata: { managedFields: 'x' } }, want: 'skip' },
    { why: 'entries malformed', obj: live(null, 3, { manager: 7, operation: 'Apply' }), want: 'skip' },
  ])('$why → $want', ({ obj, want }) => {
    expect(pruneDecision(obj, 'rayservice-rollout').action).toBe(want);
  });

  it('keeps the uid as a precondition of the delete', () => {
    expect(pruneDecision(live(entry('rayservice-rollout', 'Apply')), 'rayservice-rollout')).toEqual({ action: 'delete', uid: 'u-1' });
  });

  it('honours another --field-manager', () => {
    expect(pruneDecision(live(entry('ci-deployer', 'Apply')), 'ci-deployer').action).toBe('delete');
    expect(pruneDecision(live(entry('rayservice-rollout', 'Apply')), 'ci-deployer').action).toBe('skip');
  });

  it('the note says who manages it, bounded against a hostile object', () => {
    const d = pruneDecision(live(entry('kubectl-client-side-apply', 'Update'), entry('helm', 'Apply')), 'rayservice-rollout');
    expect(d).toEqual({
      action: 'skip',
      whose: { fieldManager: 'rayservice-rollout', managers: ['kubectl-client-side-apply (Update)', 'helm (Apply)'], more: 0 },
      note: 'not deleted: rayservice-rollout never applied it (managed by kubectl-client-side-apply (Update), helm (Apply)); delete it by hand if it must go',
    });
    const many = pruneDecision(live(...Array.from({ length: 5000 }, (_, i) => entry(`m${i}-${'x'.repeat(500)}`, 'Update'))), 'rayservice-rollout');
    expect(many.action === 'skip' && many.note.length).toBeLessThan(450);
    expect(many.action === 'skip' && many.note).toMatch(/and 4996 more/);
    expect(many.action === 'skip' && JSON.stringify(many.whose).length).toBeLessThan(450);
  });
});

describe('the plan of a RayService removed from Git', () => {
  const a = rayService(undefined, 'a');
  const b = rayService(undefined, 'b');
  const suspended = rayService((rs) => (rs.spec.suspend = true), 'a');

  it.each([
    {
      prune: false,
      removal: 'left-running',
      row: /removed from Git, left running\*\*: apply never deletes/,
      verdict: /leaves 1 RayService removed from Git running/,
    },
    { prune: true, removal: 'prune', row: /will be deleted \(prune\)/, verdict: /deletes 1 RayService removed from Git \(prune\)/ },
  ])('prune $prune → removal $removal', ({ prune, removal, row, verdict }) => {
    const p = plan(set([a, b]), set([a]), { prune });
    const gone = p.services.find((s) => s.name === 'b')!;
    expect(gone).toMatchObject({ change: 'delete', manifest: 'removed', removal });
    expect(isRemovedFromGit(gone)).toBe(true);
    expect(JSON.parse(renderJson(p)).services.find((s: { name: string }) => s.name === 'b').removal).toBe(removal);
    const md = renderMarkdown(p);
    expect(md).toMatch(row);
    expect(md).toMatch(verdict);
  });

  it('a suspend is a delete that stays in Git: never pruned', () => {
    const p = plan(set([a]), set([suspended]), { prune: true });
    const s = p.services[0]!;
    expect(s.change).toBe('delete');
    expect(s.removal).toBeUndefined();
    expect(isRemovedFromGit(s)).toBe(false);
  });

  const facts = (service: LiveService): ClusterFacts => ({
    server: '127.0.0.1:6443',
    notes: [],
    services: new Map([['default/b', service]]),
    dryRuns: new Map(),
    nodes: [],
    pods: [],
    quotas: [],
  });
  const liveB = (manager: string, operation: string): LiveService => ({
    rayService: { ...structuredClone(b), metadata: { name: 'b', namespace: 'default', managedFields: [entry(manager, operation)] } },
  });

  it.each([
    { why: 'applied by us: will be deleted', service: liveB('rayservice-rollout', 'Apply'), removal: 'prune', note: undefined },
    {
      why: 'applied by someone else: the comment says it stays',
      service: liveB('helm', 'Apply'),
      removal: 'not-ours',
      note: /Prune leaves it running: .*helm \(Apply\)/,
    },
    { why: 'already gone', service: { rayService: null }, removal: 'prune', note: /prune has nothing to delete/ },
  ])('cluster-aware, prune on: $why', ({ service, removal, note }) => {
    const p = planWithCluster(set([a, b]), set([a]), facts(service), { prune: true, fieldManager: 'rayservice-rollout' });
    const gone = p.services.find((s) => s.name === 'b')!;
    expect(gone.removal).toBe(removal);
    if (note) expect(gone.cluster!.notes.map((n) => n.text).join(' ')).toMatch(note);
    if (removal === 'not-ours') expect(renderMarkdown(p)).toMatch(/prune deletes only what it applied/);
  });

  it('cluster-aware, prune off: left running whoever applied it', () => {
    const p = planWithCluster(set([a, b]), set([a]), facts(liveB('rayservice-rollout', 'Apply')), {});
    expect(p.services.find((s) => s.name === 'b')!.removal).toBe('left-running');
  });
});
