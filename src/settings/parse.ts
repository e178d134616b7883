/**
 * One parser per kind of setting, shared by the command line and the action: a flag and the input
 * of the same name accept the same values and refuse the same typos. Each parser takes the name the
 * user wrote (`--timeout`, `input timeout`) so a refusal says what to fix; an absent or empty value
 * means the default.
 */
import { resolveRelease, supportedVersionsText } from '../kuberay/releases.js';
import { UserError } from '../util/user-error.js';

/** A setting given a value it does not take: one line naming the flag or input and what it accepts. */
export class SettingError extends UserError {}

const isUnset = (text: string | undefined): text is undefined | '' => text === undefined || text.trim() === '';

/** "a or b", "a, b or c". */
function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** Exactly true or false (any case): a typo is refused rather than read as either. */
export function parseBool(setting: string, text: string | undefined, fallback: boolean): boolean {
  if (isUnset(text)) return fallback;
  const v = text.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new SettingError(`${setting} must be true or false, not "${text.trim()}"`);
}

/** One of `allowed`; without a fallback the setting must be given. */
export function parseChoice<T extends string>(setting: string, text: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (isUnset(text) && fallback !== undefined) return fallback;
  const v = (text ?? '').trim();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new SettingError(`${setting} must be ${orList(allowed)}, not "${v}"`);
}

/** A list separated by commas or newlines (how the action's multi-value inputs are written). */
export function parseList(text: string | undefined, fallback: readonly string[]): string[] {
  const items = (text ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : [...fallback];
}

/** A list whose every item is one of `allowed`; empty means none. */
export function parseChoiceList<T extends string>(setting: string, text: string | undefined, allowed: readonly T[]): T[] {
  const items = parseList(text, []);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw new SettingError(`${setting}: "${item}" is not one of ${allowed.join(', ')}`);
  }
  return items as T[];
}

const MS_PER_UNIT = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** "90s", "30m", "1.5h", "500ms"; a bare number is seconds. → milliseconds. */
export function parseDuration(setting: string, text: string | undefined, fallback: string): number {
  const v = isUnset(text) ? fallback : text.trim();
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v);
  if (!m) throw new SettingError(`${setting}: "${v}" is not a duration (e.g. 90s, 30m, 1h)`);
  return Math.round(Number(m[1]) * MS_PER_UNIT[(m[2] ?? 's') as keyof typeof MS_PER_UNIT]);
}

/**
 * A KubeRay release the planner knows ("1.7", "1.5.1", "v1.6.2"), returned as written so the plan
 * shows it as the user named it; refused here, before any manifest is read.
 */
export function parseKubeRayVersion(setting: string, text: string | undefined, fallback: string): string {
  const v = isUnset(text) ? fallback : text.trim();
  if (!resolveRelease(v)) throw new SettingError(`${setting}: KubeRay ${v} is not supported (supported: ${supportedVersionsText()})`);
  return v;
}
