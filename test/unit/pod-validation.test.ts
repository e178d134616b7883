/** Pod validation as the API server does it (Kubernetes 1.36), and the plan's refusal of a head whose pods it refuses. */
import { describe, expect, it } from 'vitest';
import { podSpecErrors } from '../../src/kube-validation/pod-spec.js';
import { podRefusal } from '../../src/kuberay/pods-as-built.js';
import { InputError } from '../../src/manifests/input-error.js';
import { plan, releaseFor, settingsFor } from '../../src/planner/plan.js';
import { planService } from '../../src/planner/plan-service.js';
import { rayService, set, type Obj } from '../fixtures/rayservice.js';

const ctr = (extra: Obj = {}): Obj => ({ name: 'ray', image: 'rayproject/ray:2.44.1', ...extra });
const pod = (extra: Obj = {}, container: Obj = {}): Obj => ({ containers: [ctr(container)], ...extra });
const res = (requests: Obj, limits: Obj = {}) => ({ resources: { requests, limits } });

/** [what, pod spec, rule of the first error or undefined, the first error's message] */
const PODS: [string, Obj, string | undefined, string?][] = [
  ['a plain pod', pod(), undefined],
  [
    'negative cpu request',
    pod({}, res({ cpu: '-1' })),
    'pod.resource-negative',
    'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
  ],
  [
    'negative memory limit',
    pod({}, res({}, { memory: '-1Gi' })),
    'pod.resource-negative',
    'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
  ],
  ['zero is fine', pod({}, res({ cpu: '0' }, { cpu: 0 })), undefined],
  [
    'fractional GPU',
    pod({}, res({}, { 'nvidia.com/gpu': '0.5' })),
    'pod.resource-not-integer',
    'spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer',
  ],
  ['GPU 1000m is an integer', pod({}, res({}, { 'nvidia.com/gpu': '1000m' })), undefined],
  [
    'GPU request without a limit',
    pod({}, res({ 'nvidia.com/gpu': 1 })),
    'pod.resource-limit-required',
    'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
  ],
  [
    'GPU request ≠ limit',
    pod({}, res({ 'nvidia.com/gpu': 1 }, { 'nvidia.com/gpu': 2 })),
    'pod.resource-request-not-limit',
    'spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
  ],
  [
    'memory request > limit',
    pod({}, res({ memory: '2Gi' }, { memory: '1Gi' })),
    'pod.resource-request-above-limit',
    'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
  ],
  ['cpu request < limit is fine', pod({}, res({ cpu: '500m' }, { cpu: '1' })), undefined],
  ['kubernetes.io-prefixed names overcommit', pod({}, res({ 'example.kubernetes.io/x': '500m' })), undefined],
  [
    'unprefixed unknown name',
    pod({}, res({}, { gpu: 1 })),
    'pod.resource-name',
    'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
  ],
  [
    'storage is standard, not for containers',
    pod({}, res({}, { storage: '1Gi' })),
    'pod.resource-name',
    'spec.containers[0].resources.limits[storage]: Invalid value: "storage": must be a standard resource for containers',
  ],
  ['hugepages, a page multiple', pod({}, res({ memory: '1Gi', 'hugepages-2Mi': '4Mi' }, { memory: '1Gi', 'hugepages-2Mi': '4Mi' })), undefined],
  [
    'hugepages, not a page multiple',
    pod({}, res({}, { memory: '1Gi', 'hugepages-2Mi': '3Mi' })),
    'pod.hugepages-not-page-multiple',
    'spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
  ],
  [
    'hugepages alone',
    pod({}, res({}, { 'hugepages-2Mi': '4Mi' })),
    'pod.hugepages-without-cpu-or-memory',
    'spec.containers[0].resources: Forbidden: HugePages require cpu or memory',
  ],
  [
    'container name with capitals',
    pod({}, { name: 'Ray_Head' }),
    'pod.container-name',
    `spec.containers[0].name: Invalid value: "Ray_Head": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
  ],
  [
    'container name with dots',
    pod({}, { name: 'ray.head' }),
    'pod.container-name',
    'spec.containers[0].name: Invalid value: "ray.head": must not contain dots',
  ],
  ['container without image', pod({}, { image: '' }), 'pod.container-image', 'spec.containers[0].image: Required value'],
  ['two containers of one name', { containers: [ctr(), ctr()] }, 'pod.container-name-duplicate', 'spec.containers[1].name: Duplicate value: "ray"'],
  [
    'an init container named like a container',
    { containers: [ctr()], initContainers: [ctr()] },
    'pod.container-name-duplicate',
    'spec.initContainers[0].name: Duplicate value: "ray"',
  ],
  [
    'an init container with a probe',
    { containers: [ctr()], initContainers: [ctr({ name: 'init', readinessProbe: { exec: { command: ['true'] } } })] },
    'pod.init-container-probe',
    'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  ],
  [
    'a sidecar may have one',
    { containers: [ctr()], initContainers: [ctr({ name: 'side', restartPolicy: 'Always', readinessProbe: { exec: { command: ['true'] } } })] },
    undefined,
  ],
  [
    'port name with an underscore',
    pod({}, { ports: [{ containerPort: 80, name: 'my_port' }] }),
    'pod.port-name',
    'spec.containers[0].ports[0].name: Invalid value: "my_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  ],
  [
    'port name too long',
    pod({}, { ports: [{ containerPort: 80, name: 'a-very-long-port-name' }] }),
    'pod.port-name',
    'spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
  ],
  [
    'port name twice',
    pod(
      {},
      {
        ports: [
          { containerPort: 80, name: 'web' },
          { containerPort: 81, name: 'web' },
        ],
      },
    ),
    'pod.port-name-duplicate',
    'spec.containers[0].ports[1].name: Duplicate value: "web"',
  ],
  [
    'port 70000',
    pod({}, { ports: [{ containerPort: 70000 }] }),
    'pod.port-number',
    'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  ],
  [
    'protocol HTTP',
    pod({}, { ports: [{ containerPort: 80, protocol: 'HTTP' }] }),
    'pod.port-protocol',
    'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  ],
  [
    'env name with =',
    pod({}, { env: [{ name: 'A=B' }] }),
    'pod.env-name',
    `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
  ],
  ['env name with a space or a leading digit (relaxed since 1.34)', pod({}, { env: [{ name: '1 A.b-c' }] }), undefined],
  ['env name with a tab', pod({}, { env: [{ name: 'A\tB' }] }), 'pod.env-name'],
  ['volume name with capitals', pod({ volumes: [{ name: 'Data', emptyDir: {} }] }), 'pod.volume-name'],
  [
    'volume twice',
    pod({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ],
    }),
    'pod.volume-name-duplicate',
    'spec.volumes[1].name: Duplicate value: "data"',
  ],
  [
    'volume with two sources',
    pod({ volumes: [{ name: 'data', emptyDir: {}, configMap: { name: 'x' } }] }),
    'pod.volume-sources',
    'spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type',
  ],
  ['volume with no source (emptyDir by default)', pod({ volumes: [{ name: 'data' }] }, { volumeMounts: [{ name: 'data', mountPath: '/d' }] }), undefined],
  [
    'mount of a missing volume',
    pod({}, { volumeMounts: [{ name: 'data', mountPath: '/d' }] }),
    'pod.volume-mount-not-found',
    'spec.containers[0].volumeMounts[0].name: Not found: "data"',
  ],
  ['mount of a refused volume', pod({ volumes: [{ name: 'Data' }] }, { volumeMounts: [{ name: 'Data', mountPath: '/d' }] }), 'pod.volume-name'],
  ['relative mountPath is fine', pod({ volumes: [{ name: 'data' }] }, { volumeMounts: [{ name: 'data', mountPath: 'd' }] }), undefined],
  [
    'one mountPath twice',
    pod(
      { volumes: [{ name: 'a' }, { name: 'b' }] },
      {
        volumeMounts: [
          { name: 'a', mountPath: '/d' },
          { name: 'b', mountPath: '/d' },
        ],
      },
    ),
    'pod.volume-mount-path',
    'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique',
  ],
  [
    'absolute subPath',
    pod({ volumes: [{ name: 'a' }] }, { volumeMounts: [{ name: 'a', mountPath: '/d', subPath: '/x' }] }),
    'pod.volume-mount-sub-path',
    'spec.containers[0].volumeMounts.subPath: Invalid value: "/x": must be a relative path',
  ],
  [
    'subPath with ..',
    pod({ volumes: [{ name: 'a' }] }, { volumeMounts: [{ name: 'a', mountPath: '/d', subPath: 'x/../..' }] }),
    'pod.volume-mount-sub-path',
    `spec.containers[0].volumeMounts.subPath: Invalid value: "x/../..": must not contain '..'`,
  ],
  [
    'imagePullPolicy Sometimes',
    pod({}, { imagePullPolicy: 'Sometimes' }),
    'pod.image-pull-policy',
    'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  ],
  ['terminationMessagePolicy', pod({}, { terminationMessagePolicy: 'Log' }), 'pod.termination-message-policy'],
  [
    'restartPolicy',
    pod({ restartPolicy: 'Sometimes' }),
    'pod.restart-policy',
    'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  ],
  [
    'dnsPolicy',
    pod({ dnsPolicy: 'Cluster' }),
    'pod.dns-policy',
    'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
  ],
  [
    'toleration operator In',
    pod({ tolerations: [{ key: 'k', operator: 'In', value: 'v' }] }),
    'pod.toleration-operator',
    'spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
  ],
  ['toleration Gt (alpha gate off)', pod({ tolerations: [{ key: 'k', operator: 'Gt', value: '1' }] }), 'pod.toleration-operator'],
  [
    'toleration without key, Equal',
    pod({ tolerations: [{ operator: 'Equal' }] }),
    'pod.toleration-operator',
    'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
  ],
  ['toleration Exists with a value', pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }), 'pod.toleration-operator'],
  [
    'tolerationSeconds without NoExecute',
    pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] }),
    'pod.toleration-effect',
  ],
  [
    'toleration effect',
    pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'Never' }] }),
    'pod.toleration-effect',
    'spec.tolerations[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
  ],
  ['no containers', { containers: [] }, 'pod.containers-required', 'spec.containers: Required value'],
  ['volumes come before containers', pod({ volumes: [{ name: 'Data' }] }, res({ cpu: '-1' })), 'pod.volume-name'],
];

describe('pod validation (Kubernetes 1.36)', () => {
  it('cuts a long bad value (hostile input stays bounded)', () => {
    const first = podSpecErrors(pod({}, { name: 'x'.repeat(5000) }))[0];
    expect(first?.rule).toBe('pod.container-name');
    expect(first!.message.length).toBeLessThan(400);
    expect(first!.message).toContain('…');
  });

  it.each(PODS)('%s', (_what, spec, rule, message) => {
    const first = podSpecErrors(spec)[0];
    expect(first?.rule).toBe(rule);
    if (message) expect(first?.message).toBe(message);
  });
});

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const headContainer = (rs: Obj) => rcc(rs).headGroupSpec.template.spec.containers[0];
const workerPod = (rs: Obj) => rcc(rs).workerGroupSpecs[0].template.spec;

function refusalOf(base: Obj | undefined, head: Obj, options = { kuberayVersion: '1.6' }) {
  try {
    return { plan: plan(set(base ? [base] : []), set([head]), options) };
  } catch (e) {
    if (e instanceof InputError) return { error: e };
    throw e;
  }
}

describe('the plan refuses a head whose pods the API server refuses', () => {
  it('names file, line, the manifest field and the API server words', () => {
    const head = rayService((rs) => (headContainer(rs).resources.requests.cpu = '-1'));
    const { error } = refusalOf(rayService(), head);
    expect(error?.field).toBe('spec.rayClusterConfig.headGroupSpec.template.spec.containers[0].resources.requests.cpu');
    expect(error?.line).toBeGreaterThan(1);
    expect(error?.problem).toContain('the API server accepts this RayService but refuses every pod of the head group');
    expect(error?.problem).toContain('"spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0"');
    expect(error?.problem).toContain('rollout could never finish');
    expect(error?.problem).toContain('FailedToCreateHeadPod');
  });

  it.each([
    ['a new RayService', undefined],
    ['a change', rayService()],
  ])('refuses %s', (_what, base) => {
    const head = rayService((rs) => (workerPod(rs).containers[0].resources.limits['nvidia.com/gpu'] = '0.5'));
    const { error } = refusalOf(base, head);
    expect(error?.problem).toMatch(/worker group "workers".*rule pod\.resource-not-integer/);
    expect(error?.field).toBe('spec.rayClusterConfig.workerGroupSpecs[0].template.spec.containers[0].resources.limits["nvidia.com/gpu"]');
  });

  it('maps the injected wait-gcs-ready init container to the container whose name it clashes with', () => {
    const head = rayService((rs) => (workerPod(rs).initContainers = [{ name: 'wait-gcs-ready', image: 'busybox' }]));
    const { error } = refusalOf(rayService(), head);
    expect(error?.problem).toContain('spec.initContainers[1].name: Duplicate value: \\"wait-gcs-ready\\"'.replaceAll('\\', ''));
    expect(error?.field).toBe('spec.rayClusterConfig.workerGroupSpecs[0].template.spec.initContainers[0].name');
    // With the injection off (ENABLE_INIT_CONTAINER_INJECTION=false), there is no clash.
    const settings = { ...settingsFor(releaseFor('1.6'), {}), initContainerInjection: false };
    const m = (o: Obj) => set([o]).get('default/demo')!;
    expect(planService(m(rayService()), m(head), settings).change).toBe('cluster');
  });

  it('lets the operator refusal speak first (it builds no pod)', () => {
    const head = rayService((rs) => {
      headContainer(rs).resources.requests.cpu = '-1';
      rcc(rs).headGroupSpec.headService = { metadata: { name: 'x' } };
    });
    expect(refusalOf(rayService(), head).plan?.services[0]?.change).toBe('rejected');
  });

  it('notes an unchanged refused template when no pods are built, refuses it when they are', () => {
    const broken = (rs: Obj) => (headContainer(rs).imagePullPolicy = 'Sometimes');
    const serveOnly = refusalOf(
      rayService(broken),
      rayService((rs) => {
        broken(rs);
        rs.spec.serveConfigV2 = rs.spec.serveConfigV2.replace('threshold: 0.5', 'threshold: 0.6');
      }),
    ).plan?.services[0];
    expect(serveOnly?.change).toBe('app');
    expect(serveOnly?.reasons.map((r) => r.rule)).toContain('pod.still-refused');
    const newCluster = refusalOf(
      rayService(broken),
      rayService((rs) => {
        broken(rs);
        rcc(rs).rayVersion = '2.46.0';
      }),
    );
    expect(newCluster.error?.problem).toContain('rule pod.image-pull-policy');
  });

  it.each([
    [
      'a port name that is no DNS-1123 label',
      { containerPort: 9000, name: 'metrics_port' },
      'head-service.port-name',
      'spec.ports[N].name: Invalid value: "metrics_port"',
    ],
    [
      '8080 not named metrics (the operator adds metrics on 8080)',
      { containerPort: 8080, name: 'prom' },
      'head-service.port-duplicate',
      'spec.ports[N]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":8080,"TargetPort":0,"NodePort":0}',
    ],
    ['one number, two protocols', { containerPort: 8000, name: 'serve-udp', protocol: 'UDP' }, 'head-service.port-duplicate', '"Port":8000'],
    ['8080 named metrics', { containerPort: 8080, name: 'metrics' }, undefined, undefined],
    [
      'a digits-only name: a DNS label, no IANA name (the pod refuses it)',
      { containerPort: 9000, name: '9000' },
      'pod.port-name',
      'must contain at least one letter',
    ],
  ])('the head Service first: %s', (_what, port, rule, message) => {
    const head = rayService((rs) => headContainer(rs).ports.push(port));
    const r = podRefusal((set([head]).get('default/demo')!.object.spec as Obj).rayClusterConfig);
    expect(r?.error.rule).toBe(rule);
    if (message) expect(r?.error.message).toContain(message);
    if (rule?.startsWith('head-service.')) {
      expect(r?.eventReason).toBe('FailedToCreateService');
      expect(r?.path).toEqual([
        'spec',
        'rayClusterConfig',
        'headGroupSpec',
        'template',
        'spec',
        'containers',
        0,
        'ports',
        2,
        ...(rule.endsWith('name') ? ['name'] : []),
      ]);
    }
  });

  it('leaves a custom head Service alone', () => {
    const head = rayService((rs) => {
      headContainer(rs).ports.push({ containerPort: 8080, name: 'prom' });
      rcc(rs).headGroupSpec.headService = { spec: { type: 'ClusterIP' } };
    });
    expect(podRefusal((set([head]).get('default/demo')!.object.spec as Obj).rayClusterConfig)).toBeUndefined();
  });

  it('reports the first refused group, head first', () => {
    const r = podRefusal({
      headGroupSpec: { template: { spec: pod({}, res({ cpu: '-1' })) } },
      workerGroupSpecs: [{ groupName: 'w', template: { spec: pod({ restartPolicy: 'x' }) } }],
    });
    expect(r?.group).toBe('head');
    expect(r?.eventReason).toBe('FailedToCreateHeadPod');
  });
});
