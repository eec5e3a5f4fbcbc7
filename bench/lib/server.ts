import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.ts';
import { log, round } from './log.ts';
import { readRss, sampleRss } from './rss.ts';

const childEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-child.ts');

/**
 * What a server child runs: `module`'s export `name`, called with `options`, which must listen on
 * 127.0.0.1 and resolve to `{ port, close() }`. Options travel as JSON.
 */
export interface ServerSpec {
  label: string; module: string; name: string; options: Record<string, unknown>;
  /** extra Node flags for the child, e.g. ['--cpu-prof', '--cpu-prof-dir=…'] */
  execArgv?: string[];
}

export interface RunningServer {
  label: string;
  pid: number;
  url: string;
  /** starts sampling RSS (MB) for the measured window */
  sampleRss(): { stop(): { peakMb: number; samples: number } };
  /** closes the server (app.close, pools) and returns its lifetime peak RSS */
  stop(): Promise<{ hwmMb: number | null }>;
}

/**
 * Starts a server in its own Node process (tsx loader), so the load generator in this process
 * and the server under test never share an event loop.
 */
export async function startServer(spec: ServerSpec, timeoutMs = 180_000): Promise<RunningServer> {
  const child: ChildProcess = fork(childEntry, [], {
    execArgv: [...(spec.execArgv ?? []), '--import', import.meta.resolve('tsx')],
    env: { ...process.env, BENCH_SERVER_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Keep stdout clean for the JSON figures: whatever the server prints goes to stderr.
  child.stdout!.pipe(process.stderr);
  child.stderr!.pipe(process.stderr);
  let exited = false;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => { exited = true; resolve(code); }));
  const kill = () => { if (!exited) child.kill('SIGKILL'); };
  const forget = onCleanup(`stop ${spec.label}`, kill);

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => { kill(); reject(new Error(`${spec.label} did not start within ${timeoutMs / 1000}s`)); }, timeoutMs);
    child.on('message', (m: any) => {
      if (m?.type === 'ready') { clearTimeout(timer); resolve(m.port); }
      if (m?.type === 'error') { clearTimeout(timer); reject(new Error(`${spec.label} failed to start: ${m.message}`)); }
    });
    void exit.then((code) => { clearTimeout(timer); reject(new Error(`${spec.label} exited with code ${code} before it was ready`)); });
  });
  const pid = child.pid!;
  log(`${spec.label} listening on port ${port} (pid ${pid})`);

  return {
    label: spec.label,
    pid,
    url: `http://127.0.0.1:${port}`,
    sampleRss: () => sampleRss(pid),
    async stop() {
      const hwm = readRss(pid)?.hwmMb ?? null;
      if (!exited) child.send({ type: 'stop' });
      const timer = setTimeout(kill, 20_000);
      await exit;
      clearTimeout(timer);
      forget();
      return { hwmMb: hwm === null ? null : round(hwm, 0) };
    },
  };
}
