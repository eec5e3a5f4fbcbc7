import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.ts';
import { bulkInsert } from '../estate/excel/bulk.ts';
import { ImportAbort, type ImportEnv } from '../estate/excel/import-env.ts';
import type { GoodArrears, GoodPrepaid } from './opening-import.plan.ts';

const CHUNK = 5000;
const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, k) => rows.slice(k * CHUNK, (k + 1) * CHUNK));

/**
 * Arrears rows (by row index) whose room, fee item and period overlap a live periodic or opening
 * bill — the rows `bills_no_overlap` would refuse — with the first such bill's period.
 */
export async function existingOverlaps(db: Executor, companyId: string, rows: GoodArrears[]) {
  const out = new Map<number, { periodFrom: string; periodTo: string; kind: string }>();
  for (const part of chunks(rows)) {
    const res: any = await db.execute(sql`
      select distinct on (c.i) c.i, b.period_from, b.period_to, b.kind
      from unnest(${sql.param(part.map((r) => r.i))}::int[], ${sql.param(part.map((r) => r.roomId))}::uuid[], ${sql.param(part.map((r) => r.feeItemId))}::uuid[],
                  ${sql.param(part.map((r) => r.periodFrom))}::date[], ${sql.param(part.map((r) => r.periodTo))}::date[]) as c(i, room_id, fee_item_id, period_from, period_to)
      join bills b on b.company_id = ${companyId} and b.room_id = c.room_id and b.fee_item_id = c.fee_item_id
        and b.status = 'live' and b.kind in ('periodic', 'opening')
        and b.period_from <= c.period_to and c.period_from <= b.period_to
      order by c.i, b.period_from`);
    for (const r of res.rows) out.set(Number(r.i), { periodFrom: String(r.period_from), periodTo: String(r.period_to), kind: r.kind });
  }
  return out;
}

/** "room/earmark" keys (earmark '' = general) that already hold a migrated opening prepaid entry. */
export async function migratedPrepaid(db: Executor, companyId: string, rows: { roomId: string }[]) {
  const keys = new Set<string>();
  for (const part of chunks([...new Set(rows.map((r) => r.roomId))])) {
    const res: any = await db.execute(sql`
      select distinct room_id, fee_item_id from ledger_entries
      where company_id = ${companyId} and room_id = any(${sql.param(part)}::uuid[])
        and kind = 'opening_balance' and account = 'prepaid' and migrated`);
    for (const r of res.rows) keys.add(`${r.room_id}/${r.fee_item_id ?? ''}`);
  }
  return keys;
}

const billCols = [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['room_id', 'uuid'], ['fee_item_id', 'uuid'], ['kind', 'text'],
  ['period_from', 'date'], ['period_to', 'date'], ['due_date', 'date'], ['principal_fen', 'bigint'], ['created_by', 'uuid']] as const;
const lineCols = [['id', 'uuid'], ['company_id', 'uuid'], ['bill_id', 'uuid'], ['seq', 'int'], ['period_from', 'date'], ['period_to', 'date'],
  ['description', 'text'], ['quantity', 'text'], ['amount_fen', 'bigint'], ['explanation', 'jsonb']] as const;
const entryCols = [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['room_id', 'uuid'], ['fee_item_id', 'uuid'], ['bill_id', 'uuid'],
  ['kind', 'text'], ['account', 'text'], ['amount_fen', 'bigint'], ['component', 'text'], ['entry_date', 'date'], ['migrated', 'boolean'], ['note', 'text'],
  ['created_by', 'uuid']] as const;
const balanceCols = [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['room_id', 'uuid'], ['account', 'text'], ['fee_item_id', 'uuid'], ['balance_fen', 'bigint']] as const;
const addToBalance = 'on conflict on constraint account_balances_target_uq do update set balance_fen = account_balances.balance_fen + excluded.balance_fen, updated_at = now()';

const described = (base: string, note?: string) => (note ? `${base} ${note}` : base);

/**
 * Writes the good rows set-based in the import's transaction. Entries are dated today (the day
 * the balances enter this system; the bills keep the legacy periods): a closed current month
 * refuses the import as a whole. The prepaid check is repeated here, under the import lock, so two
 * imports racing past validation cannot both add a balance; overlapping bills are the constraint's.
 */
export async function writeOpening(tx: Executor, env: ImportEnv, arrears: GoodArrears[], prepaid: GoodPrepaid[], progress: (rows: number) => Promise<void>) {
  const { companyId, projectId, today, userId } = env;
  const month = `${today.slice(0, 7)}-01`;
  const closed: any = await tx.execute(sql`select 1 from ledger_periods where company_id = ${companyId} and project_id = ${projectId} and month = ${month}::date`);
  if (closed.rows.length) throw new ImportAbort(`本项目 ${today.slice(0, 7)} 已关账，期初余额入账日期为导入当天，无法导入`);
  const again = await migratedPrepaid(tx, companyId, prepaid);
  if (prepaid.some((p) => again.has(`${p.roomId}/${p.feeItemId ?? ''}`))) throw new ImportAbort('导入期间其他导入已写入相同房屋的期初预存，请重新导入');

  const bills: unknown[][] = [];
  const lines: unknown[][] = [];
  const entries: unknown[][] = [];
  for (const a of arrears) {
    const billId = uuidv7();
    const text = described('期初欠费', a.note);
    bills.push([billId, companyId, projectId, a.roomId, a.feeItemId, 'opening', a.periodFrom, a.periodTo, a.dueDate ?? a.periodTo, a.amount, userId]);
    lines.push([uuidv7(), companyId, billId, 1, a.periodFrom, a.periodTo, text, '1', a.amount, JSON.stringify({ source: 'opening_import', line: a.line })]);
    entries.push([uuidv7(), companyId, projectId, a.roomId, a.feeItemId, billId, 'opening_balance', 'receivable', a.amount, 'principal', today, true, text, userId]);
  }
  await bulkInsert(tx, 'bills', billCols, bills, progress);
  await bulkInsert(tx, 'bill_lines', lineCols, lines);
  await bulkInsert(tx, 'ledger_entries', entryCols, entries);

  const held: unknown[][] = [];
  const balances: unknown[][] = [];
  for (const p of prepaid) {
    held.push([uuidv7(), companyId, projectId, p.roomId, p.feeItemId, null, 'opening_balance', 'prepaid', p.amount, 'principal', today, true, described('期初预存', p.note), userId]);
    balances.push([uuidv7(), companyId, projectId, p.roomId, 'prepaid', p.feeItemId, p.amount]);
  }
  await bulkInsert(tx, 'ledger_entries', entryCols, held, (n) => progress(arrears.length + n));
  // one row per room and earmark in a file (duplicates are row errors), so one statement never adds to a balance twice
  await bulkInsert(tx, 'account_balances', balanceCols, balances, undefined, addToBalance);

  const sum = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);
  return { bills: arrears.length, arrearsFen: sum(arrears), prepaid: prepaid.length, prepaidFen: sum(prepaid) };
}
