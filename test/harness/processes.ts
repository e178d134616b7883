// Child processes of a control plane: each runs in its own process group, logs to a file, and is
// killed (with everything it started) on stop(), on this process's exit, and — through a watchdog shell —
// even when this process is SIGKILLed (a vitest timeout), so no etcd or apiserver outlives a test run.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logPath: string;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  readonly exited: Promise<number | string>;
  /** True until the process has exited. */
  running(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort for a normal exit of this process (an uncaught error, process.exit()): kill every group. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child.pid, 'SIGKILL');
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal); // negative pid: the whole process group (spawned with detached: true)
  } catch {
    // already gone
  }
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logDir: string;
  /** Directory where the pid is recorded for the watchdog (see startWatchdog). */
  pidDir: string;
}

export function startProcess(opts: StartOptions): ManagedProcess {
  installExitHook();
  mkdirSync(opts.logDir, { recursive: true });
  mkdirSync(opts.pidDir, { recursive: true });
  const logPath = join(opts.logDir, `${opts.name}.log`);
  // Append: a restarted apiserver keeps one log with both lives in it.
  const fd = openSync(logPath, 'a');
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    // Own process group: Ctrl-C in a terminal reaches only us, and we stop the components in order;
    // killing -pid takes down anything the component forked.
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  if (!child.pid) throw new Error(`could not start ${opts.name} (${opts.command})`);
  const pid = child.pid;
  live.add(child);
  const pidFile = join(opts.pidDir, opts.name);
  writeFileSync(pidFile, String(pid));

  let isRunning = true;
  const exited = new Promise<number | string>((resolvePromise) => {
    child.on('exit', (code, signal) => {
      isRunning = false;
      live.delete(child);
      rmSync(pidFile, { force: true });
      resolvePromise(code ?? signal ?? 'unknown');
    });
    child.on('error', () => {
      isRunning = false;
      live.delete(child);
      resolvePromise('spawn-error');
    });
  });

  return {
    name: opts.name,
    pid,
    logPath,
    exited,
    running: () => isRunning,
    async stop(graceMs = 5000) {
      if (!isRunning) return;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader is gone; make sure nothing it forked lingers in the group.
      killGroup(pid, 'SIGKILL');
    },
  };
}

/**
 * A detached shell that outlives us only long enough to clean up: it polls our pid every second and,
 * once we are gone, kills every process group recorded in `pidDir` and deletes `rootDir`.
 * Returns a function that stops the watchdog (after a normal teardown).
 */
export function startWatchdog(pidDir: string, rootDir: string): () => void {
  const script = `
parent=$1; piddir=$2; root=$3
while kill -0 "$parent" 2>/dev/null; do sleep 1; done
for f in "$piddir"/*; do [ -f "$f" ] && kill -TERM -"$(cat "$f")" 2>/dev/null; done
sleep 2
for f in "$piddir"/*; do [ -f "$f" ] && kill -KILL -"$(cat "$f")" 2>/dev/null; done
rm -rf "$root"
`;
  const child = spawn('sh', ['-c', script, 'rsr-watchdog', String(process.pid), pidDir, rootDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return () => killGroup(child.pid, 'SIGKILL');
}

/** The last `lines` lines of a log file ('' if it does not exist). */
export function tailFile(path: string, lines = 30, maxBytes = 64 * 1024): string {
  try {
    const size = statSync(path).size;
    const fd = openSync(path, 'r');
    try {
      const start = Math.max(0, size - maxBytes);
      const buf = Buffer.alloc(size - start);
      readSyncFully(fd, buf, start);
      return buf
        .toString('utf8')
        .split('\n')
        .slice(-lines - 1)
        .join('\n');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

function readSyncFully(fd: number, buf: Buffer, position: number): void {
  // readFileSync cannot start at an offset; a tiny loop over readSync keeps the tail cheap for big logs.
  let off = 0;
  while (off < buf.length) {
    const n = readSync(fd, buf, off, buf.length - off, position + off);
    if (n <= 0) break;
    off += n;
  }
}

/** The whole log file ('' if missing): for assertions on what a component printed. */
export function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
