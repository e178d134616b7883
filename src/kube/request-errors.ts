/**
 * What a failed request to the API server means, in words a person can act on. Node's fetch says
 * only "fetch failed" and hides the reason in `cause` (a TLS verification code, ECONNREFUSED, a
 * DNS failure, sometimes nested or inside an AggregateError when several addresses were tried);
 * client-node's ApiException carries the HTTP status and the server's own message.
 */
import { UserError } from '../util/user-error.js';

/** The API server could not be reached at all (network, TLS, a stall): nothing was read or applied. */
export class ClusterUnreachableError extends UserError {}

/** The API server answered, with a refusal that is not about a manifest (401, a missing permission). */
export class ClusterRefusedError extends UserError {}

const UNTRUSTED = "the API server's certificate is not trusted by the kubeconfig's certificate-authority; check certificate-authority-data / the context";

/** Node and undici error codes → what they mean. `{server}` is the API server's host. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  SELF_SIGNED_CERT_IN_CHAIN: UNTRUSTED,
  DEPTH_ZERO_SELF_SIGNED_CERT: UNTRUSTED,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNTRUSTED,
  UNABLE_TO_GET_ISSUER_CERT: UNTRUSTED,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNTRUSTED,
  CERT_SIGNATURE_FAILURE: UNTRUSTED,
  CERT_HAS_EXPIRED: "the API server's certificate has expired; renew it, or check this machine's clock",
  CERT_NOT_YET_VALID: "the API server's certificate is not valid yet; check this machine's clock",
  ERR_TLS_CERT_ALTNAME_INVALID: "the API server's certificate is for another name than {server}; check the cluster's server address (or tls-server-name)",
  ERR_SSL_WRONG_VERSION_NUMBER: 'the TLS handshake failed: is the server address https:// on a port that speaks TLS?',
  EPROTO: 'the TLS handshake failed: is the server address https:// on a port that speaks TLS?',
  ECONNREFUSED: 'the connection was refused: is the API server running at {server}, and is this the right context?',
  ENOTFOUND: "the host name was not found (DNS): check the cluster's server address in the kubeconfig",
  EAI_AGAIN: 'the host name could not be resolved (DNS is not answering): try again, or check the network',
  ETIMEDOUT: 'the connection timed out: is {server} reachable from this machine (a firewall, a private endpoint)?',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out: is {server} reachable from this machine (a firewall, a private endpoint)?',
  EHOSTUNREACH: 'no route to {server}: is it reachable from this machine?',
  ENETUNREACH: 'the network is unreachable from this machine',
  ECONNRESET: 'the connection was reset: a proxy or load balancer in the way, or the API server restarting?',
  UND_ERR_SOCKET: 'the connection was closed: a proxy or load balancer in the way, or the API server restarting?',
  UND_ERR_HEADERS_TIMEOUT: 'the API server accepted the connection but did not answer',
};

const HTTP_HINTS: Readonly<Record<number, string>> = {
  401: 'the API server did not accept the credentials (HTTP 401): an expired token, or the wrong user in the context?',
  403: 'the credentials lack this permission (HTTP 403): docs/rbac.md lists the rules rayservice-rollout needs (deploy/rbac.yaml)',
  429: 'the API server is throttling requests (HTTP 429): try again later',
};

/** The HTTP status of a failed API call (client-node's ApiException), or undefined for other errors. */
export function statusCode(e: unknown): number | undefined {
  const c = (e as { code?: unknown })?.code;
  return typeof c === 'number' && c >= 100 ? c : undefined;
}

/** The API server's own message (e.g. a CRD validation error), not the client's wrapper text. */
export function apiMessage(e: unknown): string {
  const body = (e as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: string };
      if (parsed.message) return parsed.message;
    } catch {
      /* not JSON */
    }
  }
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') return (body as { message: string }).message;
  return (e as Error)?.message ?? String(e);
}

/**
 * The first error code of the chain, preferring one this module knows: `fetch failed` wraps the
 * socket's error in `cause`, which may wrap another, and a connection tried on several addresses
 * fails with an AggregateError whose `errors` hold the codes.
 */
export function networkCode(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  const codes: string[] = [];
  const queue: unknown[] = [e];
  while (queue.length && seen.size < 20) {
    const x = queue.shift();
    if (!x || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    const { code, cause, errors } = x as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return codes.find((c) => c in NETWORK_CODES) ?? codes.find((c) => c !== 'ERR_INVALID_ARG_TYPE');
}

/** A failure of the transport (no HTTP answer): fetch's TypeError, a socket error, an abort. */
export function isNetworkError(e: unknown): boolean {
  if (e instanceof UserError || statusCode(e) !== undefined) return false;
  const err = e as { message?: unknown; cause?: unknown; name?: unknown };
  return err?.message === 'fetch failed' || err?.cause !== undefined || networkCode(e) !== undefined || err?.name === 'AbortError';
}

/** One line: why the request failed, with what to do where that is known. */
export function describeRequestError(e: unknown, server: string): string {
  const status = statusCode(e);
  if (status !== undefined) {
    const hint = HTTP_HINTS[status];
    const message = firstLine(apiMessage(e));
    return hint ? `${hint}${message && !/^HTTP-Code/.test(message) ? `: ${message}` : ''}` : `HTTP ${status}: ${message}`;
  }
  const code = networkCode(e);
  const known = code ? NETWORK_CODES[code] : undefined;
  if (known) return `${known.replaceAll('{server}', server)} (${code})`;
  const message = firstLine((e as Error)?.message ?? String(e));
  return code ? `${message} (${code})` : message;
}

/**
 * The error a command reports for a failed request: UserErrors pass through; a transport failure
 * becomes ClusterUnreachableError, an HTTP refusal ClusterRefusedError, both naming what was asked.
 * Anything else is a bug and is returned unchanged.
 */
export function requestError(e: unknown, what: string, server: string): unknown {
  if (e instanceof UserError) return e;
  if (statusCode(e) !== undefined) return new ClusterRefusedError(`${what}: ${describeRequestError(e, server)}`);
  if (isNetworkError(e))
    return new ClusterUnreachableError(`the Kubernetes API server ${server} could not be reached (${what}): ${describeRequestError(e, server)}`);
  return e;
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 300);
}
