import type { PayH5Catalogue } from '../zh-CN/payH5.ts';

/** English catalogue, payments part: payH5 (same keys as zh-CN). */
export const payH5Text: PayH5Catalogue = {
  payH5: {
    title: 'Payments',
    channel: { cash: 'Cash', transfer: 'Transfer', pos: 'POS card', online: 'Online' },
    home: { prepay: 'Prepay', payments: 'My payments' },
    pay: {
      title: 'Pay bills', go: 'Pay now', none: 'No unpaid bills', all: 'All', dueBy: 'Due {{date}}', overdue: 'Overdue',
      total: '{{n}} selected, total', submit: 'Pay', noPayUrl: 'Payment is not available right now; try again later',
    },
    result: {
      paid: 'Paid ¥{{amount}}', receiptNo: 'Receipt no.', download: 'Download receipt', toBills: 'My bills', toPayments: 'My payments',
      pending: 'Waiting for the payment of ¥{{amount}}', pendingHint: 'This page updates when the payment is done', continue: 'Continue to pay',
      closed: 'Order closed', closedHint: 'The order expired unpaid; nothing was charged', again: 'Pay again',
    },
    prepay: {
      title: 'Prepay', hint: 'Prepaid money settles bills when they fall due; it may be kept for one fee item.',
      noRoom: 'Bind a room to prepay', room: 'Room', roomRequired: 'Choose a room', amount: 'Amount (CNY)', amountRequired: 'Enter an amount', amountInvalid: 'An amount above 0 with at most 2 decimals',
      earmark: 'For', earmarkHint: 'None: for any fee item', general: 'Any fee item', submit: 'Pay',
    },
    mine: { title: 'My payments', none: 'No payments yet', voided: 'Voided', refunded: 'Refunded ¥{{amount}}', receipt: 'Receipt', more: 'More' },
    invoices: {
      title: 'My invoices', request: 'Request an invoice', none: 'No invoices yet', more: 'Load more', red: 'Red', no: 'Invoice no.', pdf: 'Download',
      status: { requested: 'Requested', issuing: 'Issuing', issued: 'Issued', failed: 'Failed', reversed: 'Reversed' },
      pick: 'Choose payments', nothing: 'No payments to invoice', oneRoom: 'One invoice covers payments of one room; money put into prepaid is invoiced when it pays bills.',
      partly: 'Paid ¥{{amount}}; the prepaid or refunded part is not invoiced',
      buyer: 'Buyer', buyerType: 'Buyer type', type: { personal: 'Person', company: 'Company' },
      buyerName: 'Buyer name', buyerNameRequired: 'Please enter the buyer name',
      taxId: 'Tax id', taxIdRequired: 'A company buyer needs a tax id', taxIdInvalid: '15, 18 or 20 digits or capital letters',
      email: 'Email (optional)', emailInvalid: 'Not a valid email address',
      total: '{{count}} selected, to invoice', submit: 'Submit',
    },
  },
};
