import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { codeMap, type ImportEnv, type ImportPlan } from '../estate/excel/import-env.ts';
import type { ImportKindDef } from '../estate/excel/import-kinds.ts';
import { parseRow, RowErrors, rowObject } from '../estate/excel/row-parse.ts';
import { arrearsSheet, openingNotes, prepaidSheet, ZArrearsRow, ZPrepaidRow, type ArrearsRow, type PrepaidRow } from './opening-sheets.ts';
import { existingOverlaps, migratedPrepaid, writeOpening } from './opening-import.sql.ts';

interface FeeItemRef { id: string; code: string; name: string; category: string; status: string }
export type GoodArrears = ArrearsRow & { i: number; line: number; roomId: string; feeItemId: string };
export type GoodPrepaid = PrepaidRow & { i: number; line: number; roomId: string; feeItemId: string | null };

async function feeItemsByCode(db: Executor, companyId: string) {
  const res: any = await db.execute(sql`select id, code, name, category, status from fee_items where company_id = ${companyId}`);
  return new Map<string, FeeItemRef>(res.rows.map((r: FeeItemRef) => [r.code, r]));
}

const overlaps = (a: { periodFrom: string; periodTo: string }, b: { periodFrom: string; periodTo: string }) =>
  a.periodFrom <= b.periodTo && b.periodFrom <= a.periodTo;

/**
 * 期初余额: the 欠费 sheet becomes opening bills (one line, an `opening_balance` receivable entry
 * each), the 预存 sheet prepaid balances (an `opening_balance` prepaid entry and the balance row),
 * all marked migrated. Row errors: unknown room or fee item, an archived item, a deposit item in
 * arrears, a one-off or deposit item as a prepaid earmark, bad amounts or dates, rows repeating or
 * overlapping each other, arrears overlapping a live bill, a prepaid balance already imported.
 */
export async function planOpening(env: ImportEnv): Promise<ImportPlan> {
  const { db, companyId, projectId } = env;
  const [arrearsIn, prepaidIn] = env.sheets as [ImportEnv['sheets'][number], ImportEnv['sheets'][number]];
  const arrearsErrors = new RowErrors();
  const prepaidErrors = new RowErrors();
  const rooms = await codeMap(db, 'rooms', companyId, projectId);
  const items = await feeItemsByCode(db, companyId);

  const room = (code: string, errors: RowErrors, i: number) => {
    const id = rooms.get(code);
    if (!id) errors.add(i, `房号：${code} 在本项目中不存在`);
    return id;
  };
  const item = (code: string, errors: RowErrors, i: number) => {
    const it = items.get(code);
    if (!it) errors.add(i, `收费项目编码：${code} 不存在`);
    else if (it.status !== 'active') errors.add(i, `收费项目编码：${code}（${it.name}）已停用`);
    return it?.status === 'active' ? it : undefined;
  };

  const arrears: GoodArrears[] = [];
  arrearsIn.rows.forEach((row, i) => {
    const r = parseRow(arrearsSheet, ZArrearsRow, rowObject(arrearsSheet, arrearsIn.keys, row));
    if (!r.ok) return arrearsErrors.add(i, ...r.errors);
    const roomId = room(r.value.roomCode, arrearsErrors, i);
    const it = item(r.value.feeItemCode, arrearsErrors, i);
    if (it?.category === 'deposit') arrearsErrors.add(i, `收费项目编码：${it.code}（${it.name}）是押金类项目，不能导入为欠费`);
    if (!roomId || !it || it.category === 'deposit') return;
    const clash = arrears.find((a) => a.roomId === roomId && a.feeItemId === it.id && overlaps(a, r.value));
    if (clash) return arrearsErrors.add(i, `账期：与第 ${clash.line} 行（同一房号、收费项目）的账期重叠`);
    arrears.push({ ...r.value, i, line: row.line, roomId, feeItemId: it.id });
  });
  const billed = await existingOverlaps(db, companyId, arrears);
  const goodArrears = arrears.filter((a) => {
    const b = billed.get(a.i);
    if (b) arrearsErrors.add(a.i, `账期：与已有${b.kind === 'opening' ? '期初' : ''}账单（${b.periodFrom} 至 ${b.periodTo}）重叠`);
    return !b;
  });

  const prepaid: GoodPrepaid[] = [];
  const seen = new Map<string, number>();
  prepaidIn.rows.forEach((row, i) => {
    const r = parseRow(prepaidSheet, ZPrepaidRow, rowObject(prepaidSheet, prepaidIn.keys, row));
    if (!r.ok) return prepaidErrors.add(i, ...r.errors);
    const roomId = room(r.value.roomCode, prepaidErrors, i);
    const it = r.value.feeItemCode ? item(r.value.feeItemCode, prepaidErrors, i) : null;
    const earmarkable = !it || it.category === 'periodic' || it.category === 'metered';
    if (!earmarkable) prepaidErrors.add(i, `收费项目编码：${it.code}（${it.name}）不能专款预存（仅周期、抄表类项目；留空为通用预存）`);
    if (!roomId || it === undefined || !earmarkable) return;
    const key = `${roomId}/${it?.id ?? ''}`;
    const first = seen.get(key);
    if (first) return prepaidErrors.add(i, `房号：与第 ${first} 行重复（同一房屋、同一收费项目只填一行）`);
    seen.set(key, row.line);
    prepaid.push({ ...r.value, i, line: row.line, roomId, feeItemId: it?.id ?? null });
  });
  const imported = await migratedPrepaid(db, companyId, prepaid);
  const goodPrepaid = prepaid.filter((p) => {
    const done = imported.has(`${p.roomId}/${p.feeItemId ?? ''}`);
    if (done) prepaidErrors.add(p.i, `房号：${p.roomCode} 已导入过${p.feeItemCode ? `收费项目 ${p.feeItemCode} 的` : '通用'}期初预存，不能重复导入`);
    return !done;
  });

  return {
    errors: [arrearsErrors, prepaidErrors],
    write: (tx, progress) => writeOpening(tx, env, goodArrears, goodPrepaid, progress),
  };
}

export const openingImportKind: ImportKindDef = {
  sheets: [arrearsSheet, prepaidSheet],
  notes: openingNotes,
  plan: planOpening,
  permission: 'billing.opening.import',
  audit: { started: 'billing.opening_import_started', done: 'billing.opening_imported', failed: 'billing.opening_import_failed' },
};
