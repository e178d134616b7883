/** action.yml, the code that reads its inputs (and its defaults) and the README's table stay in step. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/settings/defaults.js';
import { parseList } from '../../src/settings/parse.js';

const action = parse(readFileSync('action.yml', 'utf8'));
const inputsCode = readFileSync('src/action/inputs.ts', 'utf8');
const readme = readFileSync('README.md', 'utf8');

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  const used = [...inputsCode.matchAll(/(?:getInput|bool|text)\('([a-z-]+)'/g)].map((m) => m[1]!);
  it.each([...new Set(used)])('declares the input %s that the code reads', (name) => {
    expect(action.inputs[name], name).toBeDefined();
  });

  it('reads every input it declares', () => {
    expect(Object.keys(action.inputs).filter((name) => !used.includes(name))).toEqual([]);
  });

  // The runner passes action.yml's default; the code falls back to src/settings/ when the input is
  // empty. Both must be the same value, or a workflow and a local run would differ.
  it.each([
    ['kuberay-version', DEFAULTS.kuberayVersion],
    ['zero-downtime', String(DEFAULTS.zeroDowntime)],
    ['namespace', DEFAULTS.namespace],
    ['comment', String(DEFAULTS.comment)],
    ['status-context', DEFAULTS.planStatusContext],
    ['live', String(DEFAULTS.live)],
    ['timeout', DEFAULTS.timeout],
    ['field-manager', DEFAULTS.fieldManager],
    ['force-conflicts', String(DEFAULTS.forceConflicts)],
    ['prune', String(DEFAULTS.prune)],
    ['on-failure', DEFAULTS.onFailure],
    ['dry-run', String(DEFAULTS.dryRun)],
    ['fail-on', DEFAULTS.failOn],
  ])('declares the default of input %s that the code uses (%s)', (name, codeDefault) => {
    expect(String(action.inputs[name].default)).toBe(codeDefault);
  });

  it('declares the manifest globs that the code uses by default', () => {
    expect(parseList(action.inputs.manifests.default, [])).toEqual(DEFAULTS.manifestGlobs);
  });

  it.each(Object.entries(action.inputs as Record<string, { default?: string }>))('the README documents input %s with its default', (name, def) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\``));
    expect(row, `README row for ${name}`).toBeDefined();
    if (def.default && !def.default.includes('${{')) expect(row).toContain(def.default === '' ? '' : def.default);
  });

  it.each(Object.keys(action.outputs))('the README documents output %s', (name) => {
    expect(readme).toMatch(new RegExp(`\\| \`${name}\``));
  });

  // The Marketplace refuses an action whose metadata breaks these rules; checked here, not at publishing.
  describe('meets the Marketplace rules', () => {
    it.each<[string, () => unknown]>([
      ['a name', () => typeof action.name === 'string' && action.name.trim() !== ''],
      ['a description under 125 characters', () => typeof action.description === 'string' && action.description.length > 0 && action.description.length < 125],
      ['branding with an icon and a colour', () => typeof action.branding?.icon === 'string' && typeof action.branding?.color === 'string'],
      [
        'a description for every input',
        () =>
          Object.values(action.inputs as Record<string, { description?: unknown }>).every(
            (i) => typeof i.description === 'string' && i.description.trim() !== '',
          ),
      ],
      [
        'a description for every output',
        () =>
          Object.values(action.outputs as Record<string, { description?: unknown }>).every(
            (o) => typeof o.description === 'string' && o.description.trim() !== '',
          ),
      ],
    ])('%s', (_rule, holds) => {
      expect(holds()).toBe(true);
    });
  });
});
