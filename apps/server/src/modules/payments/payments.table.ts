import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { rooms } from '../estate/estate.table.ts';
import { feeItems } from '../billing/billing.table.ts';
import { bills, ledgerComponents } from '../billing/ledger.table.ts';
import { id, createdAt } from '../../db/columns.ts';

/** mirror the contracts' value lists in @wuye/shared (tables do not import the contracts) */
export const paymentChannels = ['cash', 'transfer', 'pos', 'online'] as const;
export const payProviders = ['sandbox', 'wechat', 'alipay'] as const;
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 收款: money received for one room, at the counter or online. It pays bills (its allocations, each a
 * `payment` entry on the bill's receivable) and may put the rest into prepaid (`prepay_deposit`).
 * Written with its allocations, entries and receipt in one transaction; an online payment is unique per
 * provider transaction id, so a notification replayed any number of times posts once.
 */
export const payments = pgTable('payments', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  channel: text('channel', { enum: paymentChannels }).notNull(),
  provider: text('provider', { enum: payProviders }),
  providerTxnId: text('provider_txn_id'),
  orderId: uuid('order_id'),
  /** money received = billsFen + prepaidFen */
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  billsFen: bigint('bills_fen', { mode: 'number' }).notNull(),
  prepaidFen: bigint('prepaid_fen', { mode: 'number' }).notNull().default(0),
  /** the prepaid earmark the remainder went to (null = general) */
  prepaidFeeItemId: uuid('prepaid_fee_item_id').references(() => feeItems.id),
  /** cash handed over and change given (cash only) */
  tenderedFen: bigint('tendered_fen', { mode: 'number' }),
  changeFen: bigint('change_fen', { mode: 'number' }),
  /** bank reference, POS voucher number … */
  reference: text('reference'),
  payerName: text('payer_name'),
  note: text('note'),
  /** business date (Asia/Shanghai) of its ledger entries */
  businessDate: date('business_date', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['posted', 'voided'] }).notNull().default('posted'),
  /** Σ of its succeeded refunds (a voided payment refunds nothing) */
  refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
  voidReason: text('void_reason'),
  voidedBy: uuid('voided_by'),
  voidedAt: ts('voided_at'),
  /** the cashier (null for an online payment) */
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('payments_provider_txn_uq').on(t.provider, t.providerTxnId),
  index('payments_room_idx').on(t.companyId, t.roomId, t.createdAt),
  index('payments_project_day_idx').on(t.companyId, t.projectId, t.businessDate),
  index('payments_cashier_idx').on(t.companyId, t.createdBy, t.createdAt),
  check('payments_amount', sql`${t.amountFen} > 0 and ${t.billsFen} >= 0 and ${t.prepaidFen} >= 0 and ${t.amountFen} = ${t.billsFen} + ${t.prepaidFen}`),
  check('payments_refunded', sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.amountFen}`),
  check('payments_online', sql`(${t.channel} = 'online') = (${t.provider} is not null and ${t.providerTxnId} is not null)`),
  check('payments_void_reason', sql`${t.status} = 'posted' or ${t.voidReason} is not null`),
]);

/** What a payment paid on one bill component; `entryId` is its `payment` entry. `refundedFen` = Σ refunded from it. */
export const paymentAllocations = pgTable('payment_allocations', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  paymentId: uuid('payment_id').notNull().references(() => payments.id),
  billId: uuid('bill_id').notNull().references(() => bills.id),
  component: text('component', { enum: ledgerComponents }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
  entryId: uuid('entry_id').notNull(),
}, (t) => [
  index('payment_allocations_payment_idx').on(t.companyId, t.paymentId),
  index('payment_allocations_bill_idx').on(t.companyId, t.billId),
  check('payment_allocations_amount', sql`${t.amountFen} > 0 and ${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.amountFen}`),
]);

/**
 * The receipt counter of a project and year, locked (`UPDATE … RETURNING`) in the transaction that
 * issues the receipt: a payment that rolls back takes its number back with it, so numbers have no gaps.
 */
export const receiptCounters = pgTable('receipt_counters', {
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.companyId, t.projectId, t.year] })]);

/** 收据: one per payment; a voided payment's receipt keeps its number and says 作废. */
export const receipts = pgTable('receipts', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  paymentId: uuid('payment_id').notNull().references(() => payments.id),
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  /** e.g. SJ-YG-2026-000123 */
  number: text('number').notNull(),
  status: text('status', { enum: ['issued', 'voided'] }).notNull().default('issued'),
  /** how many times it was printed; every print after the first is marked 副本 */
  printCount: integer('print_count').notNull().default(0),
  voidReason: text('void_reason'),
  voidedAt: ts('voided_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('receipts_seq_uq').on(t.companyId, t.projectId, t.year, t.seq),
  uniqueIndex('receipts_payment_uq').on(t.paymentId),
]);

/**
 * An online payment order (支付订单) for a room: the bills it is meant to pay (oldest first) and an
 * optional prepaid top-up. When the provider says it is paid, one payment is posted (unique
 * `payment_id`); bills paid meanwhile at the counter leave the money in prepaid instead.
 */
export const paymentOrders = pgTable('payment_orders', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  outTradeNo: text('out_trade_no').notNull(),
  provider: text('provider', { enum: payProviders }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  billIds: uuid('bill_ids').array().notNull().default(sql`'{}'::uuid[]`),
  prepaidFen: bigint('prepaid_fen', { mode: 'number' }).notNull().default(0),
  prepaidFeeItemId: uuid('prepaid_fee_item_id'),
  description: text('description').notNull(),
  payUrl: text('pay_url'),
  status: text('status', { enum: ['pending', 'paid', 'closed'] }).notNull().default('pending'),
  expiresAt: ts('expires_at').notNull(),
  providerTxnId: text('provider_txn_id'),
  paymentId: uuid('payment_id'),
  paidAt: ts('paid_at'),
  closedAt: ts('closed_at'),
  queryCount: integer('query_count').notNull().default(0),
  lastQueriedAt: ts('last_queried_at'),
  /** the resident (or staff) who started it */
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('payment_orders_out_trade_no_uq').on(t.outTradeNo),
  uniqueIndex('payment_orders_payment_uq').on(t.paymentId),
  index('payment_orders_room_idx').on(t.companyId, t.roomId, t.createdAt),
  index('payment_orders_pending_idx').on(t.expiresAt).where(sql`status = 'pending'`),
  check('payment_orders_amount', sql`${t.amountFen} > 0 and ${t.prepaidFen} >= 0 and ${t.prepaidFen} <= ${t.amountFen}`),
]);

/**
 * Every notification that reached the callback endpoint, whatever became of it: posted, a duplicate,
 * or refused (bad signature, wrong amount, unknown order …). The refused ones are what reconciliation
 * looks at first.
 */
export const paymentNotifications = pgTable('payment_notifications', {
  id: id(),
  companyId: uuid('company_id'),
  provider: text('provider', { enum: payProviders }).notNull(),
  kind: text('kind', { enum: ['payment', 'refund'] }).notNull().default('payment'),
  outTradeNo: text('out_trade_no'),
  providerTxnId: text('provider_txn_id'),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  verdict: text('verdict', { enum: ['posted', 'duplicate', 'refund_updated', 'bad_signature', 'merchant_mismatch', 'malformed', 'amount_mismatch', 'unknown_order', 'not_success', 'error'] }).notNull(),
  detail: text('detail'),
  orderId: uuid('order_id'),
  paymentId: uuid('payment_id'),
  headers: jsonb('headers'),
  body: text('body'),
  receivedAt: ts('received_at').notNull().defaultNow(),
}, (t) => [
  index('payment_notifications_txn_idx').on(t.provider, t.providerTxnId),
  index('payment_notifications_received_idx').on(t.receivedAt),
]);

/**
 * 退款: money paid back out, from a payment (its prepaid part first, then its allocations newest first,
 * or the allocations named), from a prepaid balance or from a deposit (押金). Requested, then approved
 * by someone else; an online payment's refund goes back through its provider (processing until the
 * provider says so), otherwise it is cash or a transfer. Entries are posted when it succeeds.
 */
export const refunds = pgTable('refunds', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  source: text('source', { enum: ['payment', 'prepaid', 'deposit'] }).notNull(),
  paymentId: uuid('payment_id').references(() => payments.id),
  /** prepaid earmark / deposit fee item */
  feeItemId: uuid('fee_item_id'),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  /** original = back through the payment's provider */
  channel: text('channel', { enum: ['original', 'cash', 'transfer'] }).notNull(),
  status: text('status', { enum: ['requested', 'approved', 'processing', 'succeeded', 'rejected', 'failed'] }).notNull().default('requested'),
  reason: text('reason').notNull(),
  outRefundNo: text('out_refund_no').notNull(),
  providerRefundId: text('provider_refund_id'),
  failReason: text('fail_reason'),
  /** what it takes back: [{ allocationId | 'prepaid', amountFen }] */
  lines: jsonb('lines').notNull().default(sql`'[]'::jsonb`),
  requestedBy: uuid('requested_by'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  completedAt: ts('completed_at'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('refunds_out_refund_no_uq').on(t.outRefundNo),
  index('refunds_project_idx').on(t.companyId, t.projectId, t.createdAt),
  index('refunds_payment_idx').on(t.companyId, t.paymentId),
  check('refunds_amount', sql`${t.amountFen} > 0`),
  check('refunds_payment', sql`(${t.source} = 'payment') = (${t.paymentId} is not null)`),
]);

/** 发票: a blue invoice for payments, or the red-letter (红字) invoice that reverses one. */
export const invoices = pgTable('invoices', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  kind: text('kind', { enum: ['blue', 'red'] }).notNull().default('blue'),
  /** the blue invoice a red one reverses */
  redOf: uuid('red_of'),
  status: text('status', { enum: ['requested', 'issuing', 'issued', 'failed', 'reversed'] }).notNull().default('requested'),
  buyerType: text('buyer_type', { enum: ['personal', 'company'] }).notNull().default('personal'),
  buyerName: text('buyer_name').notNull(),
  buyerTaxId: text('buyer_tax_id'),
  buyerEmail: text('buyer_email'),
  /** tax included; red invoices are negative */
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  taxFen: bigint('tax_fen', { mode: 'number' }).notNull().default(0),
  /** per fee item: [{ feeItemId, name, invoiceCategory, taxRateBp, amountFen, taxFen }] */
  lines: jsonb('lines').notNull().default(sql`'[]'::jsonb`),
  invoiceNo: text('invoice_no'),
  checkCode: text('check_code'),
  fileId: uuid('file_id'),
  providerRef: text('provider_ref'),
  failReason: text('fail_reason'),
  requestedBy: uuid('requested_by'),
  issuedAt: ts('issued_at'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('invoices_project_idx').on(t.companyId, t.projectId, t.createdAt),
  index('invoices_room_idx').on(t.companyId, t.roomId, t.createdAt),
  uniqueIndex('invoices_red_of_uq').on(t.redOf),
]);

/** Which payments an invoice covers; a payment is on at most one live blue invoice (`active`). */
export const invoicePayments = pgTable('invoice_payments', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  paymentId: uuid('payment_id').notNull().references(() => payments.id),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  active: boolean('active').notNull().default(true),
}, (t) => [
  index('invoice_payments_invoice_idx').on(t.companyId, t.invoiceId),
  uniqueIndex('invoice_payments_active_uq').on(t.paymentId).where(sql`active`),
]);

/** 催缴规则: remind rooms owing at least `minAmountFen` for `daysOverdue` days, again every `repeatDays`. */
export const reminderRules = pgTable('reminder_rules', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  name: text('name').notNull(),
  daysOverdue: integer('days_overdue').notNull(),
  minAmountFen: bigint('min_amount_fen', { mode: 'number' }).notNull().default(0),
  repeatDays: integer('repeat_days').notNull(),
  channels: text('channels').array().notNull().default(sql`'{inapp}'::text[]`),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('reminder_rules_project_idx').on(t.companyId, t.projectId),
  check('reminder_rules_numbers', sql`${t.daysOverdue} >= 0 and ${t.repeatDays} >= 1 and ${t.minAmountFen} >= 0`),
]);

/** 催缴记录: one reminder to one room (by the job under a rule, or by staff in a batch). */
export const reminders = pgTable('reminders', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  ruleId: uuid('rule_id'),
  batchId: uuid('batch_id'),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  billCount: integer('bill_count').notNull(),
  /** [{ billId, feeItemName, period, dueDate, outstandingFen }] */
  bills: jsonb('bills').notNull().default(sql`'[]'::jsonb`),
  channels: text('channels').array().notNull(),
  /** how many resident users it reached (0 = nobody bound: print the 催缴通知单) */
  recipients: integer('recipients').notNull().default(0),
  sentBy: uuid('sent_by'),
  sentAt: ts('sent_at').notNull().defaultNow(),
}, (t) => [
  index('reminders_room_idx').on(t.companyId, t.roomId, t.sentAt),
  index('reminders_project_idx').on(t.companyId, t.projectId, t.sentAt),
]);

/** 对账: one imported provider statement (a day's CSV) and what matching it found. */
export const statementImports = pgTable('statement_imports', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  provider: text('provider', { enum: payProviders }).notNull(),
  statementDate: date('statement_date', { mode: 'string' }).notNull(),
  fileName: text('file_name').notNull(),
  rowCount: integer('row_count').notNull(),
  matched: integer('matched').notNull().default(0),
  missing: integer('missing').notNull().default(0),
  extra: integer('extra').notNull().default(0),
  mismatched: integer('mismatched').notNull().default(0),
  matchedFen: bigint('matched_fen', { mode: 'number' }).notNull().default(0),
  status: text('status', { enum: ['open', 'reconciled'] }).notNull().default('open'),
  reconciledBy: uuid('reconciled_by'),
  reconciledAt: ts('reconciled_at'),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('statement_imports_day_idx').on(t.companyId, t.provider, t.statementDate),
]);

/**
 * A statement line or one of our payments that did not match: `missing` = ours, not in the statement;
 * `extra` = the statement's, not ours; `amount_mismatch` = both, different amounts. Matched rows are counted, not stored.
 */
export const statementItems = pgTable('statement_items', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  importId: uuid('import_id').notNull().references(() => statementImports.id),
  kind: text('kind', { enum: ['missing', 'extra', 'amount_mismatch'] }).notNull(),
  providerTxnId: text('provider_txn_id'),
  outTradeNo: text('out_trade_no'),
  ourAmountFen: bigint('our_amount_fen', { mode: 'number' }),
  theirAmountFen: bigint('their_amount_fen', { mode: 'number' }),
  paymentId: uuid('payment_id'),
  resolved: boolean('resolved').notNull().default(false),
  note: text('note'),
}, (t) => [index('statement_items_import_idx').on(t.companyId, t.importId)]);

/** 交班: a cashier's hand-over, the totals of their payments since the previous one. */
export const cashierShifts = pgTable('cashier_shifts', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  cashierId: uuid('cashier_id').notNull(),
  fromAt: ts('from_at').notNull(),
  toAt: ts('to_at').notNull(),
  /** { byChannel: { cash: fen … }, count, refundsFen, voidsFen } */
  totals: jsonb('totals').notNull(),
  cashCountedFen: bigint('cash_counted_fen', { mode: 'number' }),
  handedTo: uuid('handed_to'),
  note: text('note'),
  createdAt: createdAt(),
}, (t) => [index('cashier_shifts_cashier_idx').on(t.companyId, t.cashierId, t.toAt)]);

/**
 * The sandbox payment provider's own books (it stands in for WeChat Pay / Alipay, inside the product):
 * its orders as the provider sees them, with the faults a tester asked for.
 */
export const sandboxPayOrders = pgTable('sandbox_pay_orders', {
  id: id(),
  merchantId: text('merchant_id').notNull(),
  outTradeNo: text('out_trade_no').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  description: text('description').notNull(),
  notifyUrl: text('notify_url').notNull(),
  returnUrl: text('return_url'),
  status: text('status', { enum: ['NOTPAY', 'SUCCESS', 'CLOSED', 'REFUND'] }).notNull().default('NOTPAY'),
  transactionId: text('transaction_id'),
  /** { duplicates?: n, delaySeconds?: n, wrongAmount?: bool, badSignature?: bool, silent?: bool } */
  faults: jsonb('faults'),
  expiresAt: ts('expires_at').notNull(),
  paidAt: ts('paid_at'),
  notifyAttempts: integer('notify_attempts').notNull().default(0),
  notifiedAt: ts('notified_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('sandbox_pay_orders_out_trade_no_uq').on(t.outTradeNo)]);

export const sandboxPayRefunds = pgTable('sandbox_pay_refunds', {
  id: id(),
  outRefundNo: text('out_refund_no').notNull(),
  outTradeNo: text('out_trade_no').notNull(),
  refundId: text('refund_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  status: text('status', { enum: ['PROCESSING', 'SUCCESS', 'ABNORMAL'] }).notNull().default('SUCCESS'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('sandbox_pay_refunds_out_refund_no_uq').on(t.outRefundNo)]);
