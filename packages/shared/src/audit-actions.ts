/** Typed audit actions; the console translates them as `audit.action.<code>`. */
export const auditActions = [
  'auth.login', 'auth.logout', 'auth.login_failed', 'auth.locked', 'auth.password_changed', 'auth.session_revoked',
  'auth.registered', 'auth.password_reset_by_code', 'auth.privacy_accepted', 'auth.deletion_requested',
  'company.created', 'project.created', 'project.updated',
  'role.created', 'role.updated', 'role.deleted',
  'staff.created', 'staff.updated', 'staff.unlocked', 'staff.password_reset',
  'apikey.created', 'apikey.revoked',
  'platform.setup',
  'file.uploaded',
  'estate.building_generated', 'estate.room_updated', 'estate.room_status_changed',
  'estate.parking_created', 'estate.parking_updated', 'estate.facility_created', 'estate.facility_updated',
  'estate.room_deleted', 'estate.building_deleted',
  'estate.import_started', 'estate.imported', 'estate.import_failed', 'estate.exported',
  'binding.requested', 'binding.approved', 'binding.rejected',
  'vehicle.created', 'vehicle.updated',
  'person.created', 'person.revealed', 'resident.added', 'resident.ownership_transferred',
  'pii.reencrypt_requested', 'pii.reencrypted',
  'estate.moved_in', 'estate.moved_out', 'estate.payer_set',
  'billing.settings_updated', 'billing.item_created', 'billing.item_updated', 'billing.standard_created', 'billing.standard_versioned',
  'billing.assigned', 'billing.assignment_ended', 'billing.one_off_charged',
  'notify.template_saved', 'notify.template_reset', 'notify.resent', 'notify.broadcast',
] as const;
export type AuditAction = (typeof auditActions)[number];
