/**
 * The targets file (`.github/rayservice-rollout.yaml`, the CLI's `--targets`, the action's
 * `targets` input): YAML checked against a JSON Schema (src/targets/schema.ts, with ajv), then each
 * target resolved to its settings — the target's own, else the file's `defaults`, else the
 * command's flags or the action's inputs. Every refusal names the file, the line and what to do.
 * Pure: the callers read the file.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { InputError } from '../manifests/input-error.js';
import { FAIL_ON_VALUES, type FailOn } from '../planner/fail-on.js';
import type { OnFailure } from '../settings/defaults.js';
import { parseDuration, parseKubeRayVersion, SettingError } from '../settings/parse.js';
import { TARGETS_SCHEMA } from './schema.js';
import type { FleetTarget } from './types.js';

/** Where a target's settings come from when neither the target nor `defaults` sets them. */
export type FallbackSettings = Omit<FleetTarget, 'name' | 'wave' | 'manifests' | 'render'> & {
  readonly manifests: readonly string[];
};

/** The default name of the targets file, relative to the repository root. */
export const DEFAULT_TARGETS_FILE = '.github/rayservice-rollout.yaml';

/** A targets file is a handful of lines; anything larger is not one. */
const MAX_BYTES = 256 * 1024;

/** Compiled on first use: a command without `--targets` never pays for it. */
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(TARGETS_SCHEMA);
  return compiled;
};

type Raw = Record<string, unknown>;

export function parseTargetsConfig(text: string, file: string, fallback: FallbackSettings): FleetTarget[] {
  if (text.length > MAX_BYTES)
    throw new InputError(file, undefined, undefined, `is larger than ${MAX_BYTES / 1024} KiB`, 'a targets file lists targets, not manifests');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  const syntax = doc.errors[0];
  if (syntax) throw new InputError(file, lineOf(syntax.pos[0]), undefined, `invalid YAML: ${syntax.message.split('\n')[0]}`, 'fix the syntax');
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const validate = validator();
  if (!validate(value)) throw schemaError(validate.errors ?? [], doc, file, lineOf);
  const config = value as { defaults?: Raw; targets: Raw[] };
  const targets = config.targets.map((t, i) =>
    resolveTarget(t, config.defaults ?? {}, fallback, { file, line: lineOf(nodeAt(doc, ['targets', i])), at: `targets[${i}]` }),
  );
  const seen = new Set<string>();
  for (const [i, t] of targets.entries()) {
    if (seen.has(t.name))
      throw new InputError(
        file,
        lineOf(nodeAt(doc, ['targets', i, 'name'])),
        `targets[${i}].name`,
        `"${t.name}" names two targets`,
        'give each target its own name',
      );
    seen.add(t.name);
  }
  return targets;
}

interface Where {
  readonly file: string;
  readonly line: number | undefined;
  /** `targets[2]`: how the refusal names the target. */
  readonly at: string;
}

function resolveTarget(t: Raw, defaults: Raw, fallback: FallbackSettings, where: Where): FleetTarget {
  const pick = <T>(key: string, dflt: T): T => (t[key] ?? defaults[key] ?? dflt) as T;
  const name = t.name as string;
  const manifests = t.manifests === undefined ? [] : typeof t.manifests === 'string' ? [t.manifests] : (t.manifests as string[]);
  const render = t.render as string | undefined;
  if (manifests.length && render)
    throw refusal(where, 'manifests', 'sets both manifests and render', 'a target reads either files (manifests) or what a renderer prints (render)');
  if (!manifests.length && !render)
    throw refusal(where, 'manifests', 'sets neither manifests nor render', 'say where its RayServices are, e.g. manifests: clusters/staging/**/*.yaml');
  const gate = pick<boolean | string | undefined>('incremental-gate', fallback.incrementalGate);
  return {
    name,
    wave: (t.wave as number | undefined) ?? 0,
    manifests,
    render,
    kubeconfig: pick('kubeconfig', fallback.kubeconfig),
    context: pick('context', fallback.context),
    kuberayVersion: setting(where, () =>
      parseKubeRayVersion(`${where.at}.kuberay-version`, pick('kuberay-version', fallback.kuberayVersion), fallback.kuberayVersion),
    ),
    zeroDowntime: pick('zero-downtime', fallback.zeroDowntime),
    incrementalGate: gate === undefined ? undefined : gate === true || gate === 'on',
    namespace: pick('namespace', fallback.namespace),
    failOn: failOnOf(where, pick<readonly string[]>('fail-on', fallback.failOn)),
    live: pick('live', fallback.live),
    prune: pick('prune', fallback.prune),
    onFailure: pick<OnFailure>('on-failure', fallback.onFailure),
    timeoutMs: (t.timeout ?? defaults.timeout) ? setting(where, () => parseDuration(`${where.at}.timeout`, pick('timeout', ''), '30m')) : fallback.timeoutMs,
    fieldManager: pick('field-manager', fallback.fieldManager),
    forceConflicts: pick('force-conflicts', fallback.forceConflicts),
  };
}

function failOnOf(where: Where, values: readonly string[]): FailOn[] {
  const bad = values.find((v) => !(FAIL_ON_VALUES as readonly string[]).includes(v));
  if (bad !== undefined)
    throw refusal(where, 'fail-on', `"${bad}" is not one of ${FAIL_ON_VALUES.join(', ')}`, 'list changes (and capacity) that fail the status');
  return values as FailOn[];
}

/** A setting parser's refusal, placed at the target's line. */
function setting<T>(where: Where, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof SettingError) throw new InputError(where.file, where.line, undefined, e.message);
    throw e;
  }
}

function refusal(where: Where, key: string, problem: string, hint: string): InputError {
  return new InputError(where.file, where.line, `${where.at}.${key}`, problem, hint);
}

/** The YAML node at a path of keys and indexes: where an error points. */
function nodeAt(doc: Document, path: readonly (string | number)[]): number | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0];
}

/** The first schema error, as one refusal with the line of the offending node. */
function schemaError(errors: readonly ErrorObject[], doc: Document, file: string, lineOf: (o: number | undefined) => number | undefined): InputError {
  // The most specific error first: the deepest path (anyOf's branches say less than their parent).
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length).find((x) => x.keyword !== 'anyOf') ?? errors[0]!;
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  const field = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    // The key is named as a quoted word, not as `key: …`: output redaction would take what follows a `token:` for a secret.
    return new InputError(file, lineOf(keyOffset(doc, path, key)), field || undefined, `"${key}" is not a setting of the targets file`, HINTS.unknown);
  }
  const problem = `${e.message ?? 'is not valid'}${e.keyword === 'enum' ? ` (${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')})` : ''}`;
  return new InputError(file, lineOf(nodeAt(doc, path)), field || undefined, problem, HINTS[String(path.at(-1))] ?? HINTS.default);
}

function keyOffset(doc: Document, path: readonly (string | number)[], key: string): number | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
}

const HINTS: Record<string, string> = {
  unknown:
    'a target takes name, wave, manifests or render, kubeconfig, context and the settings kuberay-version, zero-downtime, incremental-gate, namespace, fail-on, live, prune, on-failure, timeout, field-manager, force-conflicts; credentials stay in the workflow (a kubeconfig path or a context name here)',
  'kuberay-version': 'quote it: "1.6" (unquoted, YAML reads 1.6 as a number)',
  name: 'lowercase letters, digits, ".", "_" and "-", up to 40 characters: it names the commit status',
  wave: 'a whole number; lower waves roll out first',
  targets: 'list the targets: targets: [{name: staging, manifests: clusters/staging/**/*.yaml}]',
  default: 'see the README (Fleets) for the file format',
};
