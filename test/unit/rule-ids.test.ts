/**
 * Every rule id a reason, a note or a rollout hint can carry is documented in docs/rule-ids.md, and
 * the plans carry them: modules decide on ids, people read the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/planner/plan.js';
import { rayService, set } from '../fixtures/rayservice.js';

const DOC = readFileSync('docs/rule-ids.md', 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Ids given as literals to `reason(…)`, to `overriddenBy`/`overridden(…)`, and the HintId union. */
function idsInSources(): Set<string> {
  const ids = new Set<string>();
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\breason\(\s*'([a-z0-9.-]+)'/g)) ids.add(m[1]!);
    for (const m of text.matchAll(/\boverridden\([^,]+,\s*'([a-z0-9.-]+)'/g)) ids.add(m[1]!);
  }
  const types = readFileSync('src/rollout/types.ts', 'utf8');
  const union = /export type HintId =([^;]+);/.exec(types)![1]!;
  for (const m of union.matchAll(/'([a-z-]+)'/g)) ids.add(m[1]!);
  return ids;
}

describe('rule ids', () => {
  const ids = [...idsInSources()].sort();

  it('finds the ids (the scan works)', () => {
    expect(ids.length).toBeGreaterThan(50);
  });

  it.each(ids)('%s is documented in docs/rule-ids.md', (id) => {
    expect(DOC).toContain(`\`${id}\``);
  });

  it.each([
    { why: 'a hashed change', head: (rs: ReturnType<typeof rayService>) => (rs.spec.rayClusterConfig.rayVersion = '2.46.0'), rules: ['cluster.hash-changed'] },
    {
      why: 'a refused head',
      head: (rs: ReturnType<typeof rayService>) => (rs.spec.rayClusterConfig.headGroupSpec.headService = { metadata: { name: 'x' } }),
      rules: ['validation.rejected'],
    },
  ])('a plan carries the ids: $why', ({ head, rules }) => {
    const s = plan(set([rayService()]), set([rayService(head)]), { kuberayVersion: '1.6' }).services[0]!;
    for (const r of rules) expect(s.reasons.map((x) => x.rule)).toContain(r);
    for (const r of s.reasons) expect(DOC).toContain(`\`${r.rule}\``);
    // What another rule overrides names it.
    for (const r of s.reasons.slice(1)) if (s.change === 'rejected') expect(r.overriddenBy).toBe('validation.rejected');
  });
});
