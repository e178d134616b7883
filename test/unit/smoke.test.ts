/** Smoke requests: the file, the judging of answers, retries, the verdict; links; log excerpts. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/manifests/input-error.js';
import { excerpt, operatorLines, serveLines, withLogs, HINT_LOGS_FORBIDDEN } from '../../src/rollout/logs.js';
import { renderVerdict } from '../../src/rollout/render.js';
import { judgeAnswer, nextTry, withSmoke, type SmokeAnswer } from '../../src/rollout/smoke.js';
import type { Verdict } from '../../src/rollout/types.js';
import { fillUrlTemplate, parseUrlTemplate, serviceLinks } from '../../src/settings/links.js';
import { fillHeaders, parseJsonPath, parseSmokeFile, type SmokeRequest } from '../../src/settings/smoke-file.js';
import { serviceProxyPath } from '../../src/kube/service-proxy.js';

const FILE = 'smoke.yaml';
const parse = (text: string) => parseSmokeFile(text, FILE, 'default');

describe('the smoke file', () => {
  it('reads services, requests and their defaults', () => {
    const spec = parse(`services:
  ml/text:
    deadline: 1m
    requests:
      - route: /summarize
        method: post
        body: {text: hi}
        headers: {X-Api-Key: "\${KEY}"}
        expect: {status: 201, contains: summary, json: {path: "result.labels[0]", equals: positive}}
  fruit:
    requests:
      - route: /fruit
`);
    expect([...spec.keys()]).toEqual(['ml/text', 'default/fruit']);
    const text = spec.get('ml/text')!;
    expect(text.deadlineMs).toBe(60_000);
    expect(text.timeoutMs).toBe(10_000);
    expect(text.requests[0]).toEqual({
      method: 'POST',
      route: '/summarize',
      body: '{"text":"hi"}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the smoke file names an environment variable
      headers: { 'X-Api-Key': '${KEY}' },
      expect: { status: 201, contains: 'summary', json: { path: 'result.labels[0]', equals: 'positive' } },
    });
    expect(spec.get('default/fruit')!.requests[0]).toEqual({ method: 'GET', route: '/fruit', headers: {}, expect: { status: 200 } });
    expect(spec.get('default/fruit')!.deadlineMs).toBe(30_000);
  });

  it.each([
    ['not YAML', 'services: [', /smoke\.yaml:1: not valid YAML/],
    ['no services', 'requests: []', /smoke\.yaml:1: requests: unknown field \(expected one of: services\)/],
    ['a bad name', 'services:\n  Bad_Name:\n    requests: [{route: /x}]', /smoke\.yaml:2: services: "Bad_Name" is not a RayService/],
    ['no requests', 'services:\n  a:\n    deadline: 5s', /smoke\.yaml:3: services\.a\.requests: expected a list of requests/],
    [
      'a relative route',
      'services:\n  a:\n    requests:\n      - route: fruit',
      /smoke\.yaml:4: services\.a\.requests\[0\]\.route: expected a path starting with \//,
    ],
    [
      'an unknown method',
      'services:\n  a:\n    requests:\n      - {route: /x, method: FETCH}',
      /smoke\.yaml:4: services\.a\.requests\[0\]\.method: expected one of GET/,
    ],
    ['an unknown field', 'services:\n  a:\n    requests:\n      - {route: /x, expects: {status: 200}}', /requests\[0\]\.expects: unknown field/],
    ['a bad status', 'services:\n  a:\n    requests:\n      - {route: /x, expect: {status: 42}}', /expect\.status: expected an HTTP status/],
    [
      'a bad JSON path',
      'services:\n  a:\n    requests:\n      - {route: /x, expect: {json: {path: "a..b", equals: 1}}}',
      /expect\.json\.path: expected a path/,
    ],
    ['no equals', 'services:\n  a:\n    requests:\n      - {route: /x, expect: {json: {path: a}}}', /expect\.json\.equals: missing/],
    ['a bad deadline', 'services:\n  a:\n    deadline: soon\n    requests: [{route: /x}]', /smoke\.yaml:3: services\.a\.deadline: "soon" is not a duration/],
    [
      'an Authorization header',
      'services:\n  a:\n    requests:\n      - {route: /x, headers: {Authorization: secret-value}}',
      /requests\[0\]\.headers: an Authorization header cannot be sent: the API server takes it for itself/,
    ],
    ['a two-line header', 'services:\n  a:\n    requests:\n      - {route: /x, headers: {X-A: "a\\nb"}}', /headers\.X-A: expected a one-line value/],
    ['twice the same', 'services:\n  a:\n    requests: [{route: /x}]\n  default/a:\n    requests: [{route: /x}]', /services\.default\/a: named twice/],
  ])('refuses %s with the file, the line and what to do', (_, text, message) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    // A header value is never echoed.
    expect((error as Error).message).not.toContain('secret-value');
  });

  it('fills header values from the environment, and names a variable that is not set (never a value)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the smoke file names an environment variable
    const spec = parse('services:\n  a:\n    requests:\n      - {route: /x, headers: {X-Key: "k=${KEY}"}}');
    expect(fillHeaders(spec, { KEY: 's3cr3t' }, FILE).get('default/a')!.requests[0]!.headers).toEqual({ 'X-Key': 'k=s3cr3t' });
    expect(() => fillHeaders(spec, {}, FILE)).toThrow(/the environment variable KEY is not set/);
  });

  it.each([
    ['a', ['a']],
    ['$.a.b', ['a', 'b']],
    ['a[0].b', ['a', 0, 'b']],
    ['a..b', undefined],
    ['a[x]', undefined],
    ['', undefined],
  ])('reads the JSON path %s', (path, steps) => {
    expect(parseJsonPath(path)).toEqual(steps);
  });
});

const REQUEST: SmokeRequest = { method: 'GET', route: '/fruit', headers: { 'X-Key': 'secret-value' }, expect: { status: 200 } };
const answer = (status: number, body: string, truncated = false): SmokeAnswer => ({ status, body, truncated, ms: 5 });

describe('judging an answer', () => {
  it.each([
    ['the status', REQUEST, answer(200, 'ok'), { ok: true }],
    ['another status', REQUEST, answer(503, 'Service Unavailable'), { ok: false, why: 'answered 503, expected 200' }],
    ['no answer', REQUEST, { error: 'socket hang up', ms: 3 }, { ok: false, why: 'no answer: socket hang up' }],
    ['a substring', { ...REQUEST, expect: { status: 200, contains: 'hello' } }, answer(200, 'say hello'), { ok: true }],
    [
      'a missing substring',
      { ...REQUEST, expect: { status: 200, contains: 'hello' } },
      answer(200, 'bonjour'),
      { ok: false, why: 'the answer does not contain "hello"' },
    ],
    [
      'a missing substring in a cut answer',
      { ...REQUEST, expect: { status: 200, contains: 'hello' } },
      answer(200, 'bonjour', true),
      { ok: false, why: 'the answer does not contain "hello" (in its first bytes read)' },
    ],
    ['a JSON field', { ...REQUEST, expect: { status: 200, json: { path: 'a.b[1]', equals: 2 } } }, answer(200, '{"a":{"b":[1,2]}}'), { ok: true }],
    [
      'another JSON value',
      { ...REQUEST, expect: { status: 200, json: { path: 'greeting', equals: 'hello' } } },
      answer(200, '{"greeting":"bonjour"}'),
      { ok: false, why: 'greeting is "bonjour", expected "hello"' },
    ],
    [
      'a JSON field that is absent',
      { ...REQUEST, expect: { status: 200, json: { path: 'x', equals: 1 } } },
      answer(200, '{}'),
      { ok: false, why: 'the answer has no JSON field x' },
    ],
    [
      'an answer that is not JSON',
      { ...REQUEST, expect: { status: 200, json: { path: 'x', equals: 1 } } },
      answer(200, '<html>'),
      { ok: false, why: 'the answer has no JSON field x (the answer is not JSON)' },
    ],
  ])('%s', (_, request, a, check) => {
    expect(judgeAnswer(request, a)).toEqual(check);
  });

  it.each([
    [1, 0, 10_000, 250],
    [2, 0, 10_000, 500],
    [3, 0, 10_000, 1000],
    [9, 0, 10_000, 2000],
    [9, 9_000, 10_000, undefined],
  ])('after try %i at %i ms (deadline %i) tries again at %s', (attempt, now, deadline, at) => {
    expect(nextTry(attempt, now, deadline)).toBe(at);
  });
});

const SUCCEEDED: Verdict = {
  result: 'succeeded',
  summary: 'ml/text: rolled out',
  at: 10_000,
  durationMs: 10_000,
  activeCluster: 'text-abcde',
  timeline: [{ at: 10_000, elapsedMs: 10_000, text: 'Serve applications running' }],
};
const SMOKE = parse('services:\n  ml/text:\n    requests:\n      - {route: /fruit, headers: {X-Key: v}}').get('ml/text')!;

describe('the verdict after the smoke requests', () => {
  it('a request answered right adds a line', () => {
    const v = withSmoke(SUCCEEDED, SMOKE, [{ request: REQUEST, answer: answer(200, 'ok'), check: { ok: true }, tries: 2 }], 12_000, 0);
    expect(v.result).toBe('succeeded');
    expect(v.timeline.at(-1)!.text).toBe('smoke requests: 1 answered as expected');
  });

  it('a wrong answer fails the rollout, with the answer in the diagnosis and never a header value', () => {
    const body = '{"greeting":"bonjour"}\n\u001b[31mred\nline';
    const v = withSmoke(
      SUCCEEDED,
      SMOKE,
      [{ request: REQUEST, answer: answer(500, body), check: { ok: false, why: 'answered 500, expected 200' }, tries: 7 }],
      12_000,
      0,
    );
    expect(v.result).toBe('failed');
    expect(v.summary).toBe('ml/text: rolled out, but GET /fruit (headers: X-Key) answered 500, expected 200');
    expect(v.diagnosis!.smoke).toEqual([
      'GET /fruit (headers: X-Key): answered 500, expected 200 (7 tries)',
      '  answer: {"greeting":"bonjour"}',
      '  answer: \u001b[31mred',
      '  answer: line',
    ]);
    expect(v.diagnosis!.hints.map((h) => h.id)).toEqual(['smoke-request-failed']);
    const text = renderVerdict(v).join('\n');
    expect(text).toContain('Smoke requests:');
    expect(text).not.toContain('secret-value');
  });
});

describe('log lines for the diagnosis', () => {
  const head = [
    'Usage stats collection is disabled.',
    'Ray runtime started.',
    "INFO 2026-01-01 10:00:00,000 controller 41 -- Deploying new version of Deployment(name='Fruit', app='fruit').",
    '(ServeController pid=41) ERROR 2026-01-01 10:00:01,000 controller 41 -- token=abcdefghijklmnop failed',
    'INFO 2026-01-01 10:00:02,000 proxy 10.0.0.1 -- GET /fruit 500 3.1ms',
    'some worker line',
  ].join('\n');

  it('keeps the Serve lines of a head pod, redacted', () => {
    const lines = serveLines(head);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("Deploying new version of Deployment(name='Fruit'");
    expect(lines[1]).not.toContain('abcdefghijklmnop');
    expect(serveLines(head, 1)).toEqual([lines[2]]);
  });

  it.each([
    ['console encoder', '2026-01-01T10:00:00Z\tINFO\tcontrollers.RayService\tReconciling\t{"RayService": {"name":"text","namespace":"ml"}}', true],
    ['JSON encoder', '{"level":"info","msg":"Reconciling","RayService":{"name":"text","namespace":"ml"}}', true],
    ['its RayCluster', '2026-01-01T10:00:00Z\tINFO\tcontrollers.RayCluster\tReconciling\t{"RayCluster": {"name":"text-abcde","namespace":"ml"}}', true],
    ['another RayService', '2026-01-01T10:00:00Z\tINFO\tcontrollers.RayService\tReconciling\t{"RayService": {"name":"text2","namespace":"ml"}}', false],
    ['another namespace', '2026-01-01T10:00:00Z\tINFO\tcontrollers.RayService\tReconciling\t{"RayService": {"name":"text","namespace":"dev"}}', false],
    ['a line about nothing', '2026-01-01T10:00:00Z\tINFO\tsetup\tstarting manager', false],
  ])('keeps the operator line of the %s: %s', (_, line, kept) => {
    expect(operatorLines(line, 'ml', 'text')).toHaveLength(kept ? 1 : 0);
  });

  it('neutralizes and bounds every line', () => {
    const [line] = serveLines(`controller 41 -- \u001b]8;;evil\u0007${'x'.repeat(1000)}`);
    expect([...line!].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(line!.length).toBeLessThanOrEqual(401);
  });

  const FAILED: Verdict = { ...SUCCEEDED, result: 'failed', diagnosis: { missing: [], conditions: [], apps: [], pendingPods: [], warnings: [], hints: [] } };

  it.each([
    ['logs', [excerpt('head pod ml/p', ['a'], 'none')], false, 1, []],
    ['no logs, refused', [], true, 0, [HINT_LOGS_FORBIDDEN.id]],
    ['no logs, nothing refused', [], false, 0, []],
  ])('adds %s to a failure', (_, logs, forbidden, count, hints) => {
    const v = withLogs(FAILED, logs, forbidden);
    expect(v.diagnosis!.logs?.length ?? 0).toBe(count);
    expect(v.diagnosis!.hints.map((h) => h.id)).toEqual(hints);
  });

  it('leaves a success alone', () => {
    expect(withLogs(SUCCEEDED, [excerpt('x', ['a'], 'none')], true)).toBe(SUCCEEDED);
  });
});

describe('links', () => {
  it.each([
    [
      'https://ray.example.com/#/serve?ns={namespace}&c={cluster}',
      { namespace: 'ml', name: 'text', cluster: 'text-ab' },
      'https://ray.example.com/#/serve?ns=ml&c=text-ab',
    ],
    ['https://g.example.com/d/x?var-name={name}', { namespace: 'ml', name: 'a b&c', cluster: 'x' }, 'https://g.example.com/d/x?var-name=a%20b%26c'],
    ['https://g.example.com/d/x?c={cluster}', { namespace: 'ml', name: 'text' }, undefined],
  ])('fills %s', (template, values, url) => {
    expect(fillUrlTemplate(parseUrlTemplate('--grafana-url', template)!, values)).toBe(url);
  });

  it.each([
    ['javascript:alert(1)', /only http and https URLs/],
    ['file:///etc/passwd', /only http and https URLs/],
    ['not a url', /is not a URL/],
    ['https://x.example.com/{namespace}/{pod}', /unknown placeholder \{pod\}/],
  ])('refuses %s', (template, message) => {
    expect(() => parseUrlTemplate('--dashboard-url', template)).toThrow(message);
  });

  it('names each configured link', () => {
    expect(serviceLinks({ dashboard: 'https://ray/{namespace}' }, { namespace: 'ml', name: 'text' })).toEqual([
      { label: 'Ray dashboard', url: 'https://ray/ml' },
    ]);
    expect(parseUrlTemplate('x', '  ')).toBeUndefined();
  });
});

describe('the service proxy path', () => {
  it.each([
    [{ namespace: 'ml', service: 'text-serve-svc', port: 'serve', route: '/fruit?x=1' }, '/api/v1/namespaces/ml/services/text-serve-svc:serve/proxy/fruit?x=1'],
    [{ namespace: 'ml', service: 'a', port: '8000', route: '/' }, '/api/v1/namespaces/ml/services/a:8000/proxy/'],
  ])('%o', (r, path) => {
    expect(serviceProxyPath(r)).toBe(path);
  });
});

describe('repeated log lines', () => {
  it('are kept once, where last said, with how often', () => {
    const text = [
      '2026-01-01T10:00:00.100Z\tinfo\tcontrollers.RayService\tReconciling\t{"RayService": {"name":"text","namespace":"ml"}, "reconcileID": "65f020dc-c01a-4867-b63a-64d19b611ced"}',
      '2026-01-01T10:00:01.100Z\terror\tcontrollers.RayService\tFailed to update\t{"RayService": {"name":"text","namespace":"ml"}}',
      '2026-01-01T10:00:02.100Z\tinfo\tcontrollers.RayService\tReconciling\t{"RayService": {"name":"text","namespace":"ml"}, "reconcileID": "c13c886a-60c2-4661-b65b-afabf0380b4c"}',
    ].join('\n');
    const lines = operatorLines(text, 'ml', 'text');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Failed to update');
    expect(lines[1]).toMatch(/^2026-01-01T10:00:02\.100Z.*Reconciling.*\(×2\)$/);
  });
});

describe('links in the summary and the outcome comment', () => {
  it('each RayService gets its configured links, filled in', async () => {
    const { renderOutcomes } = await import('../../src/render/rollout-markdown.js');
    const md = renderOutcomes([{ service: { namespace: 'ml', name: 'text', change: 'app' }, verdict: SUCCEEDED }], {
      links: { dashboard: 'https://ray.example.com/{namespace}/{cluster}', grafana: 'https://g.example.com/d/x?var-name={name}' },
    });
    expect(md).toContain('[Ray dashboard](https://ray.example.com/ml/text-abcde) · [Grafana](https://g.example.com/d/x?var-name=text)');
    expect(renderOutcomes([{ service: { namespace: 'ml', name: 'text', change: 'app' }, verdict: SUCCEEDED }])).not.toContain('Ray dashboard');
  });
});
