import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createUser, login } from '../../../test/factories.ts';
import { buildings } from '../estate/estate.table.ts';
import { caller, woWorld, type Call, type WoWorld } from './test-kit.ts';
import { workOrders } from './workorders.table.ts';

/**
 * Automatic dispatch on generated staff: random skills, shifts (some covering now), building
 * responsibility and open loads. The expectation is computed here from the generated data by the
 * ranking in docs/workorders-dispatch.md, independently of dispatch.ts.
 */
let t: TestApp;
let w: WoWorld;
let buildingIds: string[];
const seed = Number(process.env.DISPATCH_SEED ?? Date.now() % 100_000);
const rand = (() => { let a = seed; return () => { a = (a + 0x6d2b79f5) | 0; let x = Math.imul(a ^ (a >>> 15), 1 | a); x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x; return ((x ^ (x >>> 14)) >>> 0) / 4294967296; }; })();
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

interface Worker { userId: string; as: Call; skills: Set<string>; onShift: boolean; buildings: Set<string>; load: number }
const workers: Worker[] = [];
const skillOf: Record<string, string | null> = { plumbing: 'plumbing', electrical: 'electrical', door_lock: 'door_lock', elevator: 'elevator', greening: 'greening' };
const hour = 3600_000;

beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
  const db = t.ctx.database.db;
  const { companyId, projectA, projectB } = w.tenant;
  const [b2] = await db.insert(buildings).values({ companyId, projectId: projectA, code: '2', name: '2号楼' }).returning();
  buildingIds = [w.buildingId, b2!.id];
  // whoever the shared fixture already made a worker of project A (technician, guard, cleaner, a second plumber …) takes part too
  const res: any = await db.execute(sql`select distinct u.id as "userId", u.phone from users u join memberships m on m.user_id = u.id and m.company_id = ${companyId}
      join membership_roles mr on mr.membership_id = m.id join roles r on r.id = mr.role_id
     where m.kind = 'staff' and 'workorder.work' = any(r.permissions) and r.scope = 'assignee'
       and (m.all_projects or exists (select 1 from membership_projects mp where mp.membership_id = m.id and mp.project_id = ${projectA}))`);
  const existing = res.rows as { userId: string; phone: string }[];
  expect(existing.length).toBeGreaterThanOrEqual(3);
  const fresh = [];
  for (let i = 0; i < 12; i++) {
    const user = await createUser(t);
    await addMember(t, companyId, user.userId, 'technician', [projectA]);
    fresh.push(user);
  }
  const now = Date.now();
  for (const p of [...existing, ...fresh]) {
    const skills = new Set(['plumbing', 'electrical', 'door_lock'].filter(() => rand() < 0.45));
    const onShift = rand() < 0.5;
    const [from, to] = onShift ? [now - 3 * hour, now + 5 * hour] : pick([[now + hour, now + 9 * hour], [now - 20 * hour, now - 12 * hour]]);
    const shift = await w.as.pm('POST', '/api/work-orders/shifts', { projectId: projectA, userId: p.userId, startsAt: new Date(from).toISOString(), endsAt: new Date(to).toISOString() });
    expect(shift.statusCode, shift.body).toBe(200);
    workers.push({ userId: p.userId, as: caller(t, await login(t, p.phone)), skills, onShift, buildings: new Set(), load: 0 });
  }
  // only people off shift can fix lifts, nobody gardens: auto dispatch must fall back to the pool / the desk
  for (const x of workers.filter((x) => !x.onShift).slice(0, 2)) x.skills.add('elevator');
  for (const x of workers) {
    const r = await w.as.pm('PUT', `/api/work-orders/staff/${x.userId}/skills`, { skills: [...x.skills] });
    expect(r.statusCode, r.body).toBe(200);
  }
  for (const b of buildingIds) {
    const ids = workers.filter(() => rand() < 0.3).map((x) => x.userId);
    expect((await w.as.pm('PUT', `/api/work-orders/buildings/${b}/staff`, { userIds: ids })).statusCode).toBe(200);
    for (const x of workers) if (ids.includes(x.userId)) x.buildings.add(b);
  }
  // open loads in both projects; finished orders do not count
  let n = 0;
  for (const x of workers) {
    const open = Math.floor(rand() * 4);
    const statuses = [...Array.from({ length: open }, () => pick(['assigned', 'accepted', 'in_progress', 'paused'] as const)), 'completed' as const];
    for (const status of statuses) {
      await db.insert(workOrders).values({
        companyId, projectId: pick([projectA, projectB]), no: `LOAD-${seed}-${n++}`, type: 'repair', source: 'desk', priority: 'normal', status,
        description: '已有工单', area: 'public', locationText: '某处', assigneeUserId: x.userId, assigneeName: 'x',
      });
    }
    x.load = open;
  }
}, 120_000);
afterAll(async () => t?.close());

/** Open loads as the database has them now (the earlier steps' reassignments included), into the model. */
async function syncLoads() {
  const res: any = await t.ctx.database.db.execute(sql`select assignee_user_id as id, count(*)::int as n from work_orders
    where company_id = ${w.tenant.companyId} and status in ('assigned','accepted','in_progress','paused') group by 1`);
  const n = new Map((res.rows as { id: string; n: number }[]).map((r) => [r.id, r.n]));
  for (const x of workers) x.load = n.get(x.userId) ?? 0;
}

/** The documented ranking, written out on the generated data. */
function ranking(skill: string | null, buildingId: string | null, excluded: Set<string> = new Set()) {
  return workers
    .filter((x) => (!skill || x.skills.has(skill)) && !excluded.has(x.userId))
    .sort((a, b) => Number(b.onShift) - Number(a.onShift)
      || Number(!!buildingId && b.buildings.has(buildingId)) - Number(!!buildingId && a.buildings.has(buildingId))
      || a.load - b.load || (a.userId < b.userId ? -1 : 1));
}
function expected(skill: string | null, buildingId: string | null, excluded?: Set<string>) {
  const ranked = ranking(skill, buildingId, excluded);
  const best = ranked.find((x) => x.onShift);
  return best ? { outcome: 'assigned' as const, who: best } : { outcome: ranked.length ? 'pool' as const : 'desk' as const, who: null };
}

async function setMode(mode: string) {
  const cur = (await w.as.pm('GET', `/api/work-orders/projects/${w.tenant.projectA}/settings`)).json();
  const { projectId: _p, ...rest } = cur;
  const r = await w.as.pm('PUT', `/api/work-orders/projects/${w.tenant.projectA}/settings`, { ...rest, dispatchMode: mode });
  expect(r.statusCode, r.body).toBe(200);
}
const report = (code: string, buildingId: string | null) => w.as.desk('POST', '/api/work-orders', {
  projectId: w.tenant.projectA, source: 'desk', type: 'repair', categoryId: w.cat[code], description: `自动派单 ${code}`, area: 'public',
  ...(buildingId ? { buildingId } : {}), locationText: '公共区域',
});
const byId = (id: string) => workers.find((x) => x.userId === id)!;

function checkOutcome(o: any, exp: ReturnType<typeof expected>) {
  const last = o.timeline.at(-1);
  if (exp.outcome === 'assigned') {
    expect(o, `seed ${seed}`).toMatchObject({ status: 'assigned', assigneeId: exp.who!.userId, inPool: false });
    expect(last).toMatchObject({ event: 'assign', actorName: '系统派单', data: { auto: true, assignee: { id: exp.who!.userId } } });
    expect(last.data.reasons).toEqual(expect.arrayContaining(['当前在岗', `在办 ${exp.who!.load} 单`]));
    exp.who!.load++;
  } else {
    expect(o, `seed ${seed}`).toMatchObject({ status: 'submitted', assigneeId: null, inPool: exp.outcome === 'pool' });
    expect(last).toMatchObject({ event: 'dispatch_failed', data: { fallback: exp.outcome, reason: exp.outcome === 'pool' ? 'nobody_on_shift' : 'no_eligible_worker' } });
  }
}

describe('automatic dispatch', () => {
  it(`assigns exactly whom the documented ranking names (seed ${seed})`, { timeout: 120_000 }, async () => {
    await setMode('auto');
    const seen = new Set<string>();
    const codes = ['plumbing', 'electrical', 'door_lock', 'elevator', 'greening', 'plumbing', 'electrical'];
    for (let i = 0; i < 28; i++) {
      const code = i < 3 ? ['elevator', 'greening', 'plumbing'][i]! : pick(codes);
      const buildingId = pick([...buildingIds, null]);
      const exp = expected(skillOf[code]!, buildingId);
      const res = await report(code, buildingId);
      expect(res.statusCode, res.body).toBe(200);
      checkOutcome(res.json(), exp);
      seen.add(exp.outcome);
      // the assign dialog lists the same order (eligible first), with the loads after this assignment
      const cands = (await w.as.desk('GET', `/api/work-orders/${res.json().id}/candidates`)).json();
      expect(cands.map((c: any) => c.userId).sort()).toEqual(workers.map((x) => x.userId).sort());
      const eligible = cands.filter((c: any) => c.eligible);
      expect(eligible.map((c: any) => c.userId)).toEqual(ranking(skillOf[code]!, buildingId).map((x) => x.userId));
      for (const c of cands) expect(c).toMatchObject({ onShift: byId(c.userId).onShift, openLoad: byId(c.userId).load, responsibleForBuilding: !!buildingId && byId(c.userId).buildings.has(buildingId) });
    }
    expect([...seen].sort()).toEqual(['assigned', 'desk', 'pool']);
  });

  it('after a reject dispatches again, never to anyone who rejected it', { timeout: 120_000 }, async () => {
    await setMode('auto');
    const code = 'plumbing';
    let o = (await report(code, buildingIds[0]!)).json();
    const rejecters = new Set<string>();
    while (o.status === 'assigned') {
      const who = byId(o.assigneeId);
      const r = await who.as('POST', `/api/work-orders/${o.id}/events`, { event: 'reject', version: o.version, note: '不在附近' });
      expect(r.statusCode, r.body).toBe(200);
      who.load--;
      rejecters.add(who.userId);
      o = r.json();
      const exp = expected(skillOf[code]!, buildingIds[0]!, rejecters);
      checkOutcome(o, exp);
      if (o.assigneeId) expect(rejecters.has(o.assigneeId)).toBe(false);
    }
    expect(rejecters.size).toBeGreaterThan(0);
    if (o.inPool) {
      // a rejecter cannot grab it back from the pool; another skilled worker can
      const back = await byId([...rejecters][0]!).as('POST', `/api/work-orders/${o.id}/events`, { event: 'grab', version: o.version });
      expect(back.statusCode).toBe(403);
      const other = ranking(skillOf[code]!, null, rejecters)[0]!;
      const grabbed = await other.as('POST', `/api/work-orders/${o.id}/events`, { event: 'grab', version: o.version });
      expect(grabbed.statusCode, grabbed.body).toBe(200);
      expect(grabbed.json()).toMatchObject({ status: 'assigned', assigneeId: other.userId, inPool: false });
      other.load++;
    }
  });

  it('suggest writes the top three eligible candidates and leaves the order to the desk', async () => {
    await setMode('suggest');
    await syncLoads();
    const exp = ranking('electrical', buildingIds[1]!).slice(0, 3);
    const o = (await report('electrical', buildingIds[1]!)).json();
    expect(o).toMatchObject({ status: 'submitted', assigneeId: null, inPool: false });
    const row = o.timeline.find((e: any) => e.event === 'dispatch_suggested');
    expect(row.data.candidates.map((c: any) => c.userId)).toEqual(exp.map((x) => x.userId));
    expect(row.data.candidates[0].reasons.length).toBeGreaterThan(1);
  });

  it('off waits for the desk without a word in the timeline', async () => {
    await setMode('off');
    const o = (await report('plumbing', null)).json();
    expect(o).toMatchObject({ status: 'submitted', inPool: false });
    expect(o.timeline.map((e: any) => e.event)).toEqual(['submit']);
  });

  it('an order without a category (an inquiry) waits for the desk whatever the mode', async () => {
    for (const mode of ['auto', 'pool'] as const) {
      await setMode(mode);
      const r = await w.as.desk('POST', '/api/work-orders', { projectId: w.tenant.projectA, source: 'phone', type: 'inquiry', description: '物业费怎么交', area: 'public', locationText: '电话' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'submitted', assigneeId: null, inPool: false });
      expect(r.json().timeline.map((e: any) => e.event)).toEqual(['submit']);
    }
  });

  it('pool lets only eligible staff grab: not without the skill, not from another project', async () => {
    await setMode('pool');
    const o = (await report('door_lock', null)).json();
    expect(o).toMatchObject({ status: 'submitted', inPool: true });
    const unskilled = workers.find((x) => !x.skills.has('door_lock'))!;
    expect((await unskilled.as('POST', `/api/work-orders/${o.id}/events`, { event: 'grab', version: o.version })).statusCode).toBe(403);
    // project B's technician does not even see project A's pool (out of scope reads as not found)
    await t.ctx.database.db.execute(sql`insert into staff_skills (company_id, user_id, skill) values (${w.tenant.companyId}, ${w.tenant.staffB.userId}, 'door_lock') on conflict do nothing`);
    expect((await w.as.techB('POST', `/api/work-orders/${o.id}/events`, { event: 'grab', version: o.version })).statusCode).toBe(404);
    const skilled = workers.find((x) => x.skills.has('door_lock'));
    if (!skilled) return;
    const r = await skilled.as('POST', `/api/work-orders/${o.id}/events`, { event: 'grab', version: o.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'assigned', assigneeId: skilled.userId, inPool: false });
    const late = workers.find((x) => x.skills.has('door_lock') && x !== skilled);
    if (late) expect((await late.as('POST', `/api/work-orders/${o.id}/events`, { event: 'grab', version: o.version })).statusCode).toBe(404);
  });

  it('manual assignment refuses staff outside the project, without the skill or the permission (400 body.assigneeId)', async () => {
    await setMode('off');
    const o = (await report('elevator', null)).json();
    const tryAssign = async (assigneeId: string) => {
      const r = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId });
      expect(r.statusCode, r.body).toBe(400);
      return r.json().error.details[0];
    };
    expect(await tryAssign(w.tenant.staffB.userId)).toEqual({ path: 'body.assigneeId', message: 'not_in_project' });
    expect(await tryAssign(workers.find((x) => !x.skills.has('elevator'))!.userId)).toEqual({ path: 'body.assigneeId', message: 'lacks_skill' });
    expect(await tryAssign(w.tenant.users.cashier!.userId)).toEqual({ path: 'body.assigneeId', message: 'cannot_work' });
    expect(await tryAssign('00000000-0000-4000-8000-000000000000')).toEqual({ path: 'body.assigneeId', message: 'not_staff' });
    const ok = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: workers.find((x) => x.skills.has('elevator'))!.userId });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
