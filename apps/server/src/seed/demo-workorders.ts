import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { WorkOrderStatus } from '@wuye/shared';
import type { Executor } from '../db/client.ts';
import { BUSINESS_TZ, dayjs } from '../lib/time.ts';
import { users } from '../modules/auth/auth.table.ts';
import { feeItems } from '../modules/billing/billing.table.ts';
import { buildings, facilities, rooms } from '../modules/estate/estate.table.ts';
import {
  buildingStaff, kbArticles, staffShifts, staffSkills, woCategories, woCounters, woEvents, workOrders,
} from '../modules/workorders/workorders.table.ts';

/** Deterministic pseudo-random numbers: every demo tells the same story. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const faq = [
  ['plumbing', '家里突然停水怎么办？', '先看看邻居是否也停水：若整栋停水，多为计划检修，请留意小区公告；只有您家停水，请检查水表前的总阀是否关闭，仍不行再报修。'],
  ['plumbing', '下水道堵了可以自己处理吗？', '轻微堵塞可用皮搋子疏通，切勿倒入强酸强碱。若多个地漏同时返水，可能是公共立管堵塞，请立即报修。'],
  ['electrical', '家里跳闸了怎么办？', '先关掉最后打开的大功率电器，再推上配电箱里跳下的开关；反复跳闸说明线路或电器漏电，请报修，勿强行合闸。'],
  ['elevator', '被困电梯怎么办？', '保持冷静，按下轿厢内的警铃或对讲按钮，物业 24 小时值守，会在 15 分钟内到场；不要强行扒门。'],
  ['door_lock', '门禁卡丢了怎么补办？', '带上身份证到物业服务中心补办，旧卡会立即注销；补卡工本费按公示标准收取。'],
  ['cleaning', '楼道垃圾多久清理一次？', '每天 8:00 和 17:00 各清理一次；如有临时堆放，可随时报事，保洁员会在 2 小时内处理。'],
  ['noise', '装修噪音扰民可以投诉吗？', '可以。小区装修时间为工作日 8:00–12:00、14:00–18:00，其余时间施工请报事，秩序维护员会上门劝导。'],
  ['greening', '小区树木影响采光可以修剪吗？', '可以报事申请，绿化人员评估后在适宜季节统一修剪。'],
] as const;

const problems: Record<string, string[]> = {
  plumbing: ['厨房水管漏水', '卫生间地漏返水', '马桶水箱一直流水', '热水器进水管渗水'],
  electrical: ['客厅插座没电', '入户空开频繁跳闸', '楼道灯不亮', '阳台灯闪烁'],
  elevator: ['2号梯门关不严', '电梯运行有异响', '电梯按钮失灵'],
  door_lock: ['单元门禁刷卡没反应', '入户门锁芯卡住', '地库门常开'],
  cleaning: ['楼道有垃圾未清理', '地库积水有异味', '电梯厅地面油污'],
  greening: ['草坪杂草较多', '树枝遮挡路灯', '花坛缺苗'],
  security: ['地库有陌生人徘徊', '消防通道被占用'],
  noise: ['楼上夜间装修噪音', '广场舞音响太吵'],
  public_facility: ['儿童游乐设施松动', '健身器材损坏', '垃圾桶破损'],
  other: ['快递柜无法取件', '路面井盖松动'],
};
const weights: [string, number][] = [['plumbing', 26], ['electrical', 20], ['elevator', 8], ['door_lock', 12], ['cleaning', 10], ['greening', 5], ['security', 5], ['noise', 6], ['public_facility', 5], ['other', 3]];

export interface DemoWoPeople { residentUserId: string; residentName: string; homeRoomId: string }

/**
 * 阳光花园's service desk: skills, today's shifts and building duty for its technicians, an FAQ,
 * a chargeable 有偿维修 category, six months of finished requests whose average handling time
 * falls from about 48 h to about 12 h while satisfaction rises to about 96 % (the seed case), and
 * a dozen open ones in every state — some overdue — for the desk, the technician and the resident.
 */
export async function seedDemoWorkOrders(tx: Executor, companyId: string, projectId: string, people: DemoWoPeople) {
  const r = rng(20261202);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const byName = async (username: string) => (await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.username, username)))[0]!;
  const [tech, tech2, tech3, guard, cleaner] = await Promise.all(['tech', 'tech2', 'tech3', 'guard', 'cleaner'].map(byName));
  await tx.insert(staffSkills).values([
    ...['plumbing', 'electrical', 'door_lock'].map((skill) => ({ companyId, userId: tech!.id, skill })),
    ...['elevator', 'electrical', 'plumbing'].map((skill) => ({ companyId, userId: tech2!.id, skill })),
    ...['door_lock', 'plumbing'].map((skill) => ({ companyId, userId: tech3!.id, skill })),
    { companyId, userId: guard!.id, skill: 'security' },
    ...['cleaning', 'greening'].map((skill) => ({ companyId, userId: cleaner!.id, skill })),
  ]);
  // day shifts for the next 60 days (08:00–20:00), the guard also nights: the demo dispatches whenever it is opened
  const start = dayjs().tz(BUSINESS_TZ).startOf('day');
  const shifts = [];
  for (let d = -1; d < 60; d++) {
    const day = start.add(d, 'day');
    for (const u of [tech!, tech2!, tech3!, cleaner!]) shifts.push({ companyId, projectId, userId: u.id, startsAt: day.add(8, 'hour').toDate(), endsAt: day.add(20, 'hour').toDate() });
    shifts.push({ companyId, projectId, userId: guard!.id, startsAt: day.toDate(), endsAt: day.add(24, 'hour').toDate() });
  }
  await tx.insert(staffShifts).values(shifts);
  const towers = await tx.select({ id: buildings.id, code: buildings.code }).from(buildings).where(and(eq(buildings.companyId, companyId), eq(buildings.projectId, projectId)));
  await tx.insert(buildingStaff).values(towers.map((b) => ({ companyId, buildingId: b.id, userId: Number(b.code) <= 4 ? tech!.id : tech3!.id })));

  const [repairFee] = await tx.insert(feeItems).values({ companyId, code: 'WXF', name: '有偿维修费', category: 'one_off', feeCategory: 'other', taxRateBp: 600, invoiceCategory: '维修服务' }).returning();
  const hour = 60;
  const lim = { responseMinutes: hour, completeMinutes: 24 * hour };
  await tx.insert(woCategories).values({
    companyId, code: 'paid_repair', name: '入户有偿维修', skill: 'plumbing', chargeable: true, feeItemId: repairFee!.id, clock: 'calendar', sort: 5,
    sla: { urgent: { responseMinutes: 30, completeMinutes: 4 * hour }, high: lim, normal: lim, low: { responseMinutes: 4 * hour, completeMinutes: 72 * hour } },
  });
  const cats = await tx.select().from(woCategories).where(eq(woCategories.companyId, companyId));
  const cat = (code: string) => cats.find((c) => c.code === code)!;
  await tx.insert(kbArticles).values(faq.map(([code, question, answer], i) => ({ companyId, categoryId: cat(code).id, question, answer, sort: i })));

  const roomRows = await tx.select({ id: rooms.id, buildingId: rooms.buildingId, code: rooms.code }).from(rooms)
    .where(and(eq(rooms.companyId, companyId), eq(rooms.projectId, projectId))).limit(400);
  const [hall] = await tx.select({ id: facilities.id, name: facilities.name, buildingId: facilities.buildingId }).from(facilities)
    .where(and(eq(facilities.companyId, companyId), eq(facilities.projectId, projectId))).limit(1);
  const workers: Record<string, { id: string; name: string }[]> = {
    plumbing: [tech!, tech2!, tech3!], electrical: [tech!, tech2!], elevator: [tech2!], door_lock: [tech!, tech3!], cleaning: [cleaner!], greening: [cleaner!],
    security: [guard!], noise: [guard!], public_facility: [tech3!, tech!], other: [tech!],
  };
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const category = () => { let x = r() * total; for (const [c, w] of weights) if ((x -= w) < 0) return c; return 'other'; };

  const orders: (typeof workOrders.$inferInsert)[] = [];
  const events: (typeof woEvents.$inferInsert)[] = [];
  const perDay = new Map<string, number>();
  const numberFor = (at: Date) => {
    const day = dayjs(at).tz(BUSINESS_TZ).format('YYYYMMDD');
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    return `WO${day}-${String(n).padStart(4, '0')}`;
  };
  type Plan = { createdAt: Date; status: WorkOrderStatus; handlingH?: number; responseMin?: number; rating?: number | null; code?: string; room?: (typeof roomRows)[number]; requester?: { id: string; name: string }; worker?: { id: string; name: string } };
  const add = (p: Plan) => {
    const code = p.code ?? category();
    const c = cat(code);
    const pub = ['cleaning', 'greening', 'security', 'public_facility', 'elevator'].includes(code);
    const room = pub ? null : p.room ?? pick(roomRows);
    const worker = p.worker ?? pick(workers[code]!);
    const sla = (c.sla as any)[c.defaultPriority] as { responseMinutes: number; completeMinutes: number };
    const created = p.createdAt;
    const accepted = p.responseMin != null ? new Date(created.getTime() + p.responseMin * 60_000) : null;
    const completed = p.handlingH != null ? new Date(created.getTime() + p.handlingH * 3_600_000) : null;
    const completeDue = new Date(created.getTime() + sla.completeMinutes * 60_000);
    const responseDue = new Date(created.getTime() + sla.responseMinutes * 60_000);
    const id = uuidv7();
    const assigned = p.status !== 'submitted';
    const rating = p.rating ?? null;
    const requester = p.requester ?? null;
    orders.push({
      id, companyId, projectId, no: numberFor(created), type: code === 'noise' ? 'complaint' : 'repair', source: pick(['resident', 'resident', 'resident', 'phone', 'desk', 'qr', 'patrol'] as const),
      categoryId: c.id, priority: c.defaultPriority, status: p.status, description: pick(problems[code]!), area: pub ? 'public' : 'private',
      roomId: room?.id ?? null, buildingId: room?.buildingId ?? hall?.buildingId ?? null, facilityId: pub ? hall?.id ?? null : null,
      locationText: room?.code ?? hall?.name ?? null, requesterUserId: requester?.id ?? null, requesterName: requester?.name ?? '业主',
      assigneeUserId: assigned ? worker.id : null, assigneeName: assigned ? worker.name : null, slaClock: c.clock,
      responseDueAt: responseDue, completeDueAt: completeDue, acceptedAt: accepted, startedAt: accepted, completedAt: completed,
      confirmedAt: rating && completed ? new Date(completed.getTime() + 3_600_000) : null,
      closedAt: p.status === 'closed' && completed ? new Date(completed.getTime() + 2 * 86_400_000) : null,
      overdue: (completed ?? new Date()) > completeDue || (accepted ?? new Date()) > responseDue,
      pausedAt: p.status === 'paused' ? new Date() : null, pauseReason: p.status === 'paused' ? 'parts' : null,
      rating, ratingComment: rating && rating >= 4 ? pick(['师傅很专业', '响应很快', '处理及时，谢谢', null]) : rating ? pick(['等了太久', '第二次才修好']) : null,
      // customer service called the low ratings back
      ...(rating != null && rating <= 3 && completed
        ? { revisitStatus: 'done' as const, revisitResult: 'neutral', revisitNote: '已电话回访，住户表示理解', revisitedAt: new Date(completed.getTime() + 86_400_000) }
        : {}),
      createdAt: created,
    });
    const step = (event: string, from: string | null, to: string, at: Date | null, actor = worker) => at && events.push({
      companyId, workOrderId: id, event, fromStatus: from, toStatus: to, actorUserId: actor.id, actorName: actor.name, createdAt: at, data: {},
    });
    step('submit', null, 'submitted', created, { id: requester?.id ?? tech!.id, name: requester?.name ?? '业主' });
    if (assigned) step('assign', 'submitted', 'assigned', new Date(created.getTime() + 5 * 60_000), { id: tech!.id, name: '刘客服' });
    if (accepted) { step('accept', 'assigned', 'accepted', accepted); step('start', 'accepted', 'in_progress', new Date(accepted.getTime() + 60_000)); }
    if (completed) step('complete', 'in_progress', 'completed', completed);
    if (rating && completed) step('confirm', 'completed', 'confirmed', new Date(completed.getTime() + 3_600_000), { id: requester?.id ?? tech!.id, name: requester?.name ?? '业主' });
  };

  // six finished months: month 0 is the oldest (≈48 h, ≈80 % satisfied), month 5 the last (≈12 h, ≈96 %)
  const monthStart = dayjs().tz(BUSINESS_TZ).startOf('month');
  for (let m = 0; m < 6; m++) {
    const from = monthStart.subtract(6 - m, 'month');
    const target = 48 - (36 * m) / 5;
    const satisfied = 0.8 + (0.16 * m) / 5;
    for (let i = 0; i < 70; i++) {
      const createdAt = from.add(Math.floor(r() * from.daysInMonth() * 24 * 60), 'minute').toDate();
      const rated = r() < 0.85;
      const happy = r() < satisfied;
      add({
        createdAt, status: rated ? (r() < 0.7 ? 'closed' : 'confirmed') : 'closed', handlingH: Math.max(1, target * (0.5 + r())), responseMin: Math.round((90 - 12 * m) * (0.4 + r())),
        rating: rated ? (happy ? (r() < 0.8 ? 5 : 4) : pick([2, 3, 3])) : null,
      });
    }
  }
  // this month so far, and the open work of today
  const now = Date.now();
  const ago = (h: number) => new Date(now - h * 3_600_000);
  const home = roomRows.find((x) => x.id === people.homeRoomId) ?? { id: people.homeRoomId, buildingId: roomRows[0]!.buildingId, code: '1-1-0101' };
  const resident = { id: people.residentUserId, name: people.residentName };
  for (let i = 0; i < 20; i++) add({ createdAt: ago(24 + r() * 24 * Math.max(1, dayjs().tz(BUSINESS_TZ).date() - 2)), status: 'confirmed', handlingH: 6 + r() * 12, responseMin: 10 + r() * 40, rating: r() < 0.96 ? 5 : 3 });
  add({ createdAt: ago(30), status: 'completed', handlingH: 20, responseMin: 25, code: 'plumbing', room: home, requester: resident, worker: tech! });
  add({ createdAt: ago(5), status: 'in_progress', responseMin: 20, code: 'electrical', room: home, requester: resident, worker: tech! });
  add({ createdAt: ago(0.5), status: 'submitted', code: 'plumbing' });
  add({ createdAt: ago(3), status: 'submitted', code: 'door_lock' });
  add({ createdAt: ago(1), status: 'assigned', code: 'plumbing', worker: tech! });
  add({ createdAt: ago(30), status: 'assigned', code: 'electrical' });
  add({ createdAt: ago(2), status: 'accepted', responseMin: 15, code: 'elevator' });
  add({ createdAt: ago(50), status: 'in_progress', responseMin: 40, code: 'plumbing' });
  add({ createdAt: ago(26), status: 'paused', responseMin: 30, code: 'door_lock' });
  add({ createdAt: ago(8), status: 'completed', handlingH: 4, responseMin: 10, code: 'cleaning' });
  add({ createdAt: ago(4), status: 'in_progress', responseMin: 30, code: 'noise' });

  for (let i = 0; i < orders.length; i += 300) await tx.insert(workOrders).values(orders.slice(i, i + 300));
  for (let i = 0; i < events.length; i += 500) await tx.insert(woEvents).values(events.slice(i, i + 500));
  if (perDay.size) {
    await tx.insert(woCounters).values([...perDay].map(([day, n]) => ({ companyId, day, n })))
      .onConflictDoUpdate({ target: [woCounters.companyId, woCounters.day], set: { n: sql`greatest(${woCounters.n}, excluded.n)` } });
  }
  return { orders: orders.length };
}
