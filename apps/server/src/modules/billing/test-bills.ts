import { and, eq } from 'drizzle-orm';
import { monthEnd } from '@wuye/shared';
import type { TestApp } from '../../../test/harness.ts';
import { businessNow } from '../../lib/time.ts';
import { billBalances } from './bill-balances.ts';
import { bills, ledgerEntries } from './ledger.table.ts';

/** Test helpers for the billing slices: bills and ledger entries written directly (no bill run, no payments module). */

export const day = (offset = 0) => businessNow().add(offset, 'day').format('YYYY-MM-DD');

export interface BillSpec { companyId: string; projectId: string; roomId: string; feeItemId: string; principalFen: number; dueDate: string; from?: string; to?: string; chargeDate?: string }

/** A live periodic bill with its one `charge` entry. Each call bills the next free month of the room and item unless `from` is given. */
let monthCursor = 0;
export async function periodicBill(t: TestApp, s: BillSpec): Promise<string> {
  const from = s.from ?? `20${String(10 + Math.floor(monthCursor / 12)).padStart(2, '0')}-${String((monthCursor % 12) + 1).padStart(2, '0')}-01`;
  const to = s.to ?? monthEnd(from);
  if (!s.from) monthCursor++;
  const db = t.ctx.database.db;
  const [b] = await db.insert(bills).values({
    companyId: s.companyId, projectId: s.projectId, roomId: s.roomId, feeItemId: s.feeItemId, kind: 'periodic', periodFrom: from, periodTo: to,
    dueDate: s.dueDate, principalFen: s.principalFen,
  }).returning();
  await db.insert(ledgerEntries).values({
    companyId: s.companyId, projectId: s.projectId, roomId: s.roomId, feeItemId: s.feeItemId, billId: b!.id, kind: 'charge', account: 'receivable',
    amountFen: s.principalFen, entryDate: s.chargeDate ?? from,
  });
  return b!.id;
}

/** A receivable entry against a bill (payments are written directly: the payments module does not exist yet). Positive fen = money in. */
export async function payBill(t: TestApp, billId: string, fen: number, entryDate: string, component: 'principal' | 'late_fee' = 'principal', kind: 'payment' | 'prepay_deduction' = 'payment') {
  const db = t.ctx.database.db;
  const [b] = await db.select().from(bills).where(eq(bills.id, billId));
  const [e] = await db.insert(ledgerEntries).values({
    companyId: b!.companyId, projectId: b!.projectId, roomId: b!.roomId, parkingSpaceId: b!.parkingSpaceId, feeItemId: b!.feeItemId, billId,
    kind, account: 'receivable', component, amountFen: -fen, entryDate,
  }).returning();
  return e!.id;
}

/** billed + late fees = paid + waived + outstanding, for every bill of the company. */
export async function identityViolations(t: TestApp, companyId: string): Promise<string[]> {
  const db = t.ctx.database.db;
  const ids = (await db.select({ id: bills.id }).from(bills).where(and(eq(bills.companyId, companyId)))).map((r) => r.id);
  const balances = await billBalances(db, companyId, ids);
  const bad: string[] = [];
  for (const b of balances.values()) {
    if (b.chargedFen + b.lateFeePostedFen !== b.paidFen + b.waivedFen + b.principalOutstandingFen + b.lateFeeOutstandingFen) bad.push(JSON.stringify(b));
  }
  return bad;
}

/** A fee item `LF` with a 0.5‰/day late fee and no grace, and one 90 m² room in a new building of the project (HQ's requests). */
export async function lateFeeRoom(t: TestApp, hqCookie: string, projectId: string, buildingCode: string): Promise<{ feeItemId: string; roomId: string }> {
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: hqCookie }, payload });
  const feeItemId = (await post('/api/billing/fee-items', {
    code: 'LF', name: '物业费', category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner',
    lateFee: { dailyRatePpm: 500, graceDays: 0, capBp: null },
  })).json().id;
  const g = await post(`/api/projects/${projectId}/buildings/generate`, { code: buildingCode, name: `${buildingCode}号楼`, units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: '90' }] });
  const roomId = (await t.app.inject({ method: 'GET', url: `/api/rooms?buildingId=${g.json().buildingId}`, headers: { cookie: hqCookie } })).json().items[0].id;
  return { feeItemId, roomId };
}
