import { sql } from 'drizzle-orm';
import { builtinRoles } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { builtinRoleNames } from './company.service.ts';

/**
 * Built-in roles belong to the product: when a release changes a template, every company's copy
 * follows at start-up (companies customise through their own roles, never by editing these).
 */
export async function syncBuiltinRoles(db: Executor) {
  for (const r of builtinRoles) {
    const perms = sql.param([...r.permissions]);
    await db.execute(sql`
      update roles set permissions = ${perms}::text[], scope = ${r.scope}, version = version + 1
       where builtin and code = ${r.code} and (permissions <> ${perms}::text[] or scope <> ${r.scope})`);
    await db.execute(sql`
      insert into roles (id, company_id, code, name, builtin, scope, permissions)
      select uuid_v7(), c.id, ${r.code}, ${builtinRoleNames[r.code] ?? r.code}, true, ${r.scope}, ${perms}::text[]
        from companies c
       where not exists (select 1 from roles x where x.company_id = c.id and x.code = ${r.code})`);
  }
}
