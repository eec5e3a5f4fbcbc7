/** the invoice jobs' names (their handlers are in ../invoices.jobs.ts; bootstrap lists them) */
export const invoiceIssueJob = { name: 'invoice-issue' } as const;
export const invoiceSweepJob = { name: 'invoice-sweep' } as const;
export interface InvoiceIssueData { invoiceId: string }
