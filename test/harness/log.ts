// Where the harness's own components (simulator, informers) report trouble: a line logger, by default
// stderr, in a control plane the file logs/simulator.log (tests stay quiet; failures print its tail).
import { appendFileSync } from 'node:fs';

export type Logger = (message: string) => void;

export const stderrLogger: Logger = (m) => process.stderr.write(`[harness] ${m}\n`);

export function fileLogger(path: string): Logger {
  return (m) => {
    try {
      appendFileSync(path, `${new Date().toISOString()} ${m}\n`);
    } catch {
      // the temp dir is gone (teardown): nothing left to log to
    }
  };
}
