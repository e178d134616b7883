/** Git in a throwaway repository of a test, with a fixed identity (the machine may have none). */
import { execFileSync } from 'node:child_process';

const IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };

/** `git <args>` in `cwd`; its stdout, trimmed. Throws when git fails. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } }).trim();
}
