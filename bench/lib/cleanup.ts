import { log } from './log.ts';

type Task = () => unknown;
const tasks: { name: string; fn: Task }[] = [];

/** Registers clean-up work (drop a database, stop a child); runs last-in first-out, on success, failure or Ctrl-C. */
export function onCleanup(name: string, fn: Task): () => void {
  const entry = { name, fn };
  tasks.push(entry);
  return () => {
    const i = tasks.indexOf(entry);
    if (i >= 0) tasks.splice(i, 1);
  };
}

let running: Promise<void> | undefined;
export function runCleanups(): Promise<void> {
  return (running ??= (async () => {
    while (tasks.length) {
      const t = tasks.pop()!;
      try {
        await t.fn();
      } catch (err) {
        log(`clean-up "${t.name}" failed:`, err instanceof Error ? err.message : err);
      }
    }
    running = undefined;
  })());
}

let installed = false;
export function installSignalHandlers() {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      log(`${signal}: cleaning up`);
      const force = setTimeout(() => process.exit(130), 20_000);
      force.unref();
      void runCleanups().finally(() => process.exit(130));
    });
  }
}
