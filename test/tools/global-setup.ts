/**
 * Before the tools suites: build (first use: a few minutes on 2 cores) or locate kustomize, helm and
 * the health-rule interpreters, once, outside any test hook, with progress.
 */
import { resolveTools } from './binaries.js';

export default function buildTools(): void {
  const started = Date.now();
  resolveTools();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (seconds > 5) process.stderr.write(`[testbin] kustomize, helm and health-rules ready after ${seconds} s\n`);
}
