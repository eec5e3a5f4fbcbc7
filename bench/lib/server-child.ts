// Entry point of a server child process (see server.ts): runs the spec's start function and
// answers `stop` over IPC. Exits when the parent goes away, so no server outlives a benchmark.
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from './server.ts';

const spec: ServerSpec = JSON.parse(process.env.BENCH_SERVER_SPEC ?? 'null');
process.on('disconnect', () => process.exit(1));

try {
  const mod = await import(pathToFileURL(spec.module).href);
  const started: { port: number; close(): Promise<void> } = await mod[spec.name](spec.options);
  process.on('message', async (m: any) => {
    if (m?.type !== 'stop') return;
    await started.close().catch((err) => console.error(`${spec.label}: close failed`, err));
    process.exit(0);
  });
  process.send!({ type: 'ready', port: started.port });
} catch (err) {
  console.error(err);
  process.send!({ type: 'error', message: err instanceof Error ? err.message : String(err) }, () => process.exit(1));
}
