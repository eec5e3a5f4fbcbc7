// A delivery worker in its own process, so a test can kill -9 it in the middle of a batch.
import { openPg } from '../../db/client.ts';
import { makeDeliverHandler } from './deliver.job.ts';
import { SandboxProvider } from './providers.ts';

const database = openPg(process.env.WORKER_DATABASE_URL!, 4);
const sms = new SandboxProvider('sms', database);
sms.delayMs = 150;
process.send?.('ready');
await makeDeliverHandler(database, { sms })(600_000);
process.send?.('done');
