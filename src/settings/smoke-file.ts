/**
 * The smoke file (`apply --smoke <file>`, the action's `smoke` input): per RayService, a few HTTP
 * requests sent after its rollout through the API server's service proxy, and what each must
 * answer. Parsed and checked here, before anything is applied; a mistake is refused with the file,
 * the line and what to write instead, as a manifest's is.
 *
 *   services:
 *     ml-serving/text-ml:          # namespace/name (or name: the default namespace)
 *       deadline: 60s              # how long the requests may keep failing after the rollout (default 30s)
 *       timeout: 5s                # how long one try may take (default 10s)
 *       requests:
 *         - route: /summarize      # starts with /
 *           method: POST           # default GET
 *           body: {text: hello}    # a string, or YAML sent as JSON
 *           headers: {X-Api-Key: "${SMOKE_TOKEN}"}   # values never logged; ${VAR} from the environment
 *           expect: {status: 200, contains: summary, json: {path: result.label, equals: positive}}
 *
 * Pure: text in, value out. Header values may name environment variables (`${NAME}`); the entry
 * point fills them in (`fillHeaders`), so a token stays in the CI's secrets, not in Git.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { InputError } from '../manifests/input-error.js';
import { parseDuration } from './parse.js';

export const SMOKE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type SmokeMethod = (typeof SMOKE_METHODS)[number];

export interface SmokeExpect {
  readonly status: number;
  /** A substring the answer's body must contain. */
  readonly contains?: string;
  /** A field of the JSON answer (`a.b[0].c`) that must equal a value (compared as JSON). */
  readonly json?: { readonly path: string; readonly equals: unknown };
}

export interface SmokeRequest {
  readonly method: SmokeMethod;
  /** Path and query, starting with `/`. */
  readonly route: string;
  readonly body?: string;
  /** Values are secrets: never logged, never rendered (only the names are). */
  readonly headers: Readonly<Record<string, string>>;
  readonly expect: SmokeExpect;
}

export interface ServiceSmoke {
  readonly namespace: string;
  readonly name: string;
  readonly deadlineMs: number;
  /** How long one try may take. */
  readonly timeoutMs: number;
  readonly requests: readonly SmokeRequest[];
  /** Where it was written, for messages. */
  readonly line: number | undefined;
}

/** `namespace/name` → its requests. */
export type SmokeSpec = ReadonlyMap<string, ServiceSmoke>;

export const DEFAULT_SMOKE_DEADLINE = '30s';
export const DEFAULT_SMOKE_TIMEOUT = '10s';
const MAX_REQUESTS = 20;
const MAX_BODY = 64 * 1024;

export function parseSmokeFile(text: string, file: string, defaultNamespace: string): SmokeSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (n: Node | null | undefined) => (n?.range ? lines.linePos(n.range[0]).line : undefined);
  const refuse = (n: Node | null | undefined, field: string | undefined, problem: string, hint?: string): never => {
    throw new InputError(file, lineOf(n), field, problem, hint);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new InputError(file, e.linePos?.[0]?.line, undefined, `not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) return refuse(root, undefined, 'expected a mapping with `services:`', 'see docs/smoke.md');
  const ctx: Ctx = { refuse, lineOf, defaultNamespace };
  checkKeys(ctx, root, '', ['services']);
  const services = root.get('services', true) as Node | undefined;
  if (!isMap(services) || services.items.length === 0)
    return refuse(services ?? root, 'services', 'expected a mapping of RayServices (namespace/name) to their requests');
  const out = new Map<string, ServiceSmoke>();
  for (const pair of services.items) {
    const s = parseService(ctx, pair.key as Node, pair.value as Node);
    const key = `${s.namespace}/${s.name}`;
    if (out.has(key)) refuse(pair.key as Node, `services.${key}`, 'named twice');
    out.set(key, s);
  }
  return out;
}

interface Ctx {
  refuse(n: Node | null | undefined, field: string | undefined, problem: string, hint?: string): never;
  lineOf(n: Node | null | undefined): number | undefined;
  readonly defaultNamespace: string;
}

function checkKeys(ctx: Ctx, map: YAMLMap, at: string, allowed: readonly string[]): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.includes(key)) ctx.refuse(pair.key as Node, `${at}${key}`, 'unknown field', `expected one of: ${allowed.join(', ')}`);
  }
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function parseService(ctx: Ctx, keyNode: Node, value: Node): ServiceSmoke {
  const id = isScalar(keyNode) ? String(keyNode.value) : '';
  const [namespace, name] = id.includes('/') ? id.split('/', 2) : [ctx.defaultNamespace, id];
  if (!namespace || !name || !NAME.test(namespace) || !NAME.test(name)) ctx.refuse(keyNode, 'services', `"${id}" is not a RayService (namespace/name or name)`);
  const at = `services.${id}.`;
  if (!isMap(value)) return ctx.refuse(value ?? keyNode, `services.${id}`, 'expected a mapping with `requests:`');
  checkKeys(ctx, value, at, ['requests', 'deadline', 'timeout']);
  const duration = (key: string, fallback: string) => {
    const node = value.get(key, true) as Node | undefined;
    try {
      return parseDuration(`${at}${key}`, scalarText(ctx, node, `${at}${key}`), fallback);
    } catch (e) {
      return ctx.refuse(node, `${at}${key}`, `${(e as Error).message.replace(/^.*?: /, '')}`);
    }
  };
  const deadlineMs = duration('deadline', DEFAULT_SMOKE_DEADLINE);
  const timeoutMs = duration('timeout', DEFAULT_SMOKE_TIMEOUT);
  const requests = value.get('requests', true) as Node | undefined;
  if (!isSeq(requests) || requests.items.length === 0) return ctx.refuse(requests ?? value, `${at}requests`, 'expected a list of requests');
  if (requests.items.length > MAX_REQUESTS) ctx.refuse(requests, `${at}requests`, `at most ${MAX_REQUESTS} requests`);
  return {
    namespace: namespace!,
    name: name!,
    deadlineMs,
    timeoutMs,
    requests: requests.items.map((r, i) => parseRequest(ctx, r as Node, `${at}requests[${i}].`)),
    line: ctx.lineOf(keyNode),
  };
}

function scalarText(ctx: Ctx, n: Node | undefined, field: string): string | undefined {
  if (n === undefined) return undefined;
  if (!isScalar(n) || n.value === null || typeof n.value === 'object') return ctx.refuse(n, field, 'expected a value');
  return String(n.value);
}

function parseRequest(ctx: Ctx, n: Node, at: string): SmokeRequest {
  if (!isMap(n)) return ctx.refuse(n, at.slice(0, -1), 'expected a mapping with `route:`');
  checkKeys(ctx, n, at, ['route', 'method', 'body', 'headers', 'expect']);
  const routeNode = n.get('route', true) as Node | undefined;
  const route = scalarText(ctx, routeNode, `${at}route`);
  if (!route?.startsWith('/') || /\s/.test(route)) ctx.refuse(routeNode ?? n, `${at}route`, 'expected a path starting with / (e.g. /fruit)');
  const methodNode = n.get('method', true) as Node | undefined;
  const method = (scalarText(ctx, methodNode, `${at}method`) ?? 'GET').toUpperCase();
  if (!(SMOKE_METHODS as readonly string[]).includes(method)) ctx.refuse(methodNode, `${at}method`, `expected one of ${SMOKE_METHODS.join(', ')}`);
  const body = bodyOf(ctx, n.get('body', true) as Node | undefined, `${at}body`);
  return {
    method: method as SmokeMethod,
    route: route!,
    ...(body !== undefined ? { body } : {}),
    headers: headersOf(ctx, n.get('headers', true) as Node | undefined, `${at}headers`),
    expect: expectOf(ctx, n.get('expect', true) as Node | undefined, `${at}expect`),
  };
}

/** A string is sent as written; anything else as its JSON. */
function bodyOf(ctx: Ctx, n: Node | undefined, field: string): string | undefined {
  if (n === undefined) return undefined;
  const value: unknown = n.toJSON();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length > MAX_BODY) ctx.refuse(n, field, `longer than ${MAX_BODY / 1024} KiB`);
  return text;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headersOf(ctx: Ctx, n: Node | undefined, field: string): Record<string, string> {
  if (n === undefined) return {};
  if (!isMap(n)) return ctx.refuse(n, field, 'expected a mapping of header names to values');
  const out: Record<string, string> = {};
  for (const pair of n.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    // The value is never echoed: it may be a token.
    if (!HEADER_NAME.test(name)) ctx.refuse(pair.key as Node, field, `"${name.slice(0, 40)}" is not a header name`);
    if (name.toLowerCase() === 'authorization')
      ctx.refuse(
        pair.key as Node,
        field,
        'an Authorization header cannot be sent: the API server takes it for itself and removes it before proxying',
        'send the token in another header',
      );
    const v = pair.value as Node | undefined;
    if (!isScalar(v) || v.value === null || typeof v.value === 'object' || /[\r\n]/.test(String(v.value)))
      ctx.refuse(v ?? (pair.key as Node), `${field}.${name}`, 'expected a one-line value');
    out[name] = String((v as { value: unknown }).value);
  }
  return out;
}

function expectOf(ctx: Ctx, n: Node | undefined, field: string): SmokeExpect {
  if (n === undefined) return { status: 200 };
  if (!isMap(n)) return ctx.refuse(n, field, 'expected a mapping (status, contains, json)');
  checkKeys(ctx, n, `${field}.`, ['status', 'contains', 'json']);
  const statusNode = n.get('status', true) as Node | undefined;
  const status = Number(scalarText(ctx, statusNode, `${field}.status`) ?? 200);
  if (!Number.isInteger(status) || status < 100 || status > 599) ctx.refuse(statusNode, `${field}.status`, 'expected an HTTP status (100-599)');
  const contains = scalarText(ctx, n.get('contains', true) as Node | undefined, `${field}.contains`);
  const jsonNode = n.get('json', true) as Node | undefined;
  let json: SmokeExpect['json'];
  if (jsonNode !== undefined) {
    if (!isMap(jsonNode)) return ctx.refuse(jsonNode, `${field}.json`, 'expected {path, equals}');
    checkKeys(ctx, jsonNode, `${field}.json.`, ['path', 'equals']);
    const pathNode = jsonNode.get('path', true) as Node | undefined;
    const path = scalarText(ctx, pathNode, `${field}.json.path`);
    if (!path || parseJsonPath(path) === undefined) ctx.refuse(pathNode ?? jsonNode, `${field}.json.path`, 'expected a path such as result.labels[0].name');
    if (!jsonNode.has('equals')) ctx.refuse(jsonNode, `${field}.json.equals`, 'missing: the value the field must have');
    json = { path: path!, equals: (jsonNode.get('equals', true) as Node).toJSON() };
  }
  return { status, ...(contains !== undefined ? { contains } : {}), ...(json ? { json } : {}) };
}

/** `a.b[0].c` (an optional leading `$.`) → ['a', 'b', 0, 'c']; undefined when malformed. */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  const rest = path.replace(/^\$\.?/, '');
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\.(?=[^.])/gy;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    consumed = re.lastIndex;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
  }
  return consumed === rest.length && out.length > 0 ? out : undefined;
}

/**
 * Header values with `${NAME}` filled in from `env` (the CI's secrets). An unset variable is
 * refused, naming the variable, never the value.
 */
export function fillHeaders(spec: SmokeSpec, env: Readonly<Record<string, string | undefined>>, file: string): SmokeSpec {
  const out = new Map<string, ServiceSmoke>();
  for (const [key, s] of spec) {
    const requests = s.requests.map((r, i) => {
      const headers: Record<string, string> = {};
      for (const [h, v] of Object.entries(r.headers)) {
        headers[h] = v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
          const value = env[name];
          if (value === undefined)
            throw new InputError(file, s.line, `services.${key}.requests[${i}].headers.${h}`, `the environment variable ${name} is not set`);
          return value;
        });
      }
      return { ...r, headers };
    });
    out.set(key, { ...s, requests });
  }
  return out;
}
