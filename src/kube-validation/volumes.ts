/**
 * Volumes and volume mounts as the API server validates them (Kubernetes 1.36, ValidateVolumes,
 * validateVolumeSource, ValidateVolumeMounts): a volume's name is a unique DNS-1123 label and it
 * has one source (none defaults to emptyDir); a mount names a valid volume, has a unique mountPath,
 * and its subPath / subPathExpr are relative paths without `..` (mountPath itself need not be
 * absolute on Linux). A volume with an error is left out of the set mounts may name, as in Go.
 */
import { isPlainObject } from '../util/objects.js';
import { child, type FieldPath, forbidden, index, invalid, notFound, type PodFieldError, required, duplicate } from './field-error.js';
import { dns1123LabelErrors } from './names.js';

/** The sources of corev1.VolumeSource, in validateVolumeSource's order. */
const SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'quobyte',
  'cephfs',
  'cinder',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'projected',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

export interface VolumeCheck {
  readonly errors: PodFieldError[];
  /** Names of the volumes that passed: what a volumeMount may name. */
  readonly valid: ReadonlySet<string>;
}

export function volumeErrors(volumes: unknown, at: FieldPath): VolumeCheck {
  const errors: PodFieldError[] = [];
  const valid = new Set<string>();
  for (const [i, v] of (Array.isArray(volumes) ? volumes : []).entries()) {
    const vol = isPlainObject(v) ? v : {};
    const p = index(at, i);
    const name = typeof vol.name === 'string' ? vol.name : '';
    const own = sourceErrors(vol, p);
    const namePath = child(p, 'name');
    if (name === '') own.push(required('pod.volume-name', namePath));
    else own.push(...dns1123LabelErrors(name).map((m) => invalid('pod.volume-name', namePath, name, m)));
    if (valid.has(name)) own.push(duplicate('pod.volume-name-duplicate', namePath, name));
    if (own.length === 0) valid.add(name);
    errors.push(...own);
  }
  return { errors, valid };
}

function sourceErrors(vol: Record<string, unknown>, p: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  let count = 0;
  for (const s of SOURCES) {
    if (vol[s] === undefined || vol[s] === null) continue;
    if (count++ > 0) errs.push(forbidden('pod.volume-sources', child(p, s), 'may not specify more than 1 volume type'));
  }
  return errs;
}

export function volumeMountErrors(mounts: unknown, volumes: ReadonlySet<string>, at: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  const paths = new Set<string>();
  for (const [i, m] of (Array.isArray(mounts) ? mounts : []).entries()) {
    const mnt = isPlainObject(m) ? m : {};
    const p = index(at, i);
    const name = typeof mnt.name === 'string' ? mnt.name : '';
    const mountPath = typeof mnt.mountPath === 'string' ? mnt.mountPath : '';
    if (name === '') errs.push(required('pod.volume-mount-name', child(p, 'name')));
    if (!volumes.has(name)) errs.push(notFound('pod.volume-mount-not-found', child(p, 'name'), name));
    if (mountPath === '') errs.push(required('pod.volume-mount-path', child(p, 'mountPath')));
    if (paths.has(mountPath)) errs.push(invalid('pod.volume-mount-path', child(p, 'mountPath'), mountPath, 'must be unique'));
    paths.add(mountPath);
    errs.push(...subPathErrors(mnt, p, at));
  }
  return errs;
}

/** Kubernetes names these two fields without the mount's index (`volumeMounts.subPath`): kept as it prints them. */
function subPathErrors(mnt: Record<string, unknown>, p: FieldPath, list: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  const subPath = typeof mnt.subPath === 'string' ? mnt.subPath : '';
  const expr = typeof mnt.subPathExpr === 'string' ? mnt.subPathExpr : '';
  const at = (name: string): FieldPath => ({ segments: child(p, name).segments, text: child(list, name).text });
  if (subPath) errs.push(...descendingPathErrors(subPath, at('subPath')));
  if (expr) {
    if (subPath) errs.push(invalid('pod.volume-mount-sub-path', child(p, 'subPathExpr'), expr, 'subPathExpr and subPath are mutually exclusive'));
    errs.push(...descendingPathErrors(expr, at('subPathExpr')));
  }
  return errs;
}

function descendingPathErrors(path: string, at: FieldPath): PodFieldError[] {
  const errs: PodFieldError[] = [];
  if (path.startsWith('/')) errs.push(invalid('pod.volume-mount-sub-path', at, path, 'must be a relative path'));
  if (path.split('/').includes('..')) errs.push(invalid('pod.volume-mount-sub-path', at, path, "must not contain '..'"));
  return errs;
}
