/**
 * serveConfigV2, read and compared the way Ray Serve reads it: as parsed YAML, applications
 * matched by name and deployments by name within them, so that reformatting, key order and
 * comments are no change at all. Each difference says what Ray Serve does with it.
 */
import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../manifests/input-error.js';
import { parseYamlDocuments, type PathSegment, type SourceDocument } from '../manifests/yaml-documents.js';
import { diffValues, formatPath } from '../util/structural-diff.js';
import { isPlainObject } from '../util/objects.js';

export interface ServeConfig {
  readonly value: Record<string, unknown>;
  /** Manifest line of a path inside the Serve config (index-based path). */
  lineOf(path: readonly PathSegment[]): number;
}

/** How Ray Serve applies a difference (see Ray's "in-place updates" docs). */
export type ServeEffect =
  | 'app-added'
  | 'app-removed'
  | 'app-redeployed' // import_path, runtime_env, args…: the application's replicas restart
  | 'app-route' // route_prefix: routing only
  | 'deployment-added'
  | 'deployment-removed'
  | 'deployment-reconfigured' // user_config and other lightweight options: no restart
  | 'deployment-scaled' // num_replicas / autoscaling_config
  | 'deployment-restarted' // ray_actor_options, placement groups…: replicas replaced
  | 'serve-fixed-at-start' // http_options / grpc_options: Serve keeps what it started with
  | 'serve-options'; // other top-level options (logging_config, proxy_location, …)

export interface ServeChange {
  /** Readable path: `applications[text_ml].deployments[Summarizer].num_replicas`. */
  readonly display: string;
  /** The same path as segments, applications and deployments by name (`['applications', 'text_ml', 'deployments', 'Summarizer', 'num_replicas']`). */
  readonly path: readonly PathSegment[];
  readonly from: unknown;
  readonly to: unknown;
  readonly effect: ServeEffect;
  readonly line: number;
}

const LIGHTWEIGHT_DEPLOYMENT_OPTIONS = new Set([
  'user_config',
  'max_ongoing_requests',
  'max_concurrent_queries',
  'max_queued_requests',
  'graceful_shutdown_timeout_s',
  'graceful_shutdown_wait_loop_s',
  'health_check_period_s',
  'health_check_timeout_s',
  'request_router_config',
  'logging_config',
]);
const SCALING_OPTIONS = new Set(['num_replicas', 'autoscaling_config']);
const FIXED_AT_START = new Set(['http_options', 'grpc_options']);

/**
 * Parses `spec.serveConfigV2` of a manifest. Throws InputError naming the manifest line for YAML
 * that Ray Serve could not read, or a config without a list of named applications.
 */
export function parseServeConfig(doc: SourceDocument, path: readonly PathSegment[], text: unknown): ServeConfig | undefined {
  if (text === undefined || text === null) return undefined;
  const fieldLine = doc.lineOf(path);
  const field = formatPath(path);
  if (typeof text !== 'string') {
    throw new InputError(
      doc.file,
      fieldLine,
      field,
      'must be a string holding the Serve config YAML',
      'write it as a block scalar: `serveConfigV2: |` followed by the indented config',
    );
  }
  const blockStart = doc.blockScalarStart(path);
  const toManifestLine = (inner: number) => (blockStart !== undefined ? blockStart + inner - 1 : fieldLine);
  let inner: SourceDocument[];
  try {
    inner = parseYamlDocuments(doc.file, text);
  } catch (e) {
    if (e instanceof InputError) {
      throw new InputError(doc.file, e.line ? toManifestLine(e.line) : fieldLine, field, `not valid Serve config YAML: ${e.problem}`, e.hint);
    }
    throw e;
  }
  if (inner.length === 0) return undefined;
  if (inner.length > 1)
    throw new InputError(doc.file, toManifestLine(inner[1]!.line), field, 'holds more than one YAML document', 'keep one Serve config per RayService');
  const serveDoc = inner[0]!;
  const value = serveDoc.value;
  const lineOf = (p: readonly PathSegment[]) => toManifestLine(serveDoc.lineOf(p));
  if (!isPlainObject(value)) {
    throw new InputError(doc.file, fieldLine, field, 'must be a mapping with an `applications:` list', 'see the Ray Serve config file format');
  }
  const apps = value.applications;
  if (apps !== undefined && !Array.isArray(apps)) {
    throw new InputError(doc.file, lineOf(['applications']), `${field}.applications`, 'must be a list of applications');
  }
  const seen = new Map<string, number>();
  (apps ?? []).forEach((app: unknown, i: number) => {
    const where = lineOf(['applications', i]);
    if (!isPlainObject(app)) throw new InputError(doc.file, where, `${field}.applications[${i}]`, 'must be a mapping (name, import_path, …)');
    const name = appName(app, (apps as unknown[]).length);
    if (seen.has(name)) {
      throw new InputError(
        doc.file,
        where,
        `${field}.applications[${i}].name`,
        `application name "${name}" is used twice (also line ${seen.get(name)})`,
        'Ray Serve needs unique application names',
      );
    }
    seen.set(name, where);
    if (app.deployments !== undefined && !Array.isArray(app.deployments)) {
      throw new InputError(doc.file, lineOf(['applications', i, 'deployments']), `${field}.applications[${i}].deployments`, 'must be a list of deployments');
    }
  });
  return { value, lineOf };
}

/** Differences that Ray Serve acts on. Formatting, key order and comments give none. */
export function diffServeConfigs(base: ServeConfig | undefined, head: ServeConfig | undefined, fallbackLine: number): ServeChange[] {
  const a = base?.value ?? {};
  const b = head?.value ?? {};
  if (isDeepStrictEqual(a, b)) return [];
  const sides: Sides = { base, head, lineIn: (cfg, p) => cfg?.lineOf(p) ?? fallbackLine };
  const out: ServeChange[] = [];
  diffTopLevelOptions(a, b, sides, out);
  const appsA = indexByName(a.applications, appName);
  const appsB = indexByName(b.applications, appName);
  for (const name of unionKeys(Object.fromEntries(appsA), Object.fromEntries(appsB))) diffApplication(name, appsA.get(name), appsB.get(name), sides, out);
  return out;
}

/** Both configs and where their lines are: what every level of the comparison needs. */
interface Sides {
  readonly base: ServeConfig | undefined;
  readonly head: ServeConfig | undefined;
  readonly lineIn: (cfg: ServeConfig | undefined, path: PathSegment[]) => number;
}

type Indexed = { readonly value: unknown; readonly index: number };

/** Options outside `applications` (http_options, proxy_location, …): some only take effect at start. */
function diffTopLevelOptions(a: Record<string, unknown>, b: Record<string, unknown>, sides: Sides, out: ServeChange[]): void {
  for (const key of unionKeys(a, b)) {
    if (key === 'applications') continue;
    for (const c of diffValues(a[key], b[key], [key])) {
      out.push({
        display: formatPath(c.path),
        path: c.path,
        from: c.from,
        to: c.to,
        effect: FIXED_AT_START.has(key) ? 'serve-fixed-at-start' : 'serve-options',
        line: b[key] !== undefined ? sides.lineIn(sides.head, c.path as PathSegment[]) : sides.lineIn(sides.base, c.path as PathSegment[]),
      });
    }
  }
}

/** One application, matched by name: added, removed, or its own options and deployments compared. */
function diffApplication(name: string, ea: Indexed | undefined, eb: Indexed | undefined, sides: Sides, out: ServeChange[]): void {
  const label = `applications[${name}]`;
  const path = ['applications', name];
  if (!ea && eb) {
    out.push({ display: label, path, from: undefined, to: eb.value, effect: 'app-added', line: sides.lineIn(sides.head, ['applications', eb.index]) });
    return;
  }
  if (ea && !eb) {
    out.push({ display: label, path, from: ea.value, to: undefined, effect: 'app-removed', line: sides.lineIn(sides.base, ['applications', ea.index]) });
    return;
  }
  if (!ea || !eb || isDeepStrictEqual(ea.value, eb.value)) return;
  const appA = ea.value as Record<string, unknown>;
  const appB = eb.value as Record<string, unknown>;
  for (const key of unionKeys(appA, appB)) {
    if (key === 'deployments' || key === 'name') continue;
    for (const c of diffValues(appA[key], appB[key], [key])) {
      out.push({
        display: `${label}.${formatPath(c.path)}`,
        path: [...path, ...c.path],
        from: c.from,
        to: c.to,
        effect: key === 'route_prefix' ? 'app-route' : 'app-redeployed',
        line: sides.lineIn(sides.head, ['applications', eb.index, ...c.path]),
      });
    }
  }
  const deploymentName = (d: unknown) => String((d as Record<string, unknown>).name ?? '');
  const depsA = indexByName(appA.deployments, deploymentName);
  const depsB = indexByName(appB.deployments, deploymentName);
  for (const dname of unionKeys(Object.fromEntries(depsA), Object.fromEntries(depsB))) {
    const at = { label: `${label}.deployments[${dname}]`, path: [...path, 'deployments', dname] };
    diffDeployment(at, { a: ea.index, b: eb.index }, depsA.get(dname), depsB.get(dname), sides, out);
  }
}

/** One deployment of an application, matched by name: what Ray Serve does with each option. */
function diffDeployment(
  { label, path }: { readonly label: string; readonly path: readonly PathSegment[] },
  app: { readonly a: number; readonly b: number },
  da: Indexed | undefined,
  db: Indexed | undefined,
  sides: Sides,
  out: ServeChange[],
): void {
  if (!da && db) {
    out.push({
      display: label,
      path,
      from: undefined,
      to: db.value,
      effect: 'deployment-added',
      line: sides.lineIn(sides.head, ['applications', app.b, 'deployments', db.index]),
    });
    return;
  }
  if (da && !db) {
    out.push({
      display: label,
      path,
      from: da.value,
      to: undefined,
      effect: 'deployment-removed',
      line: sides.lineIn(sides.base, ['applications', app.a, 'deployments', da.index]),
    });
    return;
  }
  if (!da || !db) return;
  for (const c of diffValues(da.value, db.value)) {
    out.push({
      display: `${label}.${formatPath(c.path)}`,
      path: [...path, ...c.path],
      from: c.from,
      to: c.to,
      effect: deploymentOptionEffect(String(c.path[0])),
      line: sides.lineIn(sides.head, ['applications', app.b, 'deployments', db.index, ...c.path]),
    });
  }
}

/** Scaling options are applied live, lightweight ones reconfigure in place, the rest restart replicas. */
function deploymentOptionEffect(option: string): ServeEffect {
  if (SCALING_OPTIONS.has(option)) return 'deployment-scaled';
  if (LIGHTWEIGHT_DEPLOYMENT_OPTIONS.has(option)) return 'deployment-reconfigured';
  return 'deployment-restarted';
}

/** Ray Serve names an unnamed application "default" when it is the only one. */
function appName(app: unknown, count: number): string {
  const name = isPlainObject(app) ? app.name : undefined;
  if (typeof name === 'string' && name) return name;
  return count <= 1 ? 'default' : '';
}

function indexByName(list: unknown, nameOf: (v: unknown, count: number) => string): Map<string, { index: number; value: unknown }> {
  const m = new Map<string, { index: number; value: unknown }>();
  if (!Array.isArray(list)) return m;
  list.forEach((v, index) => {
    const name = nameOf(v, list.length) || `#${index}`;
    if (!m.has(name)) m.set(name, { index, value: v });
  });
  return m;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
