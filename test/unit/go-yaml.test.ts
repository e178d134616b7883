/** Manifests are read as kubectl reads them: sigs.k8s.io/yaml, go-yaml v2 scalars and merge keys. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/manifests/input-error.js';
import { parseYamlDocuments } from '../../src/manifests/yaml-documents.js';

const SCALARS: [source: string, value: unknown][] = [
  ['yes', true],
  ['NO', false],
  ['on', true],
  ['Off', false],
  ['y', true],
  ['n', false],
  ['"yes"', 'yes'],
  ['~', null],
  ['0x1F', 31],
  ['0o17', 15],
  ['017', 15],
  ['08', 8],
  ['0b101', 5],
  ['1_000', 1000],
  ['1e3', 1000],
  ['.5', 0.5],
  ['1e400', '1e400'],
  ['1:20', '1:20'],
  ['2001-12-14', '2001-12-14'],
  ['10Gi', '10Gi'],
  ['-1', -1],
  ['1.5.6', '1.5.6'],
];

describe('YAML scalars as go-yaml v2 resolves them', () => {
  it.each(SCALARS)('%s', (source, value) => {
    expect(parseYamlDocuments('f.yaml', `v: ${source}\n`)[0]!.value).toEqual({ v: value });
  });

  it('merge keys merge, explicit keys win', () => {
    expect(parseYamlDocuments('f.yaml', 'a: &a {p: 1, q: 2}\nb:\n  <<: *a\n  q: 3\n')[0]!.value).toEqual({ a: { p: 1, q: 2 }, b: { p: 1, q: 3 } });
  });

  it('a key `y` or `on` is the boolean true, so the key "true" (as sigs.k8s.io/yaml converts it)', () => {
    expect(parseYamlDocuments('f.yaml', 'y: 1\n')[0]!.value).toEqual({ true: 1 });
  });

  it.each(['.inf', '-.Inf', '.nan'])('%s is refused with its line (kubectl cannot send it)', (source) => {
    expect(() => parseYamlDocuments('f.yaml', `a: 1\nv: ${source}\n`)).toThrow(/f\.yaml:2: .*JSON cannot carry/);
    expect(() => parseYamlDocuments('f.yaml', `v: ${source}\n`)).toThrow(InputError);
  });
});
