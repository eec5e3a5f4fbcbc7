export * from '../modules/org/org.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/integrations/apikeys.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/files/files.table.ts';
export * from '../modules/settings/settings.table.ts';
export * from '../modules/estate/estate.table.ts';
