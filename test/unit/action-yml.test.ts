/** action.yml, the code that reads its inputs and the README's table stay in step. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const action = parse(readFileSync('action.yml', 'utf8'));
const inputsCode = readFileSync('src/action/inputs.ts', 'utf8');
const readme = readFileSync('README.md', 'utf8');

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  const used = [...inputsCode.matchAll(/(?:getInput|list|bool)\('([a-z-]+)'/g)].map((m) => m[1]!);
  it.each([...new Set(used)])('declares the input %s that the code reads', (name) => {
    expect(action.inputs[name], name).toBeDefined();
  });

  it.each(Object.entries(action.inputs as Record<string, { default?: string }>))('the README documents input %s with its default', (name, def) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\``));
    expect(row, `README row for ${name}`).toBeDefined();
    if (def.default && !def.default.includes('${{')) expect(row).toContain(def.default === '' ? '' : def.default);
  });

  it.each(Object.keys(action.outputs))('the README documents output %s', (name) => {
    expect(readme).toMatch(new RegExp(`\\| \`${name}\``));
  });
});
