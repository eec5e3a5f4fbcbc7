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
  },
};
