/**
 * Watching a RayService rollout, as pure functions (in the manner of kstatus): an adapter feeds
 * snapshots of the RayService, its RayClusters, their Pods and the Events about them, and prints
 * the progress lines and the verdict. Nothing here does I/O or reads a clock.
 *
 * The adapter's side of the contract:
 * - startRollout right after the apply, with the generation it returned (G) and the active cluster
 *   read before it (A); a 'none' / 'ignored' change gets its verdict at once.
 * - observe on every change it sees, in order, with the time at which the snapshot was true;
 *   buildSnapshot makes that snapshot from the objects it holds.
 * - checkTime every few seconds: grace periods, the settle window and the deadline run out without
 *   any new snapshot. It assumes that the last snapshot still holds, so call it only while the view
 *   is live (a watch connected, or a fresh poll).
 * - Stop at the first step that carries a verdict; print renderVerdict(verdict) or build markdown
 *   from its parts.
 *
 * The rules (checked against the operator source) are in predicates.ts (when it is done) and
 * judge.ts (when to give up early); progress.ts says what changed. Each is a function of one
 * RolloutState: observe and checkTime map (state, event) → state.
 */
export { startRollout, observe, checkTime, DEFAULTS } from './machine.js';
export { buildSnapshot, type WatchedObjects } from './snapshot.js';
export { healthOf } from './health.js';
export { rayServiceView, specChangedAt } from './from-objects.js';
export { renderLine, renderTimeline, renderVerdict, renderDiagnosis, formatDuration } from './render.js';
export type * from './types.js';
