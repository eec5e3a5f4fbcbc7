import { sql } from 'drizzle-orm';
import nzh from 'nzh/cn';
import type { z } from 'zod';
import { fenToYuanDecimal, type ZReminderNoticeQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { canSeeProject, listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { formatYuan, renderPdf, type PdfColumn } from '../../lib/pdf.ts';
import { BUSINESS_TZ, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { findCandidates, todayInShanghai, type Candidate } from './reminders.candidates.ts';

/** one PDF prints at most this many rooms (pages) */
export const NOTICE_MAX = 500;
const rows = (r: unknown) => (r as { rows: any[] }).rows;

/** 人民币大写 (nzh takes the decimal string, never a float), ending 整 when there are no 分: 120.00 → 壹佰贰拾元整 */
export const rmbUpper = (fen: number) => {
  const s: string = nzh.toMoney(fenToYuanDecimal(fen), { outSymbol: false });
  return /[元角]$/.test(s) ? `${s}整` : s;
};
/** 张三 → 张**: a printed letter shows the name in full only to holders of pii.view */
export const maskName = (name: string) => {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

interface NoticeRoom extends Candidate { projectId: string; projectName: string; address: string | null; owners: string[] }
interface Notice { companyName: string; today: string; deadline: string; rooms: NoticeRoom[] }

/** Which projects (and rooms) the request covers, each checked against the actor's scope (404 outside). */
async function targets(db: Executor, actor: Actor, q: z.output<typeof ZReminderNoticeQuery>) {
  const companyId = requireCompany(actor);
  if (q.roomIds) {
    const res = rows(await db.execute(sql`select id, project_id from rooms where company_id = ${companyId} and id = any(${sql.param(q.roomIds)}::uuid[])`));
    const byId = new Map(res.map((r) => [r.id as string, r.project_id as string]));
    for (const id of q.roomIds) if (!byId.has(id) || !canSeeProject(actor, byId.get(id)!)) throw notFound('房间');
    const byProject = new Map<string, string[]>();
    for (const [id, p] of byId) byProject.set(p, [...(byProject.get(p) ?? []), id]);
    return [...byProject].map(([projectId, roomIds]) => ({ projectId, roomIds, buildingId: undefined as string | undefined }));
  }
  if (q.buildingId) {
    const [b] = rows(await db.execute(sql`select project_id from buildings where company_id = ${companyId} and id = ${q.buildingId}`));
    if (!b || !canSeeProject(actor, b.project_id) || (q.projectId && q.projectId !== b.project_id)) throw notFound('楼栋');
    return [{ projectId: b.project_id as string, roomIds: undefined, buildingId: q.buildingId }];
  }
  const one = q.projectId ?? actor.selectedProjectId;
  if (one) {
    await checkProject(db, actor, one);
    return [{ projectId: one, roomIds: undefined, buildingId: undefined }];
  }
  const scope = listProjects(actor);
  const res = rows(await db.execute(sql`select id from projects where company_id = ${companyId}
    ${scope === 'all' ? sql`` : sql`and id = any(${sql.param(scope)}::uuid[])`} order by code`));
  return res.map((r) => ({ projectId: r.id as string, roomIds: undefined, buildingId: undefined }));
}

/** The owing rooms to print with their project, address and current owners (masked without pii.view). */
export async function noticeData(db: Executor, actor: Actor, q: z.output<typeof ZReminderNoticeQuery>): Promise<Notice> {
  const companyId = requireCompany(actor);
  const today = todayInShanghai();
  const deadline = q.deadline ?? dayjs.tz(today, BUSINESS_TZ).add(15, 'day').format('YYYY-MM-DD');
  if (deadline < today) throw badRequest('缴费截止日期不能早于今天', [{ path: 'querystring.deadline', message: 'before_today' }]);
  const [company] = rows(await db.execute(sql`select name from companies where id = ${companyId}`));
  const out: NoticeRoom[] = [];
  for (const tgt of await targets(db, actor, q)) {
    const [p] = rows(await db.execute(sql`select name, address from projects where company_id = ${companyId} and id = ${tgt.projectId}`));
    const list = await findCandidates(db, {
      companyId, projectId: tgt.projectId, dueBefore: today, minAmountFen: q.minAmountFen ?? 0, roomIds: tgt.roomIds, buildingId: tgt.buildingId, limit: NOTICE_MAX + 1,
    });
    out.push(...list.map((c) => ({ ...c, projectId: tgt.projectId, projectName: p?.name ?? '', address: p?.address ?? null, owners: [] as string[] })));
    if (out.length > NOTICE_MAX) throw badRequest(`一次最多打印 ${NOTICE_MAX} 户，请按楼栋或房间分批`, [{ path: 'querystring.roomIds', message: 'too_many_rooms' }]);
  }
  if (out.length) {
    const owners = rows(await db.execute(sql`
      select rr.room_id, array_agg(pe.name order by rr.share_bp desc nulls last, pe.name) as names
        from room_residents rr join persons pe on pe.id = rr.person_id
       where rr.company_id = ${companyId} and rr.room_id = any(${sql.param(out.map((r) => r.roomId))}::uuid[])
         and rr.relation in ('owner', 'co_owner') and rr.valid_from <= ${today}::date and (rr.valid_to is null or rr.valid_to >= ${today}::date)
       group by rr.room_id`));
    const full = actor.permissions.has('pii.view');
    const byRoom = new Map(owners.map((o) => [o.room_id as string, (o.names as string[]).map((x) => (full ? x : maskName(x)))]));
    for (const r of out) r.owners = byRoom.get(r.roomId) ?? [];
  }
  return { companyName: company?.name ?? '', today, deadline, rooms: out };
}

const columns: PdfColumn[] = [
  { header: '收费项目', width: 2 }, { header: '计费期间', width: 3 }, { header: '应缴日期', width: 1.6 },
  { header: '欠费本金（元）', width: 1.6, money: true }, { header: '滞纳金（元）', width: 1.4, money: true }, { header: '欠费合计（元）', width: 1.6, money: true },
];

/** 催缴通知单: one page per room, a polite letter with the bills owed and the pay-by date. */
export function noticePdf(notice: Notice): Promise<Buffer> {
  return renderPdf((w) => {
    if (!notice.rooms.length) {
      w.title('催缴通知单', notice.companyName).paragraph(`截至 ${notice.today}，没有符合条件的欠费房间。`);
      return;
    }
    notice.rooms.forEach((r, i) => {
      if (i > 0) w.doc.addPage();
      const owner = r.owners.length ? r.owners.join('、') : null;
      w.title('催缴通知单', notice.companyName)
        .keyValues([['项目', r.projectName], ['房号', r.code], ['业主', owner ?? '—'], ['楼栋', r.buildingName ?? '—'], ['通知日期', notice.today], ['缴费截止', notice.deadline]])
        .paragraph(`尊敬的${owner ? `${owner}` : '业主'}：`)
        .paragraph(`您好！截至 ${notice.today}，您的房屋 ${r.projectName} ${r.code} 尚有以下 ${r.billCount} 笔费用未缴纳，合计人民币 ${formatYuan(r.totalFen)} 元（大写：${rmbUpper(r.totalFen)}）。`)
        .table(columns, r.bills.map((b) => [b.feeItemName, `${b.periodFrom} 至 ${b.periodTo}`, b.dueDate, b.principalFen, b.lateFeeFen, b.outstandingFen]),
          ['合计', '', '', r.bills.reduce((s, b) => s + b.principalFen, 0), r.bills.reduce((s, b) => s + b.lateFeeFen, 0), r.totalFen])
        .paragraph(`物业服务费用是保障小区正常运转的基础。烦请您于 ${notice.deadline} 前到物业服务中心或通过线上缴费渠道缴纳上述费用；逾期未缴的，将按物业服务合同的约定继续计收滞纳金。如您已缴纳，请忽略本通知。感谢您的理解与支持！`)
        .paragraph(r.address ? `物业服务中心地址：${r.address}` : '如有疑问，请与物业服务中心联系。');
      w.doc.moveDown(1.5).fontSize(10).text(notice.companyName, { align: 'right' }).text(notice.today, { align: 'right' });
    });
  }, { title: '催缴通知单' });
}

/** The PDF, audited like every other export: who printed which rooms' letters, and when. */
export async function exportNotice(db: AppDb, actor: Actor, q: z.output<typeof ZReminderNoticeQuery>) {
  const notice = await noticeData(db, actor, q);
  const one = notice.rooms.length === 1 ? `-${notice.rooms[0]!.code}` : '';
  const data = await noticePdf(notice);
  const projects = [...new Set(notice.rooms.map((r) => r.projectId))];
  await db.transaction((tx) => record(tx, actor, 'payment.reminder_notice_printed',
    { type: 'company', id: requireCompany(actor), projectId: projects.length === 1 ? projects[0]! : null }, null,
    { query: q, deadline: notice.deadline, rooms: notice.rooms.map((r) => r.code) }));
  return { data, name: `催缴通知单${one}-${notice.today}.pdf`, rooms: notice.rooms.length };
}
