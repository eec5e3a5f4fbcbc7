import { builtinRoles } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { companies, roles } from './org.table.ts';
import { insertDefaultCategories } from '../workorders/default-categories.ts';

/** Built-in role names as a Chinese property company calls them; the console translates codes. */
export const builtinRoleNames: Record<string, string> = {
  hq_admin: '总部管理员', hq_viewer: '总部财务/查看', project_manager: '项目经理', customer_service: '客服',
  cashier: '收费员', technician: '维修工', guard: '保安', cleaner: '保洁', resident: '住户',
};

/** A new tenant comes with the built-in roles and work-order categories copied in, so it can be used at once. */
export async function createCompanyWithRoles(tx: Executor, v: { code: string; name: string }) {
  const [company] = await tx.insert(companies).values({ code: v.code, name: v.name }).returning();
  await tx.insert(roles).values(builtinRoles.map((r) => ({
    companyId: company!.id, code: r.code, name: builtinRoleNames[r.code] ?? r.code, builtin: true, scope: r.scope,
    permissions: [...r.permissions],
  })));
  await insertDefaultCategories(tx, company!.id);
  return company!;
}
