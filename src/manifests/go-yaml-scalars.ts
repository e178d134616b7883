/**
 * Plain scalars resolved as kubectl and the KubeRay operator resolve them. Both read YAML through
 * sigs.k8s.io/yaml, which decodes with go-yaml v2 (go.yaml.in/yaml/v2, `resolve` in resolve.go):
 * YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `y`, `n` in their cases) and nulls, which the `yaml`
 * package's 1.1 schema reads alike, but numbers differ:
 * - an integer is what Go's strconv.ParseInt(s, 0, 64) accepts after removing every `_`
 *   (`0x1F`, `0o17`, `017` octal, `0b101`), else ParseUint, else a float;
 * - a float must match go-yaml's yamlStyleFloat and be finite: `1e400` stays the string "1e400";
 * - base-60 (`1:20`) and timestamps (`2001-12-14`) stay strings (go-yaml keeps a timestamp a
 *   string when decoding into interface{}, as kubectl does).
 * `.inf` and `.nan` are floats that JSON cannot carry: yaml-documents.ts refuses them.
 */
import type { ScalarTag, Tags } from 'yaml';

const GO_INT = /^[-+]?(?:0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** A plain scalar that starts like a number, resolved as go-yaml v2 does (a number or the string itself). */
export function goYamlNumber(source: string): number | string {
  if (source.startsWith('.')) {
    const f = Number(source);
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(source) && Number.isFinite(f) ? f : source;
  }
  const plain = source.replaceAll('_', '');
  const int = goParseInt(plain);
  if (int !== undefined) return int;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return f;
  }
  return source;
}

function goParseInt(plain: string): number | undefined {
  if (!GO_INT.test(plain)) return undefined;
  const negative = plain.startsWith('-');
  const digits = plain.replace(/^[-+]/, '');
  const prefixed = /^0[bBoOxX]/.test(digits)
    ? `0${digits[1]!.toLowerCase()}${digits.slice(2)}`
    : digits.length > 1 && digits.startsWith('0')
      ? `0o${digits.slice(1)}`
      : digits;
  const magnitude = BigInt(prefixed === '' ? '0' : prefixed);
  const value = negative ? -magnitude : magnitude;
  return value < INT64_MIN || value > UINT64_MAX ? undefined : Number(value);
}

const goNumberTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^[-+.0-9][-+_.0-9a-zA-Z:]*$/,
  resolve: goYamlNumber,
};

/** The `yaml` package's YAML 1.1 tags with its number and timestamp rules replaced by go-yaml's. */
export function goYamlTags(tags: Tags): Tags {
  const replaced = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:timestamp']);
  const kept = tags.filter((t) => typeof t === 'string' || !replaced.has(t.tag) || String(t.test) === String(NON_FINITE));
  return [...kept, goNumberTag];
}

/** `.inf`, `-.Inf`, `.nan`: kept as floats, so that they can be refused by name. */
const NON_FINITE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
