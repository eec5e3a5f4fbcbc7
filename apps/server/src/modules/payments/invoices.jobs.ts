import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { defineJob, type JobDef } from '../../jobs/queue.ts';
import { issueInvoice } from './einvoice/issue.ts';
import { invoiceIssueJob, invoiceSweepJob, type InvoiceIssueData } from './einvoice/jobs-def.ts';

/** a platform that answered "pending" is asked again after this long */
const POLL_SECONDS = 30;

/**
 * The invoices' jobs (bootstrap lists them): `invoice-issue` issues one invoice (singletonKey = its
 * id; a pending answer re-queues it), `invoice-sweep` every 5 minutes re-queues invoices left in
 * requested/issuing for over 2 minutes (a lost job, a crash between the platform call and the commit).
 */
export function invoiceJobs(ctx: AppContext): JobDef<any>[] {
  return [
    defineJob<InvoiceIssueData>({
      ...invoiceIssueJob, batchSize: 10, retryLimit: 5,
      async handler(jobs) {
        for (const j of jobs) {
          const outcome = await issueInvoice(ctx, j.data.invoiceId);
          if (outcome === 'pending') await ctx.jobs?.send(invoiceIssueJob, { invoiceId: j.data.invoiceId }, { startAfter: POLL_SECONDS, singletonKey: `${j.data.invoiceId}:poll` });
        }
      },
    }),
    defineJob<object>({
      ...invoiceSweepJob, cron: '*/5 * * * *', retryLimit: 1,
      async handler() {
        const res: any = await ctx.database.db.execute(sql`select id from invoices
          where status in ('requested', 'issuing') and created_at < now() - interval '2 minutes' order by created_at limit 500`);
        for (const r of res.rows) await ctx.jobs?.send(invoiceIssueJob, { invoiceId: r.id }, { singletonKey: r.id });
      },
    }),
  ];
}
