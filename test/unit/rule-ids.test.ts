/**
 * Every rule id a reason, a note, a field note or a rollout hint can carry is an entry of the
 * catalogs of words (src/planner/wording/, src/rollout/wording.ts) and is documented in
 * docs/rule-ids.md; the documented reason, note and hint ids are entries of the catalogs; and the
 * plans carry them: modules decide on ids, people read the text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/planner/plan.js';
import { FIELD_NOTES, NOTES, OVERRIDDEN_AS, REASONS } from '../../src/planner/wording/index.js';
import { HEALTH, HINTS } from '../../src/rollout/wording.js';
import { rayService, set } from '../fixtures/rayservice.js';

const DOC = readFileSync('docs/rule-ids.md', 'utf8');

function section(heading: string): string {
  const start = DOC.indexOf(`\n## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** The ids a section names: the backticked ids of its table's first column, or of its prose (the hints' list). */
function documented(heading: string): string[] {
  const rows = [...section(heading).matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]!).filter((c) => c.trim() !== 'id' && !/^-+$/.test(c.trim()));
  const cells = rows.length
    ? rows.join(' ')
    : section(heading)
        .split('\n')
        .filter((l) => !l.startsWith('#') && l.includes('`'))
        .join(' ');
  return [...cells.matchAll(/`([a-z0-9.<>-]+)`/g)].map((m) => m[1]!);
}

const CATALOGS = [
  { name: 'reasons', ids: Object.keys(REASONS), doc: 'Reasons' },
  { name: 'notes', ids: Object.keys(NOTES), doc: 'Notes' },
  { name: 'hints', ids: Object.keys(HINTS), doc: 'Rollout hints' },
  { name: 'health', ids: Object.keys(HEALTH), doc: 'Health before the change' },
  { name: 'field notes', ids: Object.keys(FIELD_NOTES), doc: 'Field changes' },
  { name: 'overriding rules', ids: Object.keys(OVERRIDDEN_AS), doc: 'Reasons' },
];

describe('rule ids', () => {
  it.each(CATALOGS.flatMap((c) => c.ids.map((id) => ({ id, catalog: c.name, doc: c.doc }))))(
    '$catalog: $id is documented in docs/rule-ids.md',
    ({ id, doc }) => {
      expect(section(doc)).toContain(`\`${id}\``);
    },
  );

  // Field changes document rules without words (cluster.hashed) and families (`serve.<effect>`): one way only.
  it.each(CATALOGS.filter((c) => c.name !== 'field notes' && c.name !== 'overriding rules'))(
    'every documented id of $doc has its words in the $name catalog',
    ({ ids, doc }) => {
      const missing = documented(doc).filter((id) => !ids.includes(id));
      expect(missing).toEqual([]);
    },
  );

  it('reads the documentation (the scan works)', () => {
    expect(documented('Reasons').length).toBeGreaterThan(25);
    expect(documented('Notes').length).toBeGreaterThan(25);
    expect(documented('Rollout hints').length).toBeGreaterThan(15);
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
    for (const r of s.reasons) expect(Object.keys(REASONS)).toContain(r.rule);
    // What another rule overrides names it, and its words start with that rule's.
    for (const r of s.reasons.slice(1)) {
      if (s.change !== 'rejected') continue;
      expect(r.overriddenBy).toBe('validation.rejected');
      expect(r.text.startsWith(`${OVERRIDDEN_AS['validation.rejected']}: `)).toBe(true);
    }
  });
});
