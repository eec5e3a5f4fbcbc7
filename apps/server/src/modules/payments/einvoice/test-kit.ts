import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../../test/harness.ts';

/** The text of a pdfkit PDF: glyph ids of the TJ strings mapped back through the ToUnicode CMaps (one font here). */
export function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const streams: string[] = [];
  for (let at = 0; ;) {
    const m = /(?<!end)stream\r?\n/g;
    m.lastIndex = at;
    const hit = m.exec(s);
    if (!hit) break;
    const start = hit.index + hit[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try { streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1')); } catch { /* not deflated */ }
    at = end + 9;
  }
  const map = new Map<number, string>();
  // a ligature's entry holds several code units with spaces between (<0066 0066> for "ff": random hex in a name makes one)
  const u = (hex: string) => String.fromCodePoint(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const c of streams.filter((t) => t.includes('begincmap'))) {
    for (const b of c.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const lo = parseInt(r[1]!, 16), hi = parseInt(r[2]!, 16);
        if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((x, i) => map.set(lo + i, u(x[1]!)));
        else { const base = parseInt(r[3]!.slice(1, -1), 16); for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(base + g - lo)); }
      }
    }
    for (const b of c.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const r of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(r[1]!, 16), u(r[2]!));
    }
  }
  let out = '';
  for (const c of streams) {
    for (const tj of c.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const h of tj[1]!.matchAll(/<([0-9a-fA-F]+)>/g)) out += (h[1]!.match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '?').join('');
      out += '\n';
    }
  }
  return out;
}

/** Payments written as the counter would (payment row, allocations, their ledger entries), without the counter. */
export function payKit(t: () => TestApp) {
  const rows = async (q: ReturnType<typeof sql>) => ((await t().ctx.database.db.execute(q)) as any).rows as any[];

  async function bill(o: { companyId: string; projectId: string; roomId: string; feeItemId: string; month: string; principalFen: number; lateFeeFen?: number }) {
    const from = `${o.month}-01`;
    const [b] = await rows(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
      values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, 'one_off', ${from}, ${`${o.month}-28`}, ${`${o.month}-15`}, ${o.principalFen}) returning id`);
    await rows(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
      values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, ${b.id}, 'charge', 'receivable', 'principal', ${o.principalFen}, ${from})`);
    if (o.lateFeeFen) {
      await rows(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
        values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, ${b.id}, 'late_fee', 'receivable', 'late_fee', ${o.lateFeeFen}, ${from})`);
    }
    return b.id as string;
  }

  /** a posted cash payment of a room: its allocations (bill, component, fen) and an optional prepaid remainder */
  async function pay(o: { companyId: string; projectId: string; roomId: string; allocations: { billId: string; component?: 'principal' | 'late_fee'; fen: number }[]; prepaidFen?: number }) {
    const billsFen = o.allocations.reduce((s, a) => s + a.fen, 0);
    const prepaid = o.prepaidFen ?? 0;
    const [p] = await rows(sql`insert into payments (id, company_id, project_id, room_id, channel, amount_fen, bills_fen, prepaid_fen, business_date)
      values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, 'cash', ${billsFen + prepaid}, ${billsFen}, ${prepaid}, current_date) returning id`);
    for (const a of o.allocations) {
      const [b] = await rows(sql`select fee_item_id from bills where id = ${a.billId}`);
      const [e] = await rows(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date, payment_id)
        values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, ${b.fee_item_id}, ${a.billId}, 'payment', 'receivable', ${a.component ?? 'principal'}, ${-a.fen}, current_date, ${p.id}) returning id`);
      await rows(sql`insert into payment_allocations (id, company_id, payment_id, bill_id, component, amount_fen, entry_id)
        values (uuid_v7(), ${o.companyId}, ${p.id}, ${a.billId}, ${a.component ?? 'principal'}, ${a.fen}, ${e.id})`);
    }
    return p.id as string;
  }

  /** what a refund of `fen` from one allocation of a payment leaves behind (the refunds slice does this for real) */
  async function refundAllocation(tx: any, paymentId: string, fen: number) {
    const [a] = ((await tx.execute(sql`select id from payment_allocations where payment_id = ${paymentId} order by id desc limit 1`)) as any).rows;
    await tx.execute(sql`update payment_allocations set refunded_fen = refunded_fen + ${fen} where id = ${a.id}`);
    await tx.execute(sql`update payments set refunded_fen = refunded_fen + ${fen} where id = ${paymentId}`);
  }

  return { rows, bill, pay, refundAllocation };
}
