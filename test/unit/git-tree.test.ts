/** Manifests read from a commit (the action's side) as kubectl would read the checked-out files. */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestsAt } from '../../src/git/git-tree.js';
import { git } from '../helpers/git.js';

const RS = 'apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: café}\n';
let repo: string;
let sha: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'rsr-git-tree-'));
  git(repo, 'init', '-q', '-b', 'main');
  const write = (name: string, data: string | Buffer) => writeFileSync(join(repo, name), data);
  write('plain.yaml', RS);
  write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RS, 'utf16le')]));
  write('mac.yaml', RS.replace(/\n/g, '\r'));
  write('target.txt', RS);
  symlinkSync('target.txt', join(repo, 'link.yaml'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'manifests');
  sha = git(repo, 'rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('manifestsAt', () => {
  it.each([
    ['plain UTF-8', 'plain.yaml'],
    ['UTF-16 with a byte-order mark', 'utf16.yaml'],
    ['lone CR line endings', 'mac.yaml'],
    ['a symbolic link to a file of the commit', 'link.yaml'],
  ])('%s reads as the same text', async (_name, path) => {
    const [file] = await manifestsAt(repo, sha, [path]);
    expect(file).toEqual({ path, text: RS });
  });

  it.each([
    ['invalid UTF-8', 'latin1.yaml', Buffer.from('kind: RayService\nname: caf\xe9\n', 'latin1'), /latin1\.yaml:2: byte 0xe9/],
    [
      'a link out of the repository',
      'out.yaml',
      '../../etc/passwd',
      /out\.yaml: is a symbolic link to \.\.\/\.\.\/etc\/passwd, which is not a file of this commit/,
    ],
    ['a dangling link', 'gone.yaml', 'nowhere.yaml', /gone\.yaml: is a symbolic link to nowhere\.yaml/],
  ])('refuses %s by name', async (_name, path, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'rsr-git-bad-'));
    try {
      git(dir, 'init', '-q', '-b', 'main');
      if (typeof content === 'string') symlinkSync(content, join(dir, path));
      else writeFileSync(join(dir, path), content);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'bad');
      await expect(manifestsAt(dir, git(dir, 'rev-parse', 'HEAD'), ['*.yaml'])).rejects.toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
