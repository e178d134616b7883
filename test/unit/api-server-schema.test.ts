/** A head manifest the API server would refuse is refused by the plan, with file, line and what to do. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/manifests/input-error.js';
import { plan } from '../../src/planner/plan.js';
import { rayService, set, setFromText, toYaml, type Obj } from '../fixtures/rayservice.js';

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const worker0 = (rs: Obj) => rcc(rs).workerGroupSpecs[0];
const headContainer = (rs: Obj) => rcc(rs).headGroupSpec.template.spec.containers[0];

/** [name, base edit, head edit, release, refusal (a pattern) or undefined when accepted] */
const CASES: [string, ((rs: Obj) => void) | undefined, (rs: Obj) => void, string, RegExp | undefined][] = [
  ['replicas "3"', undefined, (rs) => (worker0(rs).replicas = '3'), '1.6', /workerGroupSpecs\[0\]\.replicas: must be an integer, not the string "3"/],
  [
    'rayStartParams value not a string',
    undefined,
    (rs) => (worker0(rs).rayStartParams = { 'num-cpus': 1 }),
    '1.6',
    /rayStartParams\.num-cpus: must be a string/,
  ],
  [
    'cpu: 0.1 (int-or-string)',
    undefined,
    (rs) => (headContainer(rs).resources.requests.cpu = 0.1),
    '1.6',
    /requests\.cpu: must be an integer or a string, not the number 0\.1/,
  ],
  ['cpu: 1 (an integer is fine)', undefined, (rs) => (headContainer(rs).resources.requests.cpu = 1), '1.6', undefined],
  [
    'two env vars of one name',
    undefined,
    (rs) =>
      (headContainer(rs).env = [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ]),
    '1.6',
    /env\[1\]: duplicate entry \(name "A", also item 0\)/,
  ],
  [
    'two ports of one containerPort and protocol',
    undefined,
    (rs) => headContainer(rs).ports.push({ containerPort: 8265, name: 'again', protocol: 'TCP' }),
    '1.6',
    /ports\[2\]: duplicate entry/,
  ],
  [
    'one containerPort, two protocols',
    undefined,
    (rs) => headContainer(rs).ports.push({ containerPort: 8265, name: 'udp', protocol: 'UDP' }),
    '1.6',
    // The CRD's list-map takes it; the head Service the operator builds from it (TCP only) does not.
    /refuses the head Service.*"Port":8265/,
  ],
  [
    'enum: imagePullPolicy is free text in the CRD; the pod validation refuses it',
    undefined,
    (rs) => (headContainer(rs).imagePullPolicy = 'Sometimes'),
    '1.6',
    /accepts this RayService but refuses every pod of the head group.*imagePullPolicy: Unsupported value/,
  ],
  ['enum: authOptions.mode', undefined, (rs) => (rcc(rs).authOptions = { mode: 'open' }), '1.6', /authOptions\.mode: "open" is not one of "disabled", "token"/],
  [
    'managedBy outside the CEL list',
    undefined,
    (rs) => (rs.spec.managedBy = 'someone-else'),
    '1.6',
    /spec\.managedBy: the managedBy field value must be either/,
  ],
  [
    'managedBy changed (CEL transition rule)',
    (rs) => (rs.spec.managedBy = 'ray.io/kuberay-operator'),
    (rs) => (rs.spec.managedBy = 'kueue.x-k8s.io/multikueue'),
    '1.6',
    /spec\.managedBy: the managedBy field is immutable/,
  ],
  ['managedBy set on an existing RayService (no old value)', undefined, (rs) => (rs.spec.managedBy = 'kueue.x-k8s.io/multikueue'), '1.6', undefined],
  ['container without a name (required)', undefined, (rs) => delete headContainer(rs).name, '1.6', /containers\[0\]\.name: is required/],
  [
    'rayStartParams removed on 1.3 (required there)',
    undefined,
    (rs) => delete worker0(rs).rayStartParams,
    '1.3',
    /workerGroupSpecs\[0\]\.rayStartParams: is required/,
  ],
  ['rayStartParams removed on 1.4 (optional)', undefined, (rs) => delete worker0(rs).rayStartParams, '1.4', undefined],
  [
    'env value: a boolean',
    undefined,
    (rs) => (headContainer(rs).env = [{ name: 'A', value: true }]),
    '1.6',
    /env\[0\]\.value: must be a string, not the boolean true \(.*quote it/,
  ],
];

describe('ray.io/v1alpha1 is checked against its own (older) schema', () => {
  const alpha = (edit: (rs: Obj) => void) =>
    rayService((rs) => {
      rs.apiVersion = 'ray.io/v1alpha1';
      edit(rs);
    });
  it.each([
    [
      'a field only v1 has',
      (rs: Obj) => (rs.spec.rayClusterDeletionDelaySeconds = 5),
      '1.6',
      /spec\.rayClusterDeletionDelaySeconds: not a field of ray\.io\/v1alpha1/,
    ],
    ['upgradeStrategy', (rs: Obj) => (rs.spec.upgradeStrategy = { type: 'NewCluster' }), '1.6', /spec\.upgradeStrategy: not a field of ray\.io\/v1alpha1/],
    ['rayStartParams, required there', (rs: Obj) => delete worker0(rs).rayStartParams, '1.6', /workerGroupSpecs\[0\]\.rayStartParams: is required/],
    ['a plain manifest', (_rs: Obj) => {}, '1.6', undefined],
  ])('%s', (_what, edit, version, refusal) => {
    const run = () => plan(set([rayService()]), set([alpha(edit)]), { kuberayVersion: version });
    if (refusal) expect(run).toThrow(refusal);
    else expect(run).not.toThrow();
  });

  it('the same fields pass as ray.io/v1', () => {
    const head = rayService((rs) => {
      rs.spec.rayClusterDeletionDelaySeconds = 5;
      delete worker0(rs).rayStartParams;
    });
    expect(() => plan(set([rayService()]), set([head]), { kuberayVersion: '1.6' })).not.toThrow();
  });
});

describe('what the API server refuses is refused by the plan', () => {
  it.each(CASES)('%s', (_name, baseEdit, headEdit, version, refusal) => {
    const base = rayService(baseEdit);
    const head = structuredClone(base);
    headEdit(head);
    const run = () => plan(set([base]), set([head]), { kuberayVersion: version });
    if (!refusal) {
      expect(run).not.toThrow();
      return;
    }
    expect(run).toThrow(InputError);
    expect(run).toThrow(refusal);
  });

  it('names the manifest line of the refused field', () => {
    const head = toYaml(rayService()).replace('rayVersion: 2.44.1', 'rayVersion: 2.44.1\n    enableInTreeAutoscaling: "yes"');
    const line = head.split('\n').findIndex((l) => l.includes('enableInTreeAutoscaling')) + 1;
    expect(() => plan(set([rayService()]), setFromText(head), { kuberayVersion: '1.6' })).toThrow(
      new RegExp(`^manifests\\.yaml:${line}: spec\\.rayClusterConfig\\.enableInTreeAutoscaling: must be a boolean`),
    );
  });

  it('an unquoted yes where a string belongs is a YAML 1.1 boolean, refused as kubectl would send it', () => {
    const head = toYaml(rayService()).replace('rayVersion: 2.44.1', 'rayVersion: yes');
    expect(() => plan(set([rayService()]), setFromText(head), { kuberayVersion: '1.6' })).toThrow(/rayVersion: must be a string, not the boolean true/);
  });
});
