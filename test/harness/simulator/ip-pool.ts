// Addresses for simulated nodes and pods, from 198.18.0.0/15 (RFC 2544, reserved for benchmarking, never
// routed): pods 198.18.x.y, nodes 198.19.0.x. No packet is ever sent to them. They cannot be loopback
// addresses, because the apiserver rejects loopback IPs in EndpointSlices and Endpoints
// (ValidateEndpointIP), and KubeRay counts serve endpoints from those. Being non-loopback, they are
// exactly what Go's HTTP_PROXY handling proxies, so the operator's direct calls to pods (the head's
// http://<podIP>:8000/-/healthz) reach the simulator's HTTP proxy on 127.0.0.1.
// Addresses are never reused within a control plane, so a stale endpoint never points at a new pod.
export class IpPool {
  private nextPod = 1; // 198.18.0.1
  private nextNode = 1; // 198.19.0.1

  nodeIp(): string {
    if (this.nextNode > 254) throw new Error('IpPool: out of node addresses');
    return `198.19.0.${this.nextNode++}`;
  }

  podIp(): string {
    for (;;) {
      const n = this.nextPod++;
      if (n >= 65535) throw new Error('IpPool: out of pod addresses');
      const last = n % 256;
      if (last !== 0 && last !== 255) return `198.18.${Math.floor(n / 256)}.${last}`;
    }
  }
}
