/**
 * The planner's words, in one place: every reason, note and field note is produced as a rule id and
 * its data, and its English is rendered here from the catalogs beside this module. Modules decide on
 * ids and data, never on the text.
 */
import { type DataArgs, renderWords, type WordData } from '../../util/wording.js';
import type { Reason } from '../types.js';
import { FIELD_NOTES, type FieldNoteRule } from './field-notes.js';
import { NOTES, type NoteRule } from './notes.js';
import { OVERRIDDEN_AS, type OverridingRule, REASONS, type ReasonRule } from './reasons.js';

export { FIELD_NOTES, type FieldNoteRule } from './field-notes.js';
export { NOTES, type NoteRule, notOursWords, type NotOurs } from './notes.js';
export { SERVE_EFFECT_WORDS, type ServeApp, type WorkerGroupMoves } from './phrases.js';
export { OVERRIDDEN_AS, type OverridingRule, REASONS, type ReasonRule } from './reasons.js';

/** A reason of a plan: `reason('service.resume', { version })`. */
export function reason<R extends ReasonRule>(rule: R, ...data: DataArgs<typeof REASONS, R>): Reason & { readonly rule: R } {
  return { rule, ...renderWords(REASONS, rule, data) };
}

/** A note of a cluster-aware plan: `note('live.absent')`. */
export function note<R extends NoteRule>(rule: R, ...data: DataArgs<typeof NOTES, R>): Reason & { readonly rule: R } {
  return { rule, ...renderWords(NOTES, rule, data) };
}

/** The reasons of a plan another rule overrides, kept as what would otherwise happen, prefixed with that rule's words. */
export function overridden(reasons: readonly Reason[], by: OverridingRule): Reason[] {
  return reasons.map((r) => ({ rule: r.rule, data: r.data, text: `${OVERRIDDEN_AS[by]}: ${r.text}`, overriddenBy: by }));
}

/** The note of a field change (`rule` stays the field change's own; `service.setting.<key>` for every setting). */
export function fieldNote<R extends FieldNoteRule>(rule: R, ...data: DataArgs<typeof FIELD_NOTES, R>): { data: WordData; note: string } {
  const { data: d, text } = renderWords(FIELD_NOTES, rule, data);
  return { data: d, note: text };
}
