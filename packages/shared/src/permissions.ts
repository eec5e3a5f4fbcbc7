/**
 * Permission codes are the single source of truth for authorization: the server checks them on
 * every route, roles are sets of them, and the console builds its menu from them.
 * Labels live in the i18n catalogues under `perm.<code>`.
 */
export const permissionGroups = {
  platform: ['platform.company.manage'],
  org: [
    'org.project.read',
    'org.project.manage',
    'org.user.read',
    'org.user.manage',
    'org.role.read',
    'org.role.manage',
    'org.apikey.manage',
  ],
  estate: ['estate.read', 'estate.manage', 'estate.binding.review'],
  billing: [
    'billing.read', 'billing.item.manage', 'billing.standard.manage', 'billing.charge.create', 'billing.run.manage',
    'billing.waiver.request', 'billing.waiver.approve', 'billing.prepay.manage', 'billing.period.close', 'billing.opening.import',
    'billing.settings.manage', 'billing.report.read',
  ],
  workorder: [
    'workorder.read', 'workorder.create', 'workorder.dispatch', 'workorder.work', 'workorder.revisit',
    'workorder.settings.manage', 'workorder.config.manage', 'workorder.report.read',
  ],
  payment: [
    'payment.read', 'payment.collect', 'payment.void', 'payment.refund.request', 'payment.refund.approve', 'payment.invoice.manage',
    'payment.reminder.manage', 'payment.reconcile', 'payment.voucher.export',
  ],
  audit: ['audit.read'],
  notify: ['notify.broadcast', 'notify.template.manage', 'notify.delivery.read', 'notify.delivery.resend'],
  pii: ['pii.view'],
  resident: ['resident.self'],
} as const;

export type PermissionGroup = keyof typeof permissionGroups;
export type Permission = (typeof permissionGroups)[PermissionGroup][number];

export const allPermissions: readonly Permission[] = Object.values(permissionGroups).flat() as Permission[];

/** Permissions only the platform operator holds; a company role can never contain them. */
export const platformOnlyPermissions: readonly Permission[] = permissionGroups.platform;

/** What a company may put into a custom role. */
export const companyPermissions: readonly Permission[] = allPermissions.filter(
  (p) => !platformOnlyPermissions.includes(p),
);

export function isPermission(code: string): code is Permission {
  return (allPermissions as readonly string[]).includes(code);
}
