import type { Permission } from './permissions.ts';

/**
 * Built-in role templates copied into every new company. `projectScope` says how a membership
 * holding the role sees data: `company` = every project (HQ), `project` = assigned projects,
 * `assignee` = only what is assigned to the person, `own` = a resident's own rooms.
 */
export type RowScope = 'company' | 'project' | 'assignee' | 'own';

export interface RoleTemplate {
  code: string;
  scope: RowScope;
  permissions: readonly Permission[];
}

const readOnly: Permission[] = [
  'org.project.read', 'org.user.read', 'org.role.read', 'audit.read', 'notify.delivery.read', 'estate.read', 'billing.read', 'billing.report.read',
  'workorder.read', 'workorder.report.read', 'payment.read',
];
const allPayment: Permission[] = [
  'payment.read', 'payment.collect', 'payment.void', 'payment.refund.request', 'payment.refund.approve', 'payment.invoice.manage',
  'payment.reminder.manage', 'payment.reconcile', 'payment.voucher.export',
];
const deskWork: Permission[] = ['workorder.read', 'workorder.create', 'workorder.dispatch', 'workorder.revisit', 'workorder.report.read'];
/** frontline staff report what they find (patrol, inspection) and work what is assigned to them */
const fieldWork: Permission[] = ['org.project.read', 'estate.read', 'workorder.read', 'workorder.create', 'workorder.work'];

export const builtinRoles: readonly RoleTemplate[] = [
  {
    code: 'hq_admin',
    scope: 'company',
    permissions: [
      'org.project.read', 'org.project.manage', 'org.user.read', 'org.user.manage',
      'org.role.read', 'org.role.manage', 'org.apikey.manage', 'audit.read', 'pii.view', 'estate.read', 'estate.manage', 'estate.binding.review',
      'billing.read', 'billing.item.manage', 'billing.standard.manage', 'billing.charge.create', 'billing.run.manage',
      'billing.waiver.request', 'billing.waiver.approve', 'billing.prepay.manage', 'billing.period.close', 'billing.opening.import',
      'billing.settings.manage', 'billing.report.read',
      'notify.broadcast', 'notify.template.manage', 'notify.delivery.read', 'notify.delivery.resend',
      // workorder.work too: whoever creates technicians must hold what their role grants (roles.service checkGrantable)
      ...deskWork, 'workorder.work', 'workorder.settings.manage', 'workorder.config.manage', ...allPayment,
    ],
  },
  { code: 'hq_viewer', scope: 'company', permissions: readOnly },
  {
    code: 'project_manager',
    scope: 'project',
    permissions: [
      'org.project.read', 'org.user.read', 'org.user.manage', 'org.role.read', 'audit.read', 'pii.view',
      'notify.broadcast', 'notify.delivery.read', 'notify.delivery.resend', 'estate.read', 'estate.manage', 'estate.binding.review',
      // standards of its own projects only when the company allows it (billing.projectStandards); assignments always
      'billing.read', 'billing.standard.manage', 'billing.charge.create', 'billing.run.manage', 'billing.waiver.request',
      'billing.waiver.approve', 'billing.prepay.manage', 'billing.period.close', 'billing.opening.import', 'billing.settings.manage',
      'billing.report.read', ...deskWork, 'workorder.work', 'workorder.settings.manage', ...allPayment,
    ],
  },
  // the front desk reviews room-binding requests (it is notified of them) without managing the archive
  {
    code: 'customer_service', scope: 'project',
    permissions: ['org.project.read', 'org.user.read', 'notify.broadcast', 'notify.delivery.read', 'estate.read', 'estate.binding.review', ...deskWork],
  },
  { code: 'cashier', scope: 'project', permissions: ['org.project.read', 'estate.read', 'billing.read', 'billing.charge.create', 'billing.waiver.request', 'billing.prepay.manage', 'billing.report.read',
    // the counter: takes money, asks for refunds, issues invoices and reminders; voids and approvals are the manager's
    'payment.read', 'payment.collect', 'payment.refund.request', 'payment.invoice.manage', 'payment.reminder.manage'] },
  { code: 'technician', scope: 'assignee', permissions: fieldWork },
  { code: 'guard', scope: 'assignee', permissions: fieldWork },
  { code: 'cleaner', scope: 'assignee', permissions: fieldWork },
  // a resident reports (workorder.create) and acts on their own requests as the requester
  { code: 'resident', scope: 'own', permissions: ['resident.self', 'workorder.create'] },
];

export const builtinRoleCodes = builtinRoles.map((r) => r.code);

/** Which scope wins when a member holds several roles: the widest one. */
export const scopeRank: Record<RowScope, number> = { own: 0, assignee: 1, project: 2, company: 3 };
