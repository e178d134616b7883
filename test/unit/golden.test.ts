/**
 * The comment, the summary and the outcome comment of a dozen situations, compared with the files
 * committed under test/golden/, so a change of wording or layout shows in review.
 * `npm run golden` (UPDATE_GOLDEN=1) rewrites them; `npm run preview` draws them as GitHub would.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLY_SCENARIOS, PLAN_SCENARIOS, renderApplyScenario, renderPlanScenario } from '../golden/scenarios.js';
import { cellCount, renderGfm, visibleText } from '../helpers/gfm.js';

const DIR = join(import.meta.dirname, '../golden');
const update = process.env.UPDATE_GOLDEN === '1';

function compare(file: string, text: string): void {
  const path = join(DIR, file);
  if (update || !existsSync(path)) writeFileSync(path, text);
  expect(text, `${file} differs: run \`npm run golden\` and review the diff`).toBe(readFileSync(path, 'utf8'));
}

/** What GitHub would show: tables keep their columns, no live HTML, no mention, no escaping artefact. */
function expectClean(md: string): void {
  const html = renderGfm(md);
  expect(html).not.toMatch(/<img|<script|<b>/);
  expect(html).not.toMatch(/href="http:\/\/evil|href="https:\/\/evil|href="http:\/\/www\.evil/);
  const text = visibleText(html);
  expect(text).not.toMatch(/&#\d+;|&amp;|\\[()[\]@|]/);
  for (const block of md.split('\n\n')) {
    const rows = block.split('\n').filter((l) => l.startsWith('|'));
    if (rows.length) expect(new Set(rows.map(cellCount)).size, block).toBe(1);
  }
}

describe('golden: the plan comment', () => {
  it.each(PLAN_SCENARIOS.map((s) => [s.name, s] as const))('%s', (name, s) => {
    const md = renderPlanScenario(s);
    expectClean(md);
    compare(`${name}.comment.md`, md);
  });
});

describe('golden: the apply summary and the merged-PR outcome comment', () => {
  it.each(APPLY_SCENARIOS.map((s) => [s.name, s] as const))('%s', (name, s) => {
    for (const kind of ['summary', 'outcome'] as const) {
      const md = renderApplyScenario(s, kind);
      expectClean(md.replace(/^```text\n[\s\S]*?^```$/gm, ''));
      compare(`${name}.${kind}.md`, md);
    }
  });
});

describe('the rollout chart', () => {
  it('neutralizes names: nothing Mermaid reads as syntax survives', async () => {
    const { mermaidName } = await import('../../src/render/rollout-gantt.js');
    expect(mermaidName('a:b;c#d%%e\nf`g<h>')).toBe('a_b_c_d__e_f_g_h_');
  });
});
