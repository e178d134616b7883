/** Failed requests to the API server, said in words a person can act on. */
import { describe, expect, it } from 'vitest';
import { Deadline, DeadlineError } from '../../src/kube/deadline.js';
import { ClusterRefusedError, ClusterUnreachableError, describeRequestError, requestError } from '../../src/kube/request-errors.js';
import { UserError } from '../../src/util/user-error.js';

/** What Node's fetch throws: "fetch failed", with the socket's error as its cause. */
const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
/** client-node's ApiException: the HTTP status as `code`, the server's Status as `body`. */
const apiException = (code: number, body: unknown) => Object.assign(new Error(`HTTP-Code: ${code}\nMessage: Unknown API Status Code!`), { code, body });

describe('describeRequestError', () => {
  const UNTRUSTED = "the API server's certificate is not trusted by the kubeconfig's certificate-authority; check certificate-authority-data / the context";
  it.each([
    ['a self-signed chain', fetchFailed(coded('SELF_SIGNED_CERT_IN_CHAIN')), `${UNTRUSTED} (SELF_SIGNED_CERT_IN_CHAIN)`],
    ['a self-signed server certificate', fetchFailed(coded('DEPTH_ZERO_SELF_SIGNED_CERT')), `${UNTRUSTED} (DEPTH_ZERO_SELF_SIGNED_CERT)`],
    ['an unknown issuer', fetchFailed(coded('UNABLE_TO_VERIFY_LEAF_SIGNATURE')), `${UNTRUSTED} (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`],
    [
      'an expired certificate',
      fetchFailed(coded('CERT_HAS_EXPIRED')),
      "the API server's certificate has expired; renew it, or check this machine's clock (CERT_HAS_EXPIRED)",
    ],
    [
      'a certificate for another name',
      fetchFailed(coded('ERR_TLS_CERT_ALTNAME_INVALID')),
      "the API server's certificate is for another name than k8s.example:6443; check the cluster's server address (or tls-server-name) (ERR_TLS_CERT_ALTNAME_INVALID)",
    ],
    [
      'a refused connection',
      fetchFailed(coded('ECONNREFUSED')),
      'the connection was refused: is the API server running at k8s.example:6443, and is this the right context? (ECONNREFUSED)',
    ],
    [
      'a refusal on every address (AggregateError)',
      fetchFailed(Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''), {})),
      'the connection was refused: is the API server running at k8s.example:6443, and is this the right context? (ECONNREFUSED)',
    ],
    ['an unknown host', fetchFailed(coded('ENOTFOUND')), "the host name was not found (DNS): check the cluster's server address in the kubeconfig (ENOTFOUND)"],
    [
      'a connection that timed out',
      fetchFailed(coded('ETIMEDOUT')),
      'the connection timed out: is k8s.example:6443 reachable from this machine (a firewall, a private endpoint)? (ETIMEDOUT)',
    ],
    [
      "undici's connect timeout, nested one level deeper",
      fetchFailed(Object.assign(new Error('wrapper'), { cause: coded('UND_ERR_CONNECT_TIMEOUT') })),
      'the connection timed out: is k8s.example:6443 reachable from this machine (a firewall, a private endpoint)? (UND_ERR_CONNECT_TIMEOUT)',
    ],
    ['a code nobody knows', fetchFailed(coded('EWHATEVER', 'something odd')), 'fetch failed (EWHATEVER)'],
    [
      'HTTP 401',
      apiException(401, { kind: 'Status', message: 'Unauthorized' }),
      'the API server did not accept the credentials (HTTP 401): an expired token, or the wrong user in the context?: Unauthorized',
    ],
    ['HTTP 500 with a JSON body as text', apiException(500, '{"message":"etcdserver: request timed out"}'), 'HTTP 500: etcdserver: request timed out'],
  ])('%s', (_name, error, expected) => {
    expect(describeRequestError(error, 'k8s.example:6443')).toBe(expected);
  });
});

describe('requestError', () => {
  it.each([
    [
      'a transport failure → unreachable',
      fetchFailed(coded('ECONNREFUSED')),
      ClusterUnreachableError,
      /^the Kubernetes API server h:1 could not be reached \(GET x\): the connection was refused/,
    ],
    [
      'an HTTP refusal → refused',
      apiException(403, { message: 'forbidden: User "ci"' }),
      ClusterRefusedError,
      /^GET x: the credentials lack this permission \(HTTP 403\)/,
    ],
    ['a UserError passes through', new DeadlineError('the plugin did not answer'), DeadlineError, /^the plugin did not answer$/],
  ])('%s', (_name, error, type, message) => {
    const e = requestError(error, 'GET x', 'h:1');
    expect(e).toBeInstanceOf(type);
    expect((e as Error).message).toMatch(message);
  });

  it('leaves a bug a bug', () => {
    const bug = new RangeError('Invalid array length');
    expect(requestError(bug, 'GET x', 'h:1')).toBe(bug);
    expect(bug).not.toBeInstanceOf(UserError);
  });
});

describe('Deadline', () => {
  it('names what did not answer, or what ran beneath it', async () => {
    const d = new Deadline(50, '--timeout 50ms');
    const never = new Promise<never>(() => {});
    await expect(d.within('GET /version', never)).rejects.toThrow('GET /version did not answer within 50 ms (--timeout 50ms)');
    const e = new Deadline(50, '--timeout 50ms');
    const release = e.busy('the plugin');
    await expect(e.within('GET /version', never)).rejects.toThrow(/^the plugin did not answer/);
    release();
    expect(e.culprit('GET /version')).toBe('GET /version');
  });

  it('turns an abort after the deadline into the same message, and lets refusals through', async () => {
    const d = new Deadline(20, '--timeout 20ms');
    const aborted = new Promise((_, reject) => d.signal.addEventListener('abort', () => setTimeout(() => reject(new Error('This operation was aborted')), 5)));
    await expect(d.within('list pods', aborted)).rejects.toThrow(/^list pods did not answer/);
    expect(d.expired).toBe(true);
    await expect(Deadline.none().within('x', Promise.reject(new UserError('refused')))).rejects.toThrow('refused');
  });
});
