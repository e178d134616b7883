/**
 * Redaction: the text pass (util/redact) on every class of secret, the near misses it must leave
 * alone, and the structural pass (planner/redact) on manifest and Serve values. Plus a guard against
 * the quadratic time that made a long value a denial of service.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactAt } from '../../src/planner/redact.js';
import { isRegistryCredential, isSecretName, redactSecrets } from '../../src/util/redact.js';

const R = REDACTED;
const GHP = `ghp_${'A1b2C3d4E5'.repeat(3)}xyz123`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const DOCKER_CONFIG = JSON.stringify({ auths: { 'registry.example.com': { auth: b64('robot:s3cr3t-pw') } } });

describe('redactSecrets: what goes', () => {
  it.each([
    // more well-known token formats
    ['an npm token', 'NPM_TOKEN is npm_abcdefghijklmnopqrstuvwxyz0123456789 here', `NPM_TOKEN is ${R} here`],
    ['a Google OAuth access token', 'ya29.a0AfH6SMBx-abcdefghijklmnop', R],
    ['a PyPI upload token', `pypi-${'AgEIcHlwaS5vcmc'.repeat(4)}`, R],
    // credentials in URLs
    ['user and password', 'postgres://app:hunter2@db.example.com:5432/x', `postgres://${R}@db.example.com:5432/x`],
    ['a token as the user name alone', 'https://0123456789abcdef0123456789abcdef01234567@github.com/o/r.git', `https://${R}@github.com/o/r.git`],
    ['a password holding @ and :', 'https://bob:p@ss:w@rd@host.example/path', `https://${R}@host.example/path`],
    ['a password holding /', 'https://AKIAIOSFODNN7EXAMPLE:wJalr/K7MDENG/bPx@s3.example/b', `https://${R}@s3.example/b`],
    ['a password only (redis)', 'redis://:s3cret@cache:6379/0', `redis://${R}@cache:6379/0`],
    ['inside a sentence and JSON', '{"url":"https://u:pw@h/x"} and amqp://u:pw@mq', `{"url":"https://${R}@h/x"} and amqp://${R}@mq`],
    ['secret query parameters', 'https://h.example/cb?token=abc123&page=2&api_key=zzz', `https://h.example/cb?token=${R}&page=2&api_key=${R}`],
    // well-known token formats
    ['GitHub classic', `git push with ${GHP} now`, `git push with ${R} now`],
    ['GitHub fine-grained', `github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz`, R],
    ['GitHub app token', `ghs_${'x'.repeat(36)}`, R],
    ['GitLab', 'glpat-abcdefghij0123456789', R],
    ['Slack token', 'xoxb-1234567890-abcdefghij', R],
    ['Slack webhook', 'post to https://hooks.slack.com/services/T000/B000/XXXXyyyy', `post to https://hooks.slack.com/services/${R}`],
    ['AWS access key id', 'id AKIAIOSFODNN7EXAMPLE here', `id ${R} here`],
    ['Google API key', 'AIzaSyA-1234567890abcdefghijklmnopqrstu', R],
    ['Hugging Face', `hf_${'aBcD1234'.repeat(4)}`, R],
    ['OpenAI', 'sk-proj-abcdefghijklmnop0123456789', R],
    ['Stripe', 'sk_live_abcdefghij0123', R],
    ['JWT', `jwt ${JWT}.`, `jwt ${R}.`],
    ['docker config as base64', `x ${b64(DOCKER_CONFIG)} y`, `x ${R} y`],
    [
      'PEM private key',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabcd==\n-----END RSA PRIVATE KEY-----',
      `-----BEGIN RSA PRIVATE KEY-----\n${R}\n-----END RSA PRIVATE KEY-----`,
    ],
    ['PEM cut short', 'k: -----BEGIN PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabcd', `k: -----BEGIN PRIVATE KEY-----\n${R}`],
    [
      'PEM in a JSON string',
      '"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Bl\\n-----END OPENSSH PRIVATE KEY-----"',
      `"-----BEGIN OPENSSH PRIVATE KEY-----${R}-----END OPENSSH PRIVATE KEY-----"`,
    ],
    // values of secret-named keys
    ['YAML', 'password: hunter2 is here\nuser: bob', `password: ${R}\nuser: bob`],
    ['YAML, quoted', "api_key: 'abc def'", `api_key: '${R}'`],
    ['YAML block scalar', 'private_key: |\n  line1\n  line2\nnext: 1', `private_key: |\n  ${R}\nnext: 1`],
    ['JSON', '{"password":"x1","user":"bob","token":123,"auth":{"a":1}}', `{"password":"${R}","user":"bob","token":"${R}","auth":{"a":1}}`],
    ['JSON inside a JSON string', '{\\"client_secret\\":\\"x\\"}', `{\\"client_secret\\":\\"${R}\\"}`],
    ['YAML inside a JSON string', '"a:\\n  hf_token: abc\\n  max_tokens: 5\\n"', `"a:\\n  hf_token: ${R}\\n  max_tokens: 5\\n"`],
    ['dotenv', 'export GITHUB_TOKEN=abc PWD=/home', `export GITHUB_TOKEN=${R} PWD=/home`],
    ['ini', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', `aws_secret_access_key = ${R}`],
    ['camelCase and compounds', 'secretAccessKey=a dockerconfigjson=b clientSecret=c', `secretAccessKey=${R} dockerconfigjson=${R} clientSecret=${R}`],
    ['.dockerconfigjson', '.dockerconfigjson: eyJhdXRocyI6e319', `.dockerconfigjson: ${R}`],
    // Authorization
    ['Bearer', 'Authorization: Bearer abc.def.ghi', `Authorization: Bearer ${R}`],
    ['Basic in a curl line', 'curl -H "Authorization: Basic dXNlcjpwYXNz" x', `curl -H "Authorization: Basic ${R}" x`],
    ['a bare Bearer', 'sent bearer 0123456789abcdef', `sent bearer ${R}`],
    // flags
    ['--flag value', 'serve --api-key k1 --port 8000', `serve --api-key ${R} --port 8000`],
    ['--flag=value', 'serve --token=k1 --hf-token k2', `serve --token=${R} --hf-token ${R}`],
    ['-flag value', 'tool -password k1', `tool -password ${R}`],
    ['JSON array', '["--api-key", "k1", "--port", "8000"]', `["--api-key", "${R}", "--port", "8000"]`],
    ['YAML list', 'args:\n- --api-key\n- k1\n- --port\n- "8000"', `args:\n- --api-key\n- ${R}\n- --port\n- "8000"`],
  ])('%s', (_why, input, want) => {
    expect(redactSecrets(input)).toBe(want);
  });
});

describe('redactSecrets: near misses stay', () => {
  it.each([
    ['an image with a digest', 'image: repo/img:tag@sha256:0123456789abcdef0123456789abcdef'],
    ['an scp-style git remote', 'git@github.com:org/repo.git'],
    ['an ssh URL with the git user', 'ssh://git@github.com/org/repo'],
    ['a docker URL with a digest', 'docker://img@sha256:0123456789abcdef'],
    ['a plain URL', 'https://example.com/a/b?page=2&q=token#frag'],
    ['an @ in a URL path', 'https://medium.com/@user and https://registry.example:443/@scope/pkg'],
    ['model settings', 'max_tokens: 512\ntokenizer: gpt2\nnum_tokens=3'],
    ['names and switches of secrets', 'secretName: my-secret\nauth_enabled: true\ntoken_path: /var/run/t\nauth_type: oauth\nsecretKeyRef: x'],
    ['non-secret flags', 'serve --max-tokens 512 --tokenizer gpt2 -p 8000 --password-file /run/pw'],
    ['a secret flag followed by another flag', 'serve --auth --port 8000'],
    ['a markdown table', '| `--api-key` | `--apikey` |'],
    ['prose', 'Basic authentication is off; the tokens were rotated.'],
    ['a short ghp_ prefix', 'ghp_abc and hf_transfer and sk-learn'],
    ['a time and a ratio', '12:30:45 a=b 3:2'],
    ['PEM public key', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----'],
    ['already redacted', `token: ${R}\npassword=${R}`],
  ])('%s', (_why, input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  it('a redacted JSON document is still JSON', () => {
    const doc = {
      url: 'https://u:p@h/x',
      password: 'x',
      nested: { token: 5, api_key: null, list: ['--api-key', 'k', '--token=v'], yaml: 'a:\n  hf_token: abc\n  max_tokens: 5' },
      key: '-----BEGIN EC PRIVATE KEY-----\nabc\n-----END EC PRIVATE KEY-----',
    };
    const out = JSON.parse(redactSecrets(JSON.stringify(doc)));
    expect(out.nested.list).toEqual(['--api-key', R, `--token=${R}`]);
    expect(out.nested.yaml).toBe(`a:\n  hf_token: ${R}\n  max_tokens: 5`);
    expect(JSON.stringify(out)).not.toMatch(/"x"|\babc\b|"k"|u:p@/);
  });
});

describe('isSecretName: the key rule', () => {
  it.each([
    ['password', true],
    ['DB_PASSWORD', true],
    ['passwd', true],
    ['pass', true],
    ['HF_TOKEN', true],
    ['hfToken', true],
    ['OPENAI_API_KEY', true],
    ['api-key', true],
    ['apikey', true],
    ['private_key', true],
    ['aws_secret_access_key', true],
    ['secretAccessKey', true],
    ['client_secret', true],
    ['credentials', true],
    ['auth', true],
    ['Authorization', true],
    ['.dockerconfigjson', true],
    ['secret_id', true],
    ['max_tokens', false],
    ['tokenizer', false],
    ['tokens', false],
    ['secretName', false],
    ['secretKeyRef', false],
    ['token_path', false],
    ['auth_type', false],
    ['access_key_id', false],
    ['imagePullSecrets', false],
    ['author', false],
    ['key', false],
    ['bypass', false],
  ])('%s → %s', (name, want) => {
    expect(isSecretName(name)).toBe(want);
  });
});

describe('isRegistryCredential', () => {
  it.each([
    [DOCKER_CONFIG, true],
    [b64(DOCKER_CONFIG), true],
    [b64('robot:s3cr3t-pw'), true],
    ['{"app": "x"}', false],
    ['rayproject/ray:2.44.1', false],
    [b64('\u0001\u0002binary:\u0003'), false],
    ['true', false],
  ])('%s → %s', (value, want) => {
    expect(isRegistryCredential(value)).toBe(want);
  });
});

const container = ['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'spec', 'containers', 0];
const userConfig = ['serveConfigV2', 'applications', '0', 'deployments', '0', 'user_config'];

describe('redactAt: structural', () => {
  it.each([
    ['an env value', [...container, 'env', 0, 'value'], 's3cret', R],
    ['a whole env entry', [...container, 'env', 0], { name: 'A', value: 'x' }, { name: 'A', value: R }],
    ['valueFrom stays', [...container, 'env', 0], { name: 'A', valueFrom: { secretKeyRef: { name: 'db', key: 'url' } } }, null],
    ['a Serve env var', ['serveConfigV2', 'applications', '0', 'runtime_env', 'env_vars', 'X'], 'v', R],
    ['Serve env_vars whole', ['serveConfigV2', 'applications', '0', 'runtime_env', 'env_vars'], { A: 'x', B: 1 }, { A: R, B: R }],
    ['a secret key in user_config', [...userConfig, 'hf_token'], 'abc', R],
    ['a number under a secret key', [...userConfig, 'pin_password'], 1234, R],
    ['max_tokens is a model setting', [...userConfig, 'max_tokens'], 512, null],
    [
      'secret keys at any depth of user_config',
      userConfig,
      { model: 'm', max_tokens: 512, backends: [{ name: 'a', auth: { username: 'bob', password: 'pw', extra: 'x' } }], openai: { api_key: 'k', timeout: 3 } },
      { model: 'm', max_tokens: 512, backends: [{ name: 'a', auth: { username: 'bob', password: R, extra: R } }], openai: { api_key: R, timeout: 3 } },
    ],
    ['a path below a secret key', [...userConfig, 'credentials', 'value'], 'x', R],
    ['a naming key below a secret key', [...userConfig, 'credentials', 'username'], 'bob', null],
    ['a list under a secret key', [...userConfig, 'api_keys'], ['a', 'b'], [R, R]],
    ['booleans stay', [...userConfig, 'auth'], { enabled: true }, null],
    [
      'args: the value after a secret flag, and --flag=value',
      [...container, 'args'],
      ['--api-key', 'k1', '--port', '8000', '--token=k2', '--hf-token', 'k3', '--max-tokens', '512'],
      ['--api-key', R, '--port', '8000', `--token=${R}`, '--hf-token', R, '--max-tokens', '512'],
    ],
    ['command: a shell line', [...container, 'command'], ['sh', '-c', 'serve --token k1'], ['sh', '-c', `serve --token ${R}`]],
    ['a whole container', container, { name: 'c', args: ['--password', 'p'] }, { name: 'c', args: ['--password', R] }],
    ['a URL in a string leaf', [...container, 'args', 0], '--db=https://u:pw@h/x', `--db=https://${R}@h/x`],
    ['a registry credential annotation (base64 config)', ['metadata', 'annotations', 'x/pull'], b64(DOCKER_CONFIG), R],
    ['a registry credential annotation (base64 auth)', ['metadata', 'annotations', 'x/auth'], b64('robot:s3cr3t-pw'), R],
    ['a plain annotation', ['metadata', 'annotations', 'team'], 'ml-serving', null],
    ['last-applied-configuration', ['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration'], '{"a":1}', R],
    [
      'a Secret volume stays readable',
      ['spec', 'volumes', 0],
      { name: 'v', secret: { secretName: 's', items: [{ key: 'k', path: 'p' }], defaultMode: 420 } },
      { name: 'v', secret: { secretName: 's', items: [{ key: R, path: 'p' }], defaultMode: 420 } },
    ],
    [
      'a reference below a secret key stays',
      ['spec', 'rayClusterConfig', 'gcsFaultToleranceOptions', 'redisPassword'],
      { valueFrom: { secretKeyRef: { name: 'redis', key: 'password' } } },
      null,
    ],
    ['a value below a secret key goes', ['spec', 'rayClusterConfig', 'gcsFaultToleranceOptions', 'redisPassword'], { value: 'pw' }, { value: R }],
    [
      'ray start params',
      ['spec', 'rayClusterConfig', 'headGroupSpec', 'rayStartParams'],
      { 'redis-password': 'pw', 'num-cpus': '0' },
      { 'redis-password': R, 'num-cpus': '0' },
    ],
    ['KubeRay auth options stay readable', ['spec', 'rayClusterConfig', 'authOptions'], { mode: 'token' }, null],
    ['an image with a digest', [...container, 'image'], 'repo/img:tag@sha256:abc', null],
  ])('%s', (_why, path, value, want) => {
    expect(redactAt(path, value)).toEqual(want === null ? value : want);
  });

  it('a changed args element is judged by the flag before it (with the document)', () => {
    const doc = { spec: { containers: [{ args: ['--api-key', 'k1', '--port', '8000'] }] } };
    const at = (i: number) => ['spec', 'containers', 0, 'args', i];
    expect(redactAt(at(1), 'k1', doc)).toBe(R);
    expect(redactAt(at(3), '8000', doc)).toBe('8000');
    expect(redactAt(at(0), '--api-key', doc)).toBe('--api-key');
    expect(redactAt(at(1), 'k1')).toBe('k1'); // without the document: nothing to judge by
  });
});

describe('linear time', () => {
  const MB = 1 << 20;
  const hostile: [string, string][] = [
    ['@', '@'.repeat(MB)],
    [':', ':'.repeat(MB)],
    ['/', '/'.repeat(MB)],
    ['a', 'a'.repeat(MB)],
    ['=', 'a='.repeat(MB / 2)],
    ['://', 'a://'.repeat(MB / 4)],
    ['://@', 'x://a@'.repeat(MB / 6)],
    ['://a:b/', 'x://a:b/'.repeat(MB / 8)],
    ['ghp_', `ghp_${'x'.repeat(35)} `.repeat(MB / 40)],
    ['eyJ', 'eyJabcdefghij.'.repeat(MB / 14)],
    ['BEGIN', '-----BEGIN RSA PRIVATE KEY-----\nabc\n'.repeat(MB / 36)],
    ['--token', '--token '.repeat(MB / 8)],
    ['password:', 'password:'.repeat(MB / 9)],
    ['quotes', '"token":"'.repeat(MB / 9)],
    ['block', 'password: |\n'.repeat(MB / 12)],
  ];
  it.each(hostile)('1 MB of %s in well under a second (quadratic took ~40 minutes)', (_name, text) => {
    const t = performance.now();
    redactSecrets(text);
    redactAt(['spec', 'x', 'args'], [text]);
    // Generous for a loaded machine; quadratic behaviour would take minutes.
    expect(performance.now() - t).toBeLessThan(3_000);
  });
});
