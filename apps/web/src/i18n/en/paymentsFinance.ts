import type { PayFinanceCatalogue } from '../zh-CN/paymentsFinance.ts';

/** English catalogue, payments part: payFinance (same keys as zh-CN). */
export const paymentsFinanceText: PayFinanceCatalogue = {
  payFinance: {
    title: 'Payments',
    recon: {
      title: 'Reconciliation',
      intro: "Import a provider's statement for one day (WeChat Pay trade bill CSV, or a canonical CSV: provider_txn_id,out_trade_no,amount_yuan,paid_at,status); it is matched with our online payments by transaction id and amount.",
      upload: 'Import statement', provider: 'Provider', date: 'Statement date', file: 'Statement file', chooseFile: 'Choose a CSV file', submit: 'Import and match',
      fileRequired: 'Choose a statement file', fileErrors: 'The statement has errors; nothing was imported:', row: 'row {{row}}', column: 'column "{{column}}"',
      providers: { sandbox: 'Sandbox', wechat: 'WeChat Pay', alipay: 'Alipay' },
      result: 'Result', rows: 'Statement rows', matched: 'Matched', matchedFen: 'Matched amount (CNY)', missing: 'Ours, not theirs', extra: 'Theirs, not ours',
      mismatched: 'Amount differs', unresolved: 'To resolve', skipped: '{{n}} refund rows skipped',
      status: { open: 'Open', reconciled: 'Reconciled' },
      kind: { missing: 'Missing', extra: 'Extra', amount_mismatch: 'Amount mismatch' },
      txn: 'Provider txn id', outTradeNo: 'Merchant order no.', ours: 'Ours', theirs: 'Theirs', room: 'Room', project: 'Project', notifications: 'Notifications',
      note: 'Note', resolved: 'Resolved', resolve: 'Resolve', resolveTitle: 'Resolve difference', notePlaceholder: 'e.g. refunded offline, late callback posted…',
      reconcile: 'Mark day reconciled', reconcileConfirm: 'Mark this day reconciled? It cannot be changed or re-imported afterwards.', reconcileBlocked: '{{n}} differences still to resolve',
      reconciledBy: 'Reconciled by {{name}} at {{at}}', history: 'History', file_: 'File', createdBy: 'Imported by', createdAt: 'Imported at', open: 'Open',
      errorCodes: {
        unknown_header: 'Unknown header', not_csv: 'Not a valid CSV', bad_amount: 'Invalid amount', missing_txn_id: 'Missing transaction id', bad_txn_id: 'Invalid transaction id',
        bad_out_trade_no: 'Invalid order number', bad_time: 'Invalid time', bad_status: 'Invalid status', duplicate_txn_id: 'Duplicate transaction id', missing_columns: 'Too few columns',
        summary_count_mismatch: 'Summary count differs from the rows', rows_after_summary: 'Content after the summary', required: 'Required',
      },
    },
    reports: {
      title: 'Collection reports',
      tab: { daily: 'Daily report', shift: 'Shift hand-over', voucher: 'Accounting voucher' },
      project: 'Project', allProjects: 'All projects', date: 'Date', onlyMine: 'Only mine', exportXlsx: 'Export Excel', exportPdf: 'Export PDF',
      collected: 'Collected', voids: 'Voided', refunds: 'Refunded', net: 'Net', count: '{{n}} payments',
      byChannel: 'By channel', byFeeItem: 'By fee item', byCashier: 'By cashier', channel: 'Channel', amount: 'Amount', refundsCol: 'Refunds',
      feeItem: 'Fee item', principal: 'Principal', lateFee: 'Late fee', total: 'Total', cashier: 'Cashier', countCol: 'Count', prepaid: 'Prepaid',
      shift: {
        current: 'This shift', window: '{{from}} until now', taken: 'Taken', voids: 'Voided', refunds: 'Refunded', expectedCash: 'Cash expected',
        cashCounted: 'Cash counted (CNY)', cashInvalid: 'Enter an amount with at most 2 decimals', handedTo: 'Handed to', note: 'Note', submit: 'Hand over',
        done: 'Handed over', difference: 'Cash difference', over: 'Over', short: 'Short', even: 'Even', history: 'Hand-overs',
        from: 'From', to: 'To', none: '—',
      },
      voucher: {
        intro: 'A day exports as a provisional voucher (marked "not closed" while its month is open); a month only once it is closed. Debits and credits are summarised by account, fee item and channel, one voucher per project and period.',
        mode: 'Period', byDay: 'Day', byMonth: 'Month', month: 'Month', perDay: 'One voucher per day', export: 'Export voucher (Excel)',
        accounts: 'Default accounts: 1001 cash, 1002 bank, 1012xx other monetary funds, 1122 receivables, 2203 advances, 2241xx other payables (deposits / common income), 6001 main business income',
      },
    },
    reminders: {
      title: 'Arrears reminders',
      tab: { rules: 'Rules', batch: 'Remind now', history: 'History' },
      schedule: 'Every day at 10:00 (Beijing time) the enabled rules remind; a rule reminds a room at most once per repeat interval.',
      channel: { inapp: 'In-app', sms: 'SMS' },
      project: 'Project', pickProject: 'Pick a project (at the top or here) first', days: '{{n}} days', yuanUnit: 'CNY',
      rule: {
        create: 'New rule', edit: 'Edit rule', name: 'Name', daysOverdue: 'Days overdue', daysOverdueHelp: 'Remind once a bill is more than this many days past its due date (0 = as soon as overdue)',
        minAmount: 'Minimum owed (CNY)', minAmountHelp: "Remind when the room's overdue total (posted late fees included) reaches this; 0 = any amount", repeatDays: 'Repeat every (days)',
        repeatDaysHelp: 'The rule reminds the same room again only after this many days', channels: 'Channels', enabled: 'Enabled', lastSent: 'Last reminded', sentCount: 'Reminders sent',
        remove: 'Delete', removeConfirm: 'Delete the rule "{{name}}"? Reminders already sent are kept.', removed: 'Deleted', saved: 'Saved', none: 'No reminder rules yet',
      },
      batch: {
        building: 'Building', allBuildings: 'All buildings', minAmount: 'Minimum owed (CNY)', channels: 'Channels', preview: 'Find owing rooms', send: 'Remind now',
        sendSelected: 'Remind the {{n}} selected', confirm: 'Send reminders to {{rooms}} rooms (owing {{amount}} CNY in total)?', sent: '{{count}} rooms reminded, {{recipients}} people reached',
        unreached: '{{n}} rooms have no resident account bound and cannot be reached online: print their notices', summary: '{{rooms}} rooms owe {{amount}} CNY in total; {{unreachable}} have no resident bound',
        none: 'No owing rooms match', selectHint: 'Tick rooms to remind or print only those; with none ticked, every listed room', amountInvalid: 'Enter an amount with at most 2 decimals',
      },
      col: {
        room: 'Room', building: 'Building', bills: 'Bills', total: 'Owed (CNY)', oldest: 'Oldest due', residents: 'Residents bound', source: 'Source',
        manual: 'Manual', deletedRule: '(rule deleted)', channels: 'Channels', recipients: 'Reached', sentBy: 'By', sentAt: 'Sent at', system: 'System',
        fee: 'Fee item', period: 'Period', due: 'Due', principal: 'Principal', lateFee: 'Late fee', outstanding: 'Owed',
      },
      history: { from: 'From', to: 'To', reached: 'Reached', reachedYes: 'Reached', reachedNo: 'Not reached (print)', printPage: "Print notices for this page's unreached rooms" },
      print: 'Print notices', printing: 'Building the notices…', tooMany: 'At most {{n}} rooms per print: split by building',
    },
  },
};
