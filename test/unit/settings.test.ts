/** The setting parsers shared by the CLI and the action: what each accepts, and how it refuses. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/settings/defaults.js';
import { parseBool, parseChoice, parseChoiceList, parseDuration, parseKubeRayVersion, parseList, SettingError } from '../../src/settings/parse.js';
import { UserError } from '../../src/util/user-error.js';

describe('parseBool', () => {
  it.each([
    ['true', false, true],
    ['false', true, false],
    ['TRUE', false, true],
    [' False ', true, false],
    ['', true, true],
    ['', false, false],
    [undefined, true, true],
  ])('%j (default %s) → %s', (text, fallback, expected) => {
    expect(parseBool('--zero-downtime', text, fallback)).toBe(expected);
  });

  // The old apply read anything but "false" as true: a typo meant the opposite of what was meant.
  it.each(['flase', 'no', '0', 'yes', 'on'])('refuses %j, naming the setting and the values', (text) => {
    expect(() => parseBool('input zero-downtime', text, true)).toThrow(new SettingError(`input zero-downtime must be true or false, not "${text}"`));
  });

  it('refusals are user errors (one line, exit status 2, no stack trace)', () => {
    expect(() => parseBool('--x', 'maybe', true)).toThrow(UserError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    [' 10m ', 600_000],
    ['', 1_800_000],
    [undefined, 1_800_000],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDuration('--timeout', text, '30m')).toBe(ms);
  });

  it.each(['30 minutes', '-5m', '1d', 'm', '1h30m'])('refuses %j', (text) => {
    expect(() => parseDuration('input timeout', text, '30m')).toThrow(`input timeout: "${text.trim()}" is not a duration (e.g. 90s, 30m, 1h)`);
  });

  it('the default timeout is a duration', () => {
    expect(parseDuration('--timeout', undefined, DEFAULTS.timeout)).toBeGreaterThan(0);
  });
});

describe('parseKubeRayVersion', () => {
  it.each([
    ['1.7', '1.7'],
    ['1.5.1', '1.5.1'],
    ['v1.6.2', 'v1.6.2'],
    ['', DEFAULTS.kuberayVersion],
    [undefined, DEFAULTS.kuberayVersion],
  ])('%j → %j', (text, expected) => {
    expect(parseKubeRayVersion('--kuberay-version', text, DEFAULTS.kuberayVersion)).toBe(expected);
  });

  it.each(['1.2', '2.0', 'latest'])('refuses %j with the supported lines', (text) => {
    expect(() => parseKubeRayVersion('--kuberay-version', text, DEFAULTS.kuberayVersion)).toThrow(
      `--kuberay-version: KubeRay ${text} is not supported (supported: 1.3, 1.4, 1.5, 1.6, 1.7)`,
    );
  });
});

describe('parseChoice and lists', () => {
  const formats = ['json', 'markdown'] as const;
  it.each([
    ['markdown', 'markdown'],
    ['', 'json'],
    [undefined, 'json'],
  ])('%j → %j', (text, expected) => {
    expect(parseChoice('--format', text, formats, 'json')).toBe(expected);
  });

  it('refuses a value not allowed, listing the allowed ones', () => {
    expect(() => parseChoice('--format', 'xml', formats, 'json')).toThrow('--format must be json or markdown, not "xml"');
    expect(() => parseChoice('--gate', 'x', ['on', 'off', 'true'])).toThrow('--gate must be on, off or true, not "x"');
  });

  it('without a default, an empty value is refused', () => {
    expect(() => parseChoice('input mode', '', ['plan', 'apply'])).toThrow('input mode must be plan or apply, not ""');
  });

  it.each([
    ['a, b', ['a', 'b']],
    ['a\nb\n', ['a', 'b']],
    [' , ', ['x']],
    ['', ['x']],
  ])('list %j → %j', (text, expected) => {
    expect(parseList(text, ['x'])).toEqual(expected);
  });

  it('a choice list checks every item', () => {
    expect(parseChoiceList('input fail-on', 'ignored, capacity', ['ignored', 'capacity', 'cluster'])).toEqual(['ignored', 'capacity']);
    expect(parseChoiceList('input fail-on', '', ['ignored'])).toEqual([]);
    expect(() => parseChoiceList('input fail-on', 'ignored,clster', ['ignored', 'cluster'])).toThrow('input fail-on: "clster" is not one of ignored, cluster');
  });
});
