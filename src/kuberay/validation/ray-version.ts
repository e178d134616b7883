/**
 * `rayVersion` against a minimum, as the operator checks it with apimachinery's
 * `version.ParseGeneric` (at least two numeric components; anything after them is ignored).
 */
export interface VersionWords {
  readonly missing: string;
  readonly invalid: (parseError: string) => string;
  readonly old: string;
}

/** The operator's error for this rayVersion, or undefined when it is at least `min`. */
export function rayVersionError(rayVersion: string, min: string, words: VersionWords): string | undefined {
  if (rayVersion === '') return words.missing;
  const parsed = parseGeneric(rayVersion);
  if (typeof parsed === 'string') return words.invalid(parsed);
  const want = min.split('.').map(Number);
  for (let i = 0; i < Math.max(parsed.length, want.length); i++) {
    const a = parsed[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a < b ? words.old : undefined;
  }
  return undefined;
}

/** The components, or the parser's error text. */
function parseGeneric(s: string): number[] | string {
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(s);
  if (!m) return `could not parse ${JSON.stringify(s)} as version`;
  const comps = m[1]!.split('.');
  if (comps.length < 2) return `illegal version string ${JSON.stringify(s)}`;
  if (comps[0]!.startsWith('0') && comps[0] !== '0') return `illegal zero-prefixed version component ${JSON.stringify(comps[0])} in ${JSON.stringify(s)}`;
  return comps.map(Number);
}
