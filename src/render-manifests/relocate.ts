/**
 * A plan made from rendered output names lines of that output; where kustomize said where they
 * came from, point them back to the source files instead: the service to the file its RayService
 * was read from, each change to the file and line that set it (the overlay's patch or the base).
 */
import { InputError } from '../manifests/input-error.js';
import type { FieldChange, Plan, ServicePlan } from '../planner/types.js';
import { serviceKey } from '../util/objects.js';
import type { RenderedSide } from './rendered.js';

export function relocatePlan(plan: Plan, base: RenderedSide, head: RenderedSide): Plan {
  return { ...plan, services: plan.services.map((s) => relocateService(s, base, head)) };
}

function relocateService(s: ServicePlan, base: RenderedSide, head: RenderedSide): ServicePlan {
  const side = s.change === 'delete' ? base : head;
  const file = side.origins.get(serviceKey(s)) ?? s.file;
  const changes = s.changes.map((c) => relocateChange(c, file, removed(c) ? base : head));
  return { ...s, file, changes };
}

/** A removal's line is the base's (FieldChange.line). */
const removed = (c: FieldChange) => c.to === null;

function relocateChange(c: FieldChange, serviceFile: string, side: RenderedSide): FieldChange {
  if (c.line === null) return c;
  const at = side.lines.get(c.line);
  const { file: _file, ...rest } = c;
  if (!at) return serviceFile === side.renderedName ? rest : { ...rest, file: side.renderedName };
  return at.file === serviceFile ? { ...rest, line: at.line } : { ...rest, line: at.line, file: at.file };
}

/** A refusal that names a rendered line names the source line instead, where known. */
export function relocateError(e: unknown, sides: readonly RenderedSide[]): unknown {
  if (!(e instanceof InputError) || e.line === undefined) return e;
  const side = sides.find((s) => s.renderedName === e.file);
  const at = side?.lines.get(e.line);
  return at ? new InputError(at.file, at.line, e.field, e.problem, e.hint) : e;
}
