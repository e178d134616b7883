/** Which comments the sticky comment may edit or minimize: the marker first AND written by the token's identity. */
import { describe, expect, it } from 'vitest';
import { type ListedComment, markerFor, ownComments } from '../../src/github/sticky-comment.js';

const MARKER = markerFor('plan', 'rayservice plan');
const c = (id: number, login: string | undefined, body: string | null): ListedComment => ({
  id,
  body,
  ...(login === undefined ? { user: null } : { user: { login } }),
});

describe('ownComments', () => {
  it.each([
    { what: 'ours: marker first, our login', comment: c(1, 'github-actions[bot]', `${MARKER}\nplan`), login: 'github-actions[bot]', ours: true },
    { what: 'logins compare case-insensitively', comment: c(2, 'RayService-Bot', `${MARKER}\nplan`), login: 'rayservice-bot', ours: true },
    { what: "a user's comment carrying the marker", comment: c(3, 'mallory', `${MARKER}\nfake`), login: 'github-actions[bot]', ours: false },
    { what: 'our login, no marker', comment: c(4, 'github-actions[bot]', 'hello'), login: 'github-actions[bot]', ours: false },
    { what: 'marker not first', comment: c(5, 'github-actions[bot]', `quote: ${MARKER}`), login: 'github-actions[bot]', ours: false },
    {
      what: "another workflow's marker",
      comment: c(6, 'github-actions[bot]', `${markerFor('plan', 'rayservice plan 2')}\n`),
      login: 'github-actions[bot]',
      ours: false,
    },
    { what: 'a deleted user (ghost, user null)', comment: c(7, undefined, `${MARKER}\nx`), login: 'github-actions[bot]', ours: false },
    { what: 'no body', comment: c(8, 'github-actions[bot]', null), login: 'github-actions[bot]', ours: false },
    { what: 'the default token is not the viewer', comment: c(9, 'github-actions[bot]', `${MARKER}\nx`), login: 'rayservice-bot', ours: false },
  ])('$what → ours: $ours', ({ comment, login, ours }) => {
    expect(ownComments([comment], MARKER, login)).toEqual(ours ? [comment] : []);
  });

  it('keeps the listing order (oldest first), so the newest own comment is the last', () => {
    const list = [c(1, 'github-actions[bot]', `${MARKER}\na`), c(2, 'mallory', `${MARKER}\nb`), c(3, 'github-actions[bot]', `${MARKER}\nc`)];
    expect(ownComments(list, MARKER, 'github-actions[bot]').map((x) => x.id)).toEqual([1, 3]);
  });
});
