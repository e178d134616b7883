/**
 * Before the workflow tests: build (on a fresh machine, about 5 minutes on 2 cores) or locate the
 * act runner, once, outside any test hook, with progress.
 */
import { resolveAct } from './act.js';

export default async function buildAct(): Promise<void> {
  const started = Date.now();
  const heartbeat = setInterval(() => process.stderr.write(`[testbin] still building act (${Math.round((Date.now() - started) / 60_000)} min)\n`), 60_000);
  try {
    await resolveAct();
  } finally {
    clearInterval(heartbeat);
  }
}
