import type { WoH5Catalogue } from '../zh-CN/woH5.ts';

/** English catalogue, work-order part: woH5 (same keys as zh-CN). */
export const woH5Text: WoH5Catalogue = {
  woH5: {
    title: 'Work orders',
    status: {
      submitted: 'Awaiting dispatch', assigned: 'Assigned', accepted: 'Accepted', in_progress: 'In progress', paused: 'Paused',
      completed: 'Completed', confirmed: 'Rated', closed: 'Closed', cancelled: 'Cancelled',
    },
    type: { repair: 'Repair', complaint: 'Complaint', suggestion: 'Suggestion', inquiry: 'Inquiry', praise: 'Praise' },
    priority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    area: { private: 'In my home', public: 'Public area' },
    event: {
      submit: 'Submitted', assign: 'Assigned', grab: 'Grabbed', transfer: 'Transferred', accept: 'Accepted', reject: 'Handed back', start: 'Started',
      pause: 'Paused', resume: 'Resumed', quote: 'Quoted', accept_quote: 'Quote accepted', decline_quote: 'Quote declined', complete: 'Completed',
      confirm: 'Confirmed and rated', reopen: 'Reopened', close: 'Closed', cancel: 'Cancelled', revisit: 'Revisit',
      dispatch_suggested: 'Dispatch suggestion', dispatch_failed: 'Automatic dispatch failed', sla_warning: 'Deadline warning', sla_escalated: 'Escalated',
    },
    action: {
      grab: 'Grab', accept: 'Accept', reject: 'Hand back', start: 'Start', pause: 'Pause', resume: 'Resume', quote: 'Quote', complete: 'Complete',
      accept_quote: 'Accept quote', decline_quote: 'Decline quote', confirm: 'Confirm and rate', reopen: 'Not fixed — reopen', cancel: 'Cancel request',
    },
    actions: { title: 'Actions', ok: 'OK' },
    pause: { reason: 'Reason', parts: 'Waiting for parts', resident: 'Waiting for resident', other: 'Other' },
    note: {
      required: 'Please add a note', optional: 'Note (optional)', reject: 'Why hand it back', cancel: 'Why cancel', reopen: 'What is still wrong?',
      decline_quote: 'Why decline (optional)', confirm: 'Note', accept_quote: 'Note (optional)',
    },
    quote: {
      proposed: 'The technician quoted; please confirm', acceptHint: 'Accepting charges ¥{{amount}}, billed to the room when the work is done.',
      amount: 'Amount (yuan)', amountRequired: 'Enter an amount', amountInvalid: 'An amount above 0 with at most 2 decimals',
      accepted: 'Accepted', declined: 'Declined',
    },
    confirm: { rating: 'Satisfaction', comment: 'Comment (optional)' },
    complete: { photos: 'Photos after', materials: 'Materials used', labour: 'Labour (minutes)' },
    photos: { add: 'Camera / album', remove: 'Remove photo' },
    time: { dh: '{{d}} d {{h}} h', hm: '{{h}} h {{m}} min', m: '{{m}} min', left: '{{span}} left', overdue: 'overdue by {{span}}' },
    deadline: { response: 'Accept by', complete: 'Complete by' },
    timeline: { title: 'Progress', amount: 'Amount ¥{{amount}}', to: 'Assignee: {{name}}' },
    fact: {
      status: 'Status', category: 'Type', where: 'Location', slot: 'Preferred time', assignee: 'Assignee', unassigned: 'Not assigned yet',
      created: 'Reported', completed: 'Completed', materials: 'Materials', labour: 'Labour', minutes: '{{n}} min', quote: 'Quote', rating: 'Rating',
      navigate: 'Navigate', openMap: 'Open in Amap', contact: 'Contact', call: 'Call', equipment: 'Equipment',
    },
    faq: { title: 'Does one of these answer your question?', stillReport: 'Report anyway', solved: 'Solved, no need to report' },
    form: {
      type: 'Type', category: 'Category', categoryHint: 'Choose a category', categoryRequired: 'Choose a category', chargeable: 'paid',
      area: 'Where', room: 'Home', roomRequired: 'Choose a home', project: 'Community', location: 'Exact location',
      locationHint: 'e.g. lift lobby of building 3, east gate', locationRequired: 'Enter the location', description: 'Description',
      descriptionHint: 'Describe the problem so the technician brings the right tools and parts', descriptionRequired: 'Describe the problem',
      photos: 'Photos', slot: 'Preferred visit', slotHint: 'Optional: a date and a time window', slotOrder: 'The end must be after the start',
      phone: 'Contact phone',
    },
    report: {
      title: 'Report a problem', submit: 'Submit', fromQr: 'From a QR code', qrFacility: 'Scanned at: a public facility',
      qrRoomNotMine: 'This code belongs to a home you are not bound to; describe the location as a public area.',
      noRoom: 'Bind your home to report problems', bind: 'Bind my home',
    },
    mine: { title: 'My requests', new: 'Report', all: 'All', open: 'Open', done: 'Finished', none: 'No requests yet', more: 'Load more' },
    card: { title: 'Repairs & requests', report: 'Report', open: '{{n}} in progress', none: 'Nothing in progress', view: 'View my requests' },
    tasks: {
      title: 'My tasks', mine: 'My tasks', pool: 'Grab pool', none: 'No open tasks', poolEmpty: 'The grab pool is empty',
      summary: '{{n}} open, {{overdue}} overdue', view: 'View all tasks',
    },
    scan: {
      button: 'Scan', title: 'Scan a QR code', start: 'Open the camera', unsupported: 'This browser cannot scan with the camera; paste the code instead.',
      noCamera: 'The camera could not be opened (not allowed or none)', notOurs: 'Not a room or facility code of this system',
      paste: 'Or paste the code', pasteRequired: 'Paste the code', open: 'Open',
    },
    place: {
      room: 'Room {{code}}', facility: 'Facility: {{name}}', open: 'Open work orders', none: 'No open work orders here', report: 'Report a finding',
      submit: 'Submit (patrol finding)', notFound: 'Room or facility not found, or not in your projects',
    },
  },
};
