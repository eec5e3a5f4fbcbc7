import type { PayAfterCatalogue } from '../zh-CN/paymentsAfter.ts';

/** English catalogue, payments part: payAfter (same keys as zh-CN). */
export const paymentsAfterText: PayAfterCatalogue = {
  payAfter: {
    title: 'Payments',
    refunds: {
      title: 'Refunds and approvals',
      create: 'New refund',
      tab: { requested: 'To approve', processing: 'Processing', succeeded: 'Refunded', failed: 'Failed', rejected: 'Rejected', approved: 'Approved', all: 'All' },
      status: { requested: 'To approve', approved: 'Approved', processing: 'Processing', succeeded: 'Refunded', rejected: 'Rejected', failed: 'Failed' },
      source: { payment: 'Payment refund', prepaid: 'Prepaid refund', deposit: 'Deposit refund' },
      channel: { original: 'Original channel', cash: 'Cash', transfer: 'Transfer' },
      line: { allocation: 'Bill', prepaid: 'Prepaid', deposit: 'Deposit', principal: 'principal', late_fee: 'late fee' },
      col: {
        receipt: 'Receipt', room: 'Room', source: 'Type', amount: 'Amount', channel: 'Paid back by', reason: 'Reason', requestedBy: 'Requested by',
        decidedBy: 'Decided by', lines: 'Taken back from', failReason: 'Failure', project: 'Project',
      },
      approve: 'Approve', reject: 'Reject',
      approveTitle: 'Approve refund', rejectTitle: 'Reject refund',
      approveConfirm: 'Approve paying back ¥{{amount}} ({{channel}})? It is posted at once.',
      approveOriginal: 'Approve paying back ¥{{amount}}? It goes back through the original payment channel and is posted once the channel confirms.',
      note: 'Note', noteRequired: 'A rejection needs a note',
      approvedMsg: 'Approved and refunded', processingMsg: 'Sent to the payment channel; waiting for its confirmation', failedMsg: 'The channel refused the refund: {{reason}}', rejectedMsg: 'Rejected',
      forbidden: 'You cannot approve this refund',
      form: {
        byPayment: 'From a payment', byBalance: 'Prepaid / deposit',
        paymentSearch: 'Receipt no. or transaction id', paymentSearchHint: 'Type a receipt number and press Enter', noPayment: 'No such payment',
        paid: 'Paid', refunded: 'Refunded', toPrepaid: 'of which into prepaid', voided: 'This payment is voided and cannot be refunded',
        allocations: 'Bills to take back (optional)', allocationsHint: 'None chosen: the prepaid part first, then bills newest first',
        amount: 'Amount (¥)', amountInvalid: 'Enter an amount above 0 with at most 2 decimals',
        channel: 'Pay back by', originalOnlyOnline: 'Only online payments go back through the original channel',
        reason: 'Reason', reasonRequired: 'Give a reason',
        roomSearch: 'Room, owner name or phone', room: 'Room', balance: 'Balance', general: 'General prepaid', noBalance: 'This room holds no prepaid or deposit money',
        submit: 'Submit', submittedMsg: 'Refund requested; someone else approves it',
      },
    },
    invoices: {
      title: 'Invoices', detail: 'Invoice', create: 'Issue invoice', search: 'Invoice number or buyer', pdf: 'Download PDF', open: 'Open',
      retry: 'Issue again', retriedMsg: 'Sent for issuing again', failed: 'Issuing failed',
      redOf: 'Reverses blue invoice', reversedBy: 'Red invoice', lines: 'Lines', payments: 'Payments',
      status: { requested: 'Requested', issuing: 'Issuing', issued: 'Issued', failed: 'Failed', reversed: 'Reversed' },
      kind: { blue: 'Blue', red: 'Red' },
      buyerType: { personal: 'Person', company: 'Company' },
      col: {
        invoiceNo: 'Invoice no.', checkCode: 'Check code', kind: 'Kind', room: 'Room', project: 'Project', buyer: 'Buyer', amount: 'Total incl. tax', tax: 'Tax',
        issuedAt: 'Issued at', receipt: 'Receipt no.', businessDate: 'Paid on', channel: 'Channel', invoiced: 'Invoiced', paid: 'Paid',
        excluded: 'Not invoiced (prepaid / refunded)', invoiceable: 'Invoiceable',
      },
      line: { name: 'Item', net: 'Amount', rate: 'Tax rate', tax: 'Tax', total: 'Total incl. tax', sum: 'Total' },
      red: {
        action: 'Reverse', title: 'Reverse invoice', submit: 'Reverse', reason: 'Reason', reasonRequired: 'Please give a reason',
        explain: 'A red invoice will reverse blue invoice {{no}} in full ({{amount}} yuan); its payments can then be invoiced again.', doneMsg: 'Reversal requested',
      },
      form: {
        room: 'Room', roomSearch: 'Room code / owner name / phone', noPayments: 'This room has no payments to invoice', pickPayments: 'Tick the payments to invoice',
        total: '{{count}} selected, {{amount}} yuan to invoice', prepaidNote: 'Money put into prepaid is not invoiced here (it is invoiced when it pays bills).',
        buyerType: 'Buyer type', buyerName: 'Buyer name', buyerNameRequired: 'Please enter the buyer name',
        buyerTaxId: 'Tax id', taxIdHint: 'Required for companies: 15, 18 or 20 digits or capital letters', taxIdRequired: 'A company buyer needs a tax id', taxIdInvalid: 'A tax id has 15, 18 or 20 digits or capital letters',
        buyerEmail: 'Email', emailInvalid: 'Not a valid email address',
        submit: 'Request invoice', submittedMsg: 'Invoice requested', failedMsg: 'The platform could not issue it: see the reason',
      },
    },
  },
};
