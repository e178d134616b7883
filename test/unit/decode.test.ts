/** Manifest bytes as kubectl reads them: byte-order marks, line endings, and bytes that are not text. */
import { describe, expect, it } from 'vitest';
import { decodeManifest } from '../../src/manifests/decode.js';
import { InputError } from '../../src/manifests/input-error.js';
import { manifestsFromTexts } from '../../src/manifests/load.js';

const YAML = 'kind: RayService\nmetadata:\n  name: café\n';
const utf16 = (text: string, le: boolean, bom: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return new Uint8Array(Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]));
};
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

describe('decodeManifest', () => {
  it.each([
    ['plain UTF-8', bytes(YAML), YAML],
    ['UTF-8 with a byte-order mark', bytes([0xef, 0xbb, 0xbf], YAML), YAML],
    ['UTF-16LE with a byte-order mark', utf16(YAML, true, true), YAML],
    ['UTF-16BE with a byte-order mark', utf16(YAML, false, true), YAML],
    ['CRLF line endings stay', bytes('a: 1\r\nb: 2\r\n'), 'a: 1\r\nb: 2\r\n'],
    ['lone CR line endings become LF', bytes('a: 1\rb: 2\r'), 'a: 1\nb: 2\n'],
    ['an empty file', bytes(''), ''],
  ])('%s', (_name, input, expected) => {
    expect(decodeManifest('f.yaml', input)).toBe(expected);
  });

  it.each([
    ['latin-1 é on line 3', bytes('a: 1\nb: 2\nname: caf', [0xe9], '\n'), 3, /byte 0xe9 .* not valid UTF-8/],
    ['a truncated sequence at the end', bytes('a: 1\n', [0xe2, 0x82]), 2, /byte 0xe2/],
    ['an overlong encoding', bytes([0xc0, 0xaf]), 1, /byte 0xc0/],
    ['a UTF-16 surrogate encoded in UTF-8', bytes('x\r\ny\r', [0xed, 0xa0, 0x80]), 3, /byte 0xed/],
    ['UTF-16LE without a byte-order mark', utf16(YAML, true, false), 1, /UTF-16 .* without a byte-order mark/],
    ['UTF-16BE without a byte-order mark', utf16(YAML, false, false), 1, /UTF-16 .* without a byte-order mark/],
  ])('refuses %s with its line', (_name, input, line, message) => {
    let error: unknown;
    try {
      decodeManifest('deploy/x.yaml', input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(line);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).message).toMatch(/save the file as UTF-8/);
  });

  it('a CR-only manifest plans the RayService it holds, with the lines an editor shows', () => {
    const text = [
      'apiVersion: ray.io/v1',
      'kind: RayService',
      'metadata:',
      '  name: classic-mac',
      'spec:',
      '  rayClusterConfig:',
      '    headGroupSpec: {}',
      '',
    ].join('\r');
    const set = manifestsFromTexts([{ file: 'mac.yaml', text: decodeManifest('mac.yaml', bytes(text)) }], 'default');
    const rs = set.get('default/classic-mac');
    expect(rs).toBeDefined();
    expect(rs!.source.lineOf(['metadata', 'name'])).toBe(4);
  });
});

describe('symbolic links in a manifest folder', () => {
  it('reads a link to a file as kubectl does, and refuses one that leads nowhere', async () => {
    const { mkdtempSync, writeFileSync, symlinkSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadManifests } = await import('../../src/manifests/load.js');
    const dir = mkdtempSync(join(tmpdir(), 'rsr-links-'));
    try {
      writeFileSync(
        join(dir, 'real.txt'),
        'apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: linked}\nspec: {rayClusterConfig: {headGroupSpec: {}}}\n',
      );
      symlinkSync(join(dir, 'real.txt'), join(dir, 'linked.yaml'));
      const set = await loadManifests(dir, { defaultNamespace: 'default' });
      expect([...set.keys()]).toEqual(['default/linked']);
      symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
      await expect(loadManifests(dir, { defaultNamespace: 'default' })).rejects.toThrow(
        /dangling\.yaml: is a symbolic link to .*gone\.yaml, which does not exist/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
