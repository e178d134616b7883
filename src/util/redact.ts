/**
 * Secrets out of free text: the one redaction pass that every string leaving the process goes
 * through (comment, summary, outputs, annotations, logs, JSON). Names stay visible; values go.
 *
 * The text comes from pull requests of strangers, so the pass must be LINEAR in its length: a
 * handful of forward scans, each reading every character a bounded number of times. Regular
 * expressions are used only where they start at a fixed prefix at the beginning of a run (a
 * lookbehind refuses every start inside a run), so no run is ever scanned from two starts;
 * everything else is a hand-written scanner. bench/redact.ts feeds it adversarial inputs.
 *
 * What counts as a secret:
 * - credentials in URLs: the whole userinfo, i.e. everything of the authority up to its LAST `@`
 *   (`https://user:p@ss@host`, `https://<token>@host`), except the conventional `git@` user;
 * - well-known token formats wherever they appear (GitHub, GitLab, Slack, AWS key ids, Google,
 *   Hugging Face, OpenAI, Stripe, JWTs, PEM private key blocks, base64 docker registry configs);
 * - the value after a secret-named key (`key=value`, `key: value`, `"key": "value"`, query
 *   parameters, `--flag=value`, `--flag value`) and after `Authorization: <scheme>` / `Bearer`.
 *
 * The key rule (isSecretName): a name is secret when one of its words is a secret word (password,
 * token, secret, credential(s), auth, authorization, bearer, passphrase, …), or a word ends in one
 * (`hftoken`, `dbpassword`), or the words join into a compound one (api key, private key, access
 * key, client secret, docker config json, …) — UNLESS its last word says the value only names or
 * sizes something (`secretName`, `token_path`, `auth_type`, `access_key_id`, `secretKeyRef`) or
 * its first word counts (`max_tokens`, `num_…`). Plurals such as `tokens` are not secret words, and
 * neither is `tokenizer`: `max_tokens: 512` in a Serve user_config is a model setting.
 */
export const REDACTED = '[redacted]';

/** `text` with every secret-looking value replaced by REDACTED. */
export function redactSecrets(text: string): string {
  if (text.length < 6) return text; // shorter than any key=value or token worth hiding
  let out = redactPrivateKeys(text);
  out = redactUrlCredentials(out);
  out = redactKnownTokens(out);
  out = redactNamedValues(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Secret names

/** Words that make a name secret on their own. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'credential',
  'credentials',
  'creds',
  'auth',
  'authorization',
  'bearer',
  'apikey',
  'privatekey',
  'dockerconfigjson',
  'dockercfg',
]);
/** A word ending in one of these is secret too (`hftoken`, `dbpassword`, `clientsecret`). */
const SECRET_SUFFIXES = ['token', 'password', 'passwd', 'secret', 'apikey', 'privatekey', 'accesskey', 'secretkey'];
/** Secret when the words, joined, contain one of these (`api_key`, `secretAccessKey`, `ssh-key`). */
const SECRET_COMPOUNDS = [
  'apikey',
  'privatekey',
  'accesskey',
  'secretkey',
  'clientsecret',
  'dockerconfig',
  'sshkey',
  'signingkey',
  'encryptionkey',
  'masterkey',
  'accountkey',
  'sessionkey',
  'sharedkey',
];
/** A last word that says the value names, locates, sizes or configures a secret, not is one. */
const NAMING_LAST_WORDS = new Set([
  'name',
  'names',
  'file',
  'files',
  'path',
  'dir',
  'ref',
  'id',
  'ids',
  'type',
  'kind',
  'mode',
  'method',
  'url',
  'uri',
  'endpoint',
  'host',
  'hostname',
  'port',
  'enabled',
  'enable',
  'disabled',
  'required',
  'limit',
  'length',
  'len',
  'size',
  'count',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'timeout',
  'seconds',
  'duration',
  'retries',
  'version',
  'policy',
  'provider',
  'scope',
  'scopes',
  'field',
  'env',
  'prefix',
  'suffix',
  'format',
  'algorithm',
  'source',
  'mount',
  'namespace',
  'selector',
  'location',
  'user',
  'username',
  'email',
  'audience',
  'issuer',
  'realm',
  'strategy',
]);
/** A first word that counts or bounds (`max_tokens`). */
const COUNTING_FIRST_WORDS = new Set(['max', 'min', 'num', 'total', 'n']);
/** Names are short; a longer "name" is judged by its end (bounds the work per key). */
const MAX_NAME = 128;

/** Every secret name holds one of these: most names are rejected by this one cheap test. */
const SECRET_STEMS = /pass|secret|token|cred|auth|bearer|key|docker/i;
/** Names repeat (the same keys in every document): remember the verdicts, within a bound. */
const verdicts = new Map<string, boolean>();

/** Whether a key, flag or variable name names a secret (see the rule at the top of this file). */
export function isSecretName(name: string): boolean {
  if (!SECRET_STEMS.test(name)) return false;
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeName(name);
    if (verdicts.size >= 4096) verdicts.clear();
    verdicts.set(name, verdict);
  }
  return verdict;
}

function judgeName(name: string): boolean {
  const words = wordsOf(name.length > MAX_NAME ? name.slice(-MAX_NAME) : name);
  if (words.length === 0) return false;
  if (words.length === 1 && words[0] === 'pass') return true;
  if (words.length === 2 && words[0] === 'secret' && words[1] === 'id') return true; // Vault's AppRole secret_id
  if (NAMING_LAST_WORDS.has(words[words.length - 1]!) || COUNTING_FIRST_WORDS.has(words[0]!)) return false;
  for (const w of words) {
    if (SECRET_WORDS.has(w)) return true;
    for (const s of SECRET_SUFFIXES) if (w.endsWith(s)) return true;
  }
  const joined = words.join('');
  return SECRET_COMPOUNDS.some((c) => joined.includes(c));
}

/**
 * Whether a key under a secret-named key still only names, locates or sizes something (`secret:
 * {secretName, items: [{path}], defaultMode}` of a Pod volume; `credentials: {username, password}`):
 * these stay visible, every other value under a secret-named key goes.
 */
export function isNamingName(name: string): boolean {
  const words = wordsOf(name.length > MAX_NAME ? name.slice(-MAX_NAME) : name);
  const last = words[words.length - 1];
  return last !== undefined && NAMING_LAST_WORDS.has(last) && !isSecretName(name);
}

/** `OPENAI_API_KEY` → openai, api, key; `secretAccessKey` → secret, access, key; `HFToken` → hf, token. */
function wordsOf(name: string): string[] {
  // Each alternative consumes at least one character and never re-reads: linear in the name.
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []).map((w) => w.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Registry credentials

const BASE64_BLOB = /^[A-Za-z0-9+/]{8,}={0,2}$/;

/**
 * A docker registry credential: a `.dockerconfigjson` (as JSON or base64 of it), or the base64
 * `user:password` of its `auth` field. For values that are entirely one blob (an annotation).
 */
export function isRegistryCredential(value: string): boolean {
  const v = value.trim();
  if (v.startsWith('{')) return v.includes('"auths"') || v.includes('"auth"');
  if (!BASE64_BLOB.test(v)) return false;
  const decoded = decodeBase64(v);
  if (decoded === undefined) return false;
  if (decoded.includes('"auths"') || decoded.includes('"auth"')) return true;
  // The `auth` field: printable `user:password`.
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 && /^[\x21-\x7e]+$/.test(decoded);
}

function decodeBase64(blob: string): string | undefined {
  try {
    return atob(blob.length % 4 ? blob.padEnd(blob.length + 4 - (blob.length % 4), '=') : blob);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Building the output

/** Copies `text` with spans replaced, in increasing order (appending: V8 joins the pieces once, at the end). */
class Splicer {
  private out = '';
  private copied = 0;
  private replaced = false;
  constructor(private readonly text: string) {}
  replace(start: number, end: number, by: string): void {
    this.out += this.text.slice(this.copied, start) + by;
    this.copied = end;
    this.replaced = true;
  }
  result(): string {
    return this.replaced ? this.out + this.text.slice(this.copied) : this.text;
  }
}

const isSpace = (c: number) => c === 32 || c === 9;
const isWhite = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const isQuote = (c: number) => c === 34 || c === 39 || c === 96; // " ' `
/** Characters of a key or flag name: letters, digits, `_`, `.`, `-`. */
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;

// ---------------------------------------------------------------------------------------------
// PEM private keys

const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';

/** `-----BEGIN … PRIVATE KEY-----` body `-----END …`: the body goes, both armour lines stay. */
function redactPrivateKeys(text: string): string {
  let begin = text.indexOf(PEM_BEGIN);
  if (begin < 0) return text;
  const out = new Splicer(text);
  // The next END at or after a position; searched again only when a body starts past it, and never
  // again once there is none: every BEGIN without END costs only its own body.
  let end = -2;
  while (begin >= 0) {
    const labelStart = begin + PEM_BEGIN.length;
    let labelEnd = labelStart;
    while (labelEnd < text.length && labelEnd - labelStart < 64 && text.charCodeAt(labelEnd) !== 45) labelEnd++;
    const label = text.slice(labelStart, labelEnd);
    if (!text.startsWith('-----', labelEnd) || !label.includes('PRIVATE KEY')) {
      begin = text.indexOf(PEM_BEGIN, labelEnd);
      continue;
    }
    const bodyStart = labelEnd + 5;
    if (end !== -1 && end < bodyStart) end = text.indexOf(PEM_END, bodyStart);
    let bodyEnd: number;
    if (end >= 0) bodyEnd = end;
    else {
      // A key cut short (no END line): its base64 body, up to the first character that is not.
      bodyEnd = bodyStart;
      while (bodyEnd < text.length && isBase64OrWhite(text.charCodeAt(bodyEnd))) bodyEnd++;
    }
    // The body without its surrounding blanks, so that an indented block keeps its shape.
    let from = bodyStart;
    let to = bodyEnd;
    while (from < to && isWhite(text.charCodeAt(from))) from++;
    while (to > from && isWhite(text.charCodeAt(to - 1))) to--;
    if (to > from) out.replace(from, to, REDACTED);
    begin = text.indexOf(PEM_BEGIN, bodyEnd);
  }
  return out.result();
}

function isBase64OrWhite(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 58 || c === 44 || c === 92 || isWhite(c)
  );
}

// ---------------------------------------------------------------------------------------------
// URLs

/** User names that are a convention, not a credential (`ssh://git@github.com/org/repo`). */
const CONVENTIONAL_USERS = new Set(['git', 'hg', 'ssh', 'anonymous']);

/**
 * `scheme://userinfo@host…`: the authority runs from `://` to the first `/ ? #`, whitespace or
 * quote; its userinfo is everything up to its LAST `@`, so a password holding `@` or `:` goes whole.
 */
function redactUrlCredentials(text: string): string {
  let sep = text.indexOf('://');
  if (sep < 0) return text;
  const out = new Splicer(text);
  while (sep >= 0) {
    const start = sep + 3;
    let end = start;
    let lastAt = -1;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (isAuthorityEnd(c)) break;
      if (c === 64) lastAt = end;
    }
    if (lastAt < 0 && text.charCodeAt(end) === 47) lastAt = atAfterSlashedPassword(text, start, end);
    if (lastAt > start && !isConventionalUser(text.slice(start, lastAt)) && !isDigest(text, lastAt + 1)) out.replace(start, lastAt, REDACTED);
    // The authority holds no `//`, so the next `://` starts at its last character at the earliest.
    sep = text.indexOf('://', Math.max(end - 1, lastAt, sep + 1));
  }
  return out.result();
}

/**
 * `https://user:pa/ss@host`: a `/` in a password is not allowed unencoded, yet secret keys hold them
 * (AWS's do). When the authority ends at a `/` and has a colon that is not a port, the `@` after
 * the `/` (before any blank, quote, `?`, `#` or another `://`) ends the userinfo. Returns its index
 * or -1. The look-ahead stops at the next `://`, so look-aheads never overlap.
 */
function atAfterSlashedPassword(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) === 91) return -1; // [IPv6]
  let colon = start;
  while (colon < end && text.charCodeAt(colon) !== 58) colon++;
  if (colon === end) return -1; // no password
  let port = colon + 1;
  while (port < end && text.charCodeAt(port) >= 48 && text.charCodeAt(port) <= 57) port++;
  if (port === end) return -1; // host:8080
  for (let e = end; e < text.length; e++) {
    const c = text.charCodeAt(e);
    if (c === 64) return e;
    if (isAuthorityEnd(c) && c !== 47) return -1;
    if (c === 58 && text.startsWith('//', e + 1)) return -1;
  }
  return -1;
}

function isAuthorityEnd(c: number): boolean {
  // whitespace / ? # " ' ` < > \
  return isWhite(c) || c === 47 || c === 63 || c === 35 || isQuote(c) || c === 60 || c === 62 || c === 92;
}

function isConventionalUser(userinfo: string): boolean {
  return CONVENTIONAL_USERS.has(userinfo);
}

/** `docker://img@sha256:…`: an image digest, not a host after credentials. */
function isDigest(text: string, at: number): boolean {
  return text.startsWith('sha256:', at) || text.startsWith('sha512:', at);
}

// ---------------------------------------------------------------------------------------------
// Well-known token formats

/** Not inside a longer word: every regex below starts only at the beginning of a run. */
const START = '(?<![A-Za-z0-9_\\-])';
const KNOWN_TOKEN = new RegExp(
  `${START}(?:${[
    'gh[pousr]_[A-Za-z0-9]{30,}', // GitHub classic / OAuth / user / server / refresh
    'github_pat_[A-Za-z0-9_]{30,}', // GitHub fine-grained
    'gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_\\-]{20,}', // GitLab
    'xox[abprs]-[A-Za-z0-9\\-]{10,}', // Slack
    '(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])', // AWS access key id
    'AIza[A-Za-z0-9_\\-]{35}', // Google API key
    'hf_[A-Za-z0-9]{30,}', // Hugging Face
    'sk-[A-Za-z0-9_\\-]{20,}', // OpenAI (sk-…, sk-proj-…)
    '[sr]k_(?:live|test)_[A-Za-z0-9]{10,}', // Stripe secret / restricted
    'eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]*', // JWT: header.payload.signature
    'npm_[A-Za-z0-9]{36}', // npm
    'pypi-[A-Za-z0-9_\\-]{50,}', // PyPI upload token
    'ya29\\.[A-Za-z0-9_\\-]{20,}', // Google OAuth access token
    'dop_v1_[a-f0-9]{64}', // DigitalOcean
    'SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}', // SendGrid
  ].join('|')})`,
  'g',
);
/** Slack incoming webhooks: the path is the secret. */
const SLACK_HOOK = /hooks\.slack\.com\/(services|workflows|triggers)\/[A-Za-z0-9_/-]+/g;
/** `Bearer <token>` anywhere (the `Authorization:` header is handled with the named values). */
const BEARER = new RegExp(`${START}([Bb]earer +)[A-Za-z0-9._~+/=\\-]{8,}`, 'g');
/** Base64 of a JSON object (`{"…` → `eyJ`, `{\n` → `ewo`): a docker config when it holds "auth". */
const BASE64_JSON = /(?<![A-Za-z0-9+/=_-])e[wy][A-Za-z0-9+/]{14,}={0,2}/g;

function redactKnownTokens(text: string): string {
  let out = text.replace(KNOWN_TOKEN, REDACTED);
  if (out.includes('hooks.slack.com/')) out = out.replace(SLACK_HOOK, `hooks.slack.com/$1/${REDACTED}`);
  if (out.includes('earer ')) out = out.replace(BEARER, `$1${REDACTED}`);
  out = out.replace(BASE64_JSON, (blob) => {
    const decoded = decodeBase64(blob.length > 1 << 20 ? blob.slice(0, 1 << 20) : blob.replace(/=+$/, ''));
    return decoded?.includes('"auth') ? REDACTED : blob;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Named values: key=value, key: value, "key": "value", --flag value

/** `Authorization: Bearer x`: the scheme stays visible, the credential after it goes. */
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token', 'digest', 'negotiate', 'bot', 'ntlm']);
/** Values that are never secrets, so `auth_enabled: true` keeps its value. */
const PLAIN_VALUES = new Set(['true', 'false', 'yes', 'no', 'null', 'none', '~']);

/**
 * How far an unquoted value runs. `yaml` (after `key:`): to the end of the line, but not past a
 * `\` (an escaped newline: YAML inside a JSON string), a `"`, a backtick, `<` or ` |` (markdown), so
 * that redacting a JSON or markdown document leaves it well formed. `json` (after `"key":`): to
 * `, } ]` or a blank. `bare` (after `=` or a flag): to a blank, a quote, `\`, `&` (query), `< > } ]`.
 */
type ValueStyle = 'yaml' | 'json' | 'bare';

/**
 * One forward scan. At each `=` or `:` the key before it is read backwards (it stops at the
 * previous separator, so all the backward reads together cover the text once); at each `-` that
 * starts a word, the flag name forwards. A secret name's value is replaced and the scan resumes
 * after it.
 */
function redactNamedValues(text: string): string {
  const out = new Splicer(text);
  const n = text.length;
  let lineStart = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let next = i + 1;
    if (c === 10) lineStart = i + 1;
    else if (c === 61 || c === 58) next = afterKeyValue(text, i, lineStart, out);
    else if (c === 45 && (i === 0 || startsFlag(text.charCodeAt(i - 1)))) next = afterFlag(text, i, out);
    // A value may span lines (block scalar, flag then value): keep the line start right.
    for (let j = next - 1; j > i; j--) {
      if (text.charCodeAt(j) === 10) {
        lineStart = j + 1;
        break;
      }
    }
    i = next;
  }
  return out.result();
}

/** Before a flag: start of a word in a command line, a YAML list, a JSON array. */
function startsFlag(prev: number): boolean {
  return isWhite(prev) || isQuote(prev) || prev === 91 || prev === 44 || prev === 40; // [ , (
}

/** Where the scan resumes after the separator at `sep`, having redacted the value if the key is secret. */
function afterKeyValue(text: string, sep: number, lineStart: number, out: Splicer): number {
  let k = sep - 1;
  while (k >= lineStart && isSpace(text.charCodeAt(k))) k--;
  const quoted = k >= lineStart && isQuote(text.charCodeAt(k));
  if (quoted) k--;
  if (quoted && k >= lineStart && text.charCodeAt(k) === 92) k--; // \"key\": JSON inside a JSON string
  const keyEnd = k + 1;
  while (k >= lineStart && keyEnd - k <= MAX_NAME && isNameChar(text.charCodeAt(k))) k--;
  const keyStart = k + 1;
  if (keyStart === keyEnd || !isSecretName(text.slice(keyStart, keyEnd))) return sep + 1;
  if (text.charCodeAt(sep) === 61) return redactValue(text, sep + 1, 'bare', 0, out);
  return redactValue(text, sep + 1, quoted ? 'json' : 'yaml', keyStart - (quoted ? 1 : 0) - lineStart, out);
}

/** Redacts the value starting at `at` (after optional blanks) and returns where the scan resumes. */
function redactValue(text: string, at: number, style: ValueStyle, keyColumn: number, out: Splicer): number {
  const n = text.length;
  let v = at;
  while (v < n && isSpace(text.charCodeAt(v))) v++;
  if (v >= n) return v;
  const c = text.charCodeAt(v);
  if (c === 10 || c === 13) return v;
  if (text.startsWith(REDACTED, v)) return v + REDACTED.length;
  if (style !== 'bare' && (c === 123 || c === 91)) return v; // { or [: a structure, whose keys are scanned one by one
  if (style === 'yaml' && (c === 124 || c === 62)) {
    const block = blockScalar(text, v, keyColumn);
    if (block) {
      out.replace(block.start, block.end, REDACTED);
      return block.end;
    }
  }
  // "value", 'value', `value`, or \"value\" (JSON inside a JSON string)
  const escaped = c === 92 && text.charCodeAt(v + 1) === 34;
  if (isQuote(c) || escaped) {
    const open = escaped ? v + 2 : v + 1;
    const close = closingQuote(text, open, escaped ? 34 : c, escaped);
    const end = close >= 0 ? close : bareEnd(text, open, 'bare');
    if (end > open && !PLAIN_VALUES.has(text.slice(open, end).toLowerCase())) out.replace(open, end, REDACTED);
    return close >= 0 ? close + 1 : Math.max(end, v + 1);
  }
  // Authorization: Bearer <credential>
  let valueStart = v;
  let w = v;
  while (w < n && w - v < 16 && isNameChar(text.charCodeAt(w))) w++;
  if (w < n && isSpace(text.charCodeAt(w)) && AUTH_SCHEMES.has(text.slice(v, w).toLowerCase())) {
    while (w < n && isSpace(text.charCodeAt(w))) w++;
    valueStart = w;
  }
  const end = bareEnd(text, valueStart, style);
  const value = text.slice(valueStart, end);
  if (value === '' || value.startsWith(REDACTED) || PLAIN_VALUES.has(value.toLowerCase())) return Math.max(end, v + 1);
  // A JSON number stays valid JSON as a string.
  out.replace(valueStart, end, style === 'json' ? `"${REDACTED}"` : REDACTED);
  return end;
}

/** The end of an unquoted value in `style` (see ValueStyle). */
function bareEnd(text: string, from: number, style: ValueStyle): number {
  const n = text.length;
  let e = from;
  if (style === 'yaml') {
    for (; e < n; e++) {
      const c = text.charCodeAt(e);
      if (c === 10 || c === 13 || c === 92 || c === 34 || c === 96 || c === 60) break;
      if (c === 124 && e > from && isSpace(text.charCodeAt(e - 1))) break;
    }
    while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
    return e;
  }
  for (; e < n; e++) {
    const c = text.charCodeAt(e);
    if (isWhite(c) || isQuote(c) || c === 92 || c === 125 || c === 93) break; // \ } ]
    if (style === 'json' ? c === 44 : c === 38 || c === 60 || c === 62) break; // , | & < >
  }
  return e;
}

/** The closing quote on the same line (backslash escapes skipped for `"`), or -1. */
function closingQuote(text: string, from: number, quote: number, escaped: boolean): number {
  for (let e = from; e < text.length; e++) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) return -1;
    if (escaped) {
      if (c === 92 && text.charCodeAt(e + 1) === quote) return e;
      if (c === 92) e++;
    } else if (c === 92 && quote === 34) e++;
    else if (c === quote) return e;
  }
  return -1;
}

/**
 * A YAML block scalar (`password: |` then lines indented deeper than the key): the span of its
 * content, from the first line's text to the end of the last non-blank line.
 */
function blockScalar(text: string, at: number, keyColumn: number): { start: number; end: number } | undefined {
  const n = text.length;
  let p = at + 1;
  while (p < n && isBlockIndicator(text.charCodeAt(p))) p++;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  if (p < n && text.charCodeAt(p) === 13) p++;
  if (p >= n || text.charCodeAt(p) !== 10) return undefined;
  let line = p + 1;
  let start = -1;
  let end = -1;
  while (line < n) {
    let q = line;
    while (q < n && text.charCodeAt(q) === 32) q++;
    let eol = q;
    while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const blank = q === eol;
    if (!blank && q - line <= keyColumn) break;
    if (!blank) {
      if (start < 0) start = q;
      end = eol;
    }
    line = eol < n && text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
  }
  return start < 0 ? undefined : { start, end };
}

/** `|-`, `>+2`: chomping and indentation indicators. */
function isBlockIndicator(c: number): boolean {
  return c === 45 || c === 43 || (c >= 48 && c <= 57);
}

/** Characters that cannot start a flag's value (markdown table cells, comments, closing brackets). */
const NOT_A_VALUE = new Set([124, 35, 41, 93, 125, 44, 59, 60, 62, 38]); // | # ) ] } , ; < > &

/**
 * At a `-` starting a word: a secret-named flag (`--api-key`, `-token`) followed by its value as the
 * next word (`--api-key X`, `"--api-key", "X"`, a YAML list `- --api-key` / `- X`). `--flag=value`
 * is left to the `=` rule. Returns where the scan resumes.
 */
function afterFlag(text: string, at: number, out: Splicer): number {
  const n = text.length;
  let e = at;
  while (e < n && isNameChar(text.charCodeAt(e))) e++;
  const dashes = text.charCodeAt(at + 1) === 45 ? 2 : 1;
  if (e - at > MAX_NAME + 2 || text.charCodeAt(at + dashes) === 45 || !isSecretName(text.slice(at + dashes, e))) return Math.max(e, at + 1);
  if (e < n && (text.charCodeAt(e) === 61 || text.charCodeAt(e) === 58)) return e; // --token=X: the `=` rule
  let v = e;
  if (v < n && isQuote(text.charCodeAt(v))) v++;
  while (v < n && isWhite(text.charCodeAt(v))) v++;
  if (v < n && text.charCodeAt(v) === 44) v++; // , of a JSON array
  while (v < n && isWhite(text.charCodeAt(v))) v++;
  if (v + 1 < n && text.charCodeAt(v) === 45 && isSpace(text.charCodeAt(v + 1))) v += 2; // - of a YAML list
  if (v === e || v >= n || text.charCodeAt(v) === 45 || NOT_A_VALUE.has(text.charCodeAt(v))) return e; // no value, or the next flag
  return redactValue(text, v, 'bare', 0, out);
}
