// A bill-run worker in its own process, for the crash test: it works the run slowly (a pause after
// each chunk) so the test can kill -9 it between chunks — or in the middle of one.
import { openPg } from '../../src/db/client.ts';
import { workRun } from '../../src/modules/billing/run-work.ts';

const database = openPg(process.env.DATABASE_URL!, 2);
await workRun(database, process.env.RUN_ID!, {
  chunkSize: Number(process.env.CHUNK ?? 50),
  onChunk: () => new Promise((r) => setTimeout(r, Number(process.env.PAUSE_MS ?? 30))),
});
await database.close();
