import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, randomPhone, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
const c: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  theirs = await createTenant(t);
  for (const role of ['hq_admin', 'hq_viewer', 'project_manager', 'customer_service', 'technician']) c[role] = await login(t, ours.users[role]!.phone);
});
afterAll(async () => t?.close());

const req = (method: string, url: string, cookie: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: method as any, url, payload: payload as any, headers: { cookie, ...headers } });
const auditCount = async (action: string) => {
  const r: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and company_id = ${ours.companyId}`);
  return Number(r.rows[0].n);
};

describe('projects', () => {
  it('HQ sees every project, a project role only its own, nobody another company\'s', async () => {
    expect((await req('GET', '/api/projects', c.hq_admin!)).json()).toHaveLength(2);
    const pm = (await req('GET', '/api/projects', c.project_manager!)).json();
    expect(pm.map((p: any) => p.id)).toEqual([ours.projectA]);
    expect((await req('GET', `/api/projects/${ours.projectB}`, c.project_manager!)).statusCode).toBe(404);
    expect((await req('GET', `/api/projects/${theirs.projectA}`, c.hq_admin!)).statusCode).toBe(404);
  });

  it('creates and renames with optimistic locking and an audit row in the same transaction', async () => {
    const created = await req('POST', '/api/projects', c.hq_admin!, { code: 'NEW1', name: '新项目' });
    expect(created.statusCode).toBe(200);
    const p = created.json();
    const dup = await req('POST', '/api/projects', c.hq_admin!, { code: 'NEW1', name: '重复' });
    expect(dup.statusCode).toBe(409);
    const ok = await req('PATCH', `/api/projects/${p.id}`, c.hq_admin!, { version: 1, name: '改名后' });
    expect(ok.json()).toMatchObject({ name: '改名后', version: 2 });
    const stale = await req('PATCH', `/api/projects/${p.id}`, c.hq_admin!, { version: 1, name: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const audit = (await req('GET', `/api/audit-logs?entityId=${p.id}`, c.hq_admin!)).json();
    expect(audit.items.map((a: any) => a.action)).toEqual(['project.updated', 'project.created']);
    expect(audit.items[0].before.name).toBe('新项目');
    expect(audit.items[0].after.name).toBe('改名后');
  });

  it('keeps project details: type, address, GPS, exact areas, developer and contract period', async () => {
    const res = await req('POST', '/api/projects', c.hq_admin!, {
      code: 'DTL', name: '详情项目', type: 'mixed', address: '上海市浦东新区世纪大道 100 号', longitude: '121.5065', latitude: '31.2384',
      landArea: '52000.5', floorArea: 180000, developer: '示例置业', contractStart: '2026-01-01', contractEnd: '2028-12-31',
    });
    expect(res.json()).toMatchObject({ type: 'mixed', landArea: '52000.50', floorArea: '180000.00', contractEnd: '2028-12-31' });
    const bad = await req('PATCH', `/api/projects/${res.json().id}`, c.hq_admin!, { version: 1, contractStart: '2029-01-01', contractEnd: '2028-01-01', latitude: '999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.latitude']));
  });
});

describe('roles', () => {
  it('creates a custom role from the permission list, refuses unknown codes and escalation', async () => {
    const bad = await req('POST', '/api/roles', c.hq_admin!, { code: 'x_role', name: 'X', scope: 'project', permissions: ['nope.nope'] });
    expect(bad.statusCode).toBe(400);
    const platform = await req('POST', '/api/roles', c.hq_admin!, { code: 'x_role', name: 'X', scope: 'project', permissions: ['platform.company.manage'] });
    expect(platform.statusCode).toBe(400);
    const ok = await req('POST', '/api/roles', c.hq_admin!, { code: 'inspector', name: '巡查员', scope: 'project', permissions: ['org.project.read', 'audit.read'] });
    expect(ok.statusCode).toBe(200);
    const role = ok.json();
    expect((await req('PATCH', `/api/roles/${role.id}`, c.hq_admin!, { version: 1, permissions: ['org.project.read'] })).json().version).toBe(2);
    expect((await req('PATCH', `/api/roles/${role.id}`, c.hq_admin!, { version: 1, name: 'stale' })).statusCode).toBe(409);
    const builtin = await req('PATCH', `/api/roles/${ours.roleIds.cashier}`, c.hq_admin!, { version: 1, permissions: [] });
    expect(builtin.statusCode).toBe(409);
    expect((await req('DELETE', `/api/roles/${ours.roleIds.cashier}`, c.hq_admin!)).statusCode).toBe(409);
    expect((await req('DELETE', `/api/roles/${role.id}`, c.hq_admin!)).statusCode).toBe(200);
    expect((await req('GET', `/api/roles/${role.id}`, c.hq_admin!)).statusCode).toBe(404);
  });
});

describe('staff and project assignments', () => {
  it('a project manager sees and manages only staff of their projects', async () => {
    const list = (await req('GET', '/api/staff?pageSize=100', c.project_manager!)).json();
    const ids = list.items.map((s: any) => s.id);
    expect(ids).toContain(ours.users.cashier!.membershipId);
    expect(ids).not.toContain(ours.staffB.membershipId);
    expect(ids).not.toContain(ours.users.hq_admin!.membershipId);
    expect((await req('GET', `/api/staff/${ours.staffB.membershipId}`, c.project_manager!)).statusCode).toBe(404);
    expect((await req('PATCH', `/api/staff/${ours.staffB.membershipId}`, c.project_manager!, { version: 1, name: 'x' })).statusCode).toBe(404);
  });

  it('refuses to grant an HQ role, all projects or another project from a project manager', async () => {
    const base = { name: '新员工', phone: randomPhone(), password: 'Staff#pass1', projectIds: [ours.projectA] };
    expect((await req('POST', '/api/staff', c.project_manager!, { ...base, roleIds: [ours.roleIds.hq_admin] })).statusCode).toBe(403);
    expect((await req('POST', '/api/staff', c.project_manager!, { ...base, roleIds: [ours.roleIds.technician], allProjects: true })).statusCode).toBe(403);
    expect((await req('POST', '/api/staff', c.project_manager!, { ...base, roleIds: [ours.roleIds.technician], projectIds: [ours.projectB] })).statusCode).toBe(400);
    expect((await req('POST', '/api/staff', c.project_manager!, { ...base, roleIds: [theirs.roleIds.technician] })).statusCode).toBe(400);
    const ok = await req('POST', '/api/staff', c.project_manager!, { ...base, roleIds: [ours.roleIds.technician] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().projects.map((p: any) => p.id)).toEqual([ours.projectA]);
    // the new technician can sign in and sees project A only
    const cookie = await login(t, base.phone, 'Staff#pass1');
    expect((await req('GET', '/api/auth/me', cookie)).json().projects.map((p: any) => p.id)).toEqual([ours.projectA]);
  });

  it('keeps assignments outside a manager\'s projects when the manager edits them', async () => {
    const hqMade = await req('POST', '/api/staff', c.hq_admin!, {
      name: '两项目员工', phone: randomPhone(), password: 'Staff#pass1', roleIds: [ours.roleIds.cleaner], projectIds: [ours.projectA, ours.projectB],
    });
    const s = hqMade.json();
    const edited = await req('PATCH', `/api/staff/${s.id}`, c.project_manager!, { version: s.version, projectIds: [ours.projectA] });
    expect(edited.statusCode).toBe(200);
    const after = (await req('GET', `/api/staff/${s.id}`, c.hq_admin!)).json();
    expect(after.projects.map((p: any) => p.id).sort()).toEqual([ours.projectA, ours.projectB].sort());
    const stale = await req('PATCH', `/api/staff/${s.id}`, c.hq_admin!, { version: s.version, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
  });

  it('disabling a member ends their sessions; their company data is then out of reach', async () => {
    const tech = await login(t, ours.users.technician!.phone);
    const s = (await req('GET', `/api/staff/${ours.users.technician!.membershipId}`, c.hq_admin!)).json();
    expect((await req('PATCH', `/api/staff/${s.id}`, c.hq_admin!, { version: s.version, status: 'disabled' })).statusCode).toBe(200);
    expect((await req('GET', '/api/auth/me', tech)).statusCode).toBe(401);
  });

  it('masks phone numbers for roles without pii.view', async () => {
    const asCs = (await req('GET', `/api/staff/${ours.users.cashier!.membershipId}`, c.customer_service!)).json();
    expect(asCs.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const asPm = (await req('GET', `/api/staff/${ours.users.cashier!.membershipId}`, c.project_manager!)).json();
    expect(asPm.phone).toBe(ours.users.cashier!.phone);
  });

  it('writes nothing — not even audit — when a change fails halfway', async () => {
    const before = await auditCount('staff.created');
    const phone = randomPhone();
    const res = await req('POST', '/api/staff', c.hq_admin!, {
      name: '坏角色', phone, password: 'Staff#pass1', roleIds: [ours.roleIds.cleaner, '01234567-89ab-7def-8123-456789abcdef'], projectIds: [ours.projectA],
    });
    expect(res.statusCode).toBe(400);
    expect(await auditCount('staff.created')).toBe(before);
    const u: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from users where phone = ${phone}`);
    expect(Number(u.rows[0].n)).toBe(0);
  });
});

describe('API keys', () => {
  it('creates a scoped key shown once, authenticates integration routes with it, and revokes it', async () => {
    const created = await req('POST', '/api/api-keys', c.hq_admin!, { name: '门禁集成', permissions: ['org.project.read'], projectIds: [ours.projectB] });
    expect(created.statusCode).toBe(200);
    const { secret, id } = created.json();
    expect(secret).toMatch(/^wy_/);
    expect(JSON.stringify((await req('GET', '/api/api-keys', c.hq_admin!)).json())).not.toContain(secret);
    const projects = await t.app.inject({ method: 'GET', url: '/api/projects', headers: { authorization: `Bearer ${secret}` } });
    expect(projects.json().map((p: any) => p.id)).toEqual([ours.projectB]);
    expect((await t.app.inject({ method: 'GET', url: '/api/staff', headers: { 'x-api-key': secret } })).statusCode).toBe(401);
    expect((await req('DELETE', `/api/api-keys/${id}`, c.hq_admin!)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/projects', headers: { 'x-api-key': secret } })).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('is company-scoped, filterable, and project roles read only their projects\' entries', async () => {
    const hq = (await req('GET', '/api/audit-logs?pageSize=200', c.hq_admin!)).json();
    expect(hq.total).toBeGreaterThan(0);
    expect(hq.items.every((a: any) => a.companyId === ours.companyId)).toBe(true);
    const pm = (await req('GET', '/api/audit-logs?pageSize=200', c.project_manager!)).json();
    expect(pm.items.every((a: any) => a.projectId === ours.projectA || a.actorId === ours.users.project_manager!.userId)).toBe(true);
    const filtered = (await req('GET', '/api/audit-logs?action=role.created', c.hq_admin!)).json();
    expect(filtered.items.every((a: any) => a.action === 'role.created')).toBe(true);
    expect((await req('GET', '/api/audit-logs?from=yesterday', c.hq_admin!)).statusCode).toBe(400);
  });
});
