import { and, eq, sql } from 'drizzle-orm';
import type { InvoiceLine } from '@wuye/shared';
import type { AppContext } from '../../../context.ts';
import { canSeeProject, systemActor } from '../../../lib/actor.ts';
import { record } from '../../audit/audit.service.ts';
import { createStore } from '../../files/files.routes.ts';
import { saveFile } from '../../files/files.service.ts';
import { registerFileOwner } from '../../files/owners.ts';
import { invoicePayments, invoices } from '../payments.table.ts';
import { invoiceableOf, reconcileBlue, residentRoomIds } from '../invoices.service.ts';
import type { EInvoiceRequest, EInvoiceResult } from './provider.ts';
import { einvoiceSetup } from './registry.ts';

export const INVOICE_FILE_OWNER = 'invoice';

// an invoice's PDF is read by whoever may read the invoice: staff with payment.read in its project, residents of its room
registerFileOwner(INVOICE_FILE_OWNER, {
  uploadPermission: 'payment.invoice.manage',
  async read(db, actor, ownerId) {
    if (!actor.companyId) return null;
    const [inv] = await db.select({ projectId: invoices.projectId, roomId: invoices.roomId }).from(invoices)
      .where(and(eq(invoices.companyId, actor.companyId), eq(invoices.id, ownerId)));
    if (!inv) return null;
    const ok = actor.memberKind === 'resident'
      ? (await residentRoomIds(db, actor)).includes(inv.roomId)
      : actor.permissions.has('payment.read') && canSeeProject(actor, inv.projectId);
    return ok ? { companyId: actor.companyId, projectId: inv.projectId } : null;
  },
});

type Claim = { req: EInvoiceRequest; blue: { invoiceNo: string; issuedAt: Date | null } | null; providerRef: string | null };

/**
 * Issues one invoice through the configured platform: claims it (requested → issuing, recomputing a
 * blue's lines from its payments first — a refund may have come in since the request), calls the
 * platform outside any transaction, then settles it: issued (PDF stored through the files module),
 * pending (asked again later; returns 'pending') or failed. Safe to run twice: only an invoice in
 * requested/issuing is claimed, and the platform deduplicates on our invoice id.
 */
export async function issueInvoice(ctx: AppContext, invoiceId: string): Promise<'issued' | 'pending' | 'failed' | 'skipped'> {
  const db = ctx.database.db;
  const { provider, sellerTaxId } = einvoiceSetup();
  const claim = await db.transaction(async (tx): Promise<Claim | null> => {
    let [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (!inv || (inv.status !== 'requested' && inv.status !== 'issuing')) return null;
    const actor = systemActor(inv.companyId, 'e-invoice');
    if (inv.kind === 'blue' && inv.status === 'requested') {
      await reconcileBlue(tx, ctx, actor, inv, '退款后按剩余金额开票');
      [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
      if (!inv || inv.status !== 'requested') return null;
    }
    if (inv.status === 'requested') await tx.update(invoices).set({ status: 'issuing', version: sql`${invoices.version} + 1` }).where(eq(invoices.id, inv.id));
    const meta = ((await tx.execute(sql`select c.name as seller, p.name as project, r.code as room
      from companies c join projects p on p.id = ${inv.projectId} join rooms r on r.id = ${inv.roomId} where c.id = ${inv.companyId}`)) as any).rows[0];
    let blue: Claim['blue'] = null;
    if (inv.kind === 'red') {
      const [b] = await tx.select({ invoiceNo: invoices.invoiceNo, issuedAt: invoices.issuedAt }).from(invoices).where(eq(invoices.id, inv.redOf!));
      blue = { invoiceNo: b?.invoiceNo ?? '', issuedAt: b?.issuedAt ?? null };
    }
    return {
      providerRef: inv.status === 'issuing' ? inv.providerRef : null, blue,
      req: {
        id: inv.id, kind: inv.kind, seller: { name: meta.seller, taxId: sellerTaxId },
        buyer: { type: inv.buyerType, name: inv.buyerName, taxId: inv.buyerTaxId, email: inv.buyerEmail },
        lines: inv.lines as InvoiceLine[], amountFen: inv.amountFen, taxFen: inv.taxFen, remark: `${meta.project} ${meta.room} 物业服务费`,
      },
    };
  });
  if (!claim) return 'skipped';

  let result: EInvoiceResult;
  try {
    result = claim.providerRef ? await provider.query(claim.providerRef)
      : claim.blue ? await provider.red(claim.req, claim.blue) : await provider.issue(claim.req);
  } catch (e: any) {
    // a platform that cannot be reached: stays issuing, the job retries (and the sweep after it)
    throw new Error(`e-invoice platform ${provider.name}: ${e?.message ?? e}`);
  }

  return db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (!inv || inv.status !== 'issuing') return 'skipped' as const;
    const actor = systemActor(inv.companyId, 'e-invoice');
    const entity = { type: 'invoice', id: inv.id, projectId: inv.projectId };
    if (result.status === 'pending') {
      await tx.update(invoices).set({ providerRef: result.providerRef }).where(eq(invoices.id, inv.id));
      return 'pending' as const;
    }
    if (result.status === 'failed') {
      await tx.update(invoices).set({ status: 'failed', failReason: result.failReason ?? '开具失败', providerRef: result.providerRef, version: sql`${invoices.version} + 1` }).where(eq(invoices.id, inv.id));
      await record(tx, actor, 'payment.invoice_failed', entity, { status: 'issuing' }, { status: 'failed', failReason: result.failReason });
      return 'failed' as const;
    }
    const file = await saveFile(tx, createStore(ctx), {
      companyId: inv.companyId, projectId: inv.projectId, ownerType: INVOICE_FILE_OWNER, ownerId: inv.id,
      name: `${inv.kind === 'red' ? '红字发票' : '发票'}-${result.invoiceNo}.pdf`, data: result.pdf!,
    });
    const [after] = await tx.update(invoices).set({
      status: 'issued', invoiceNo: result.invoiceNo, checkCode: result.checkCode, fileId: file.id, providerRef: result.providerRef,
      failReason: null, issuedAt: result.issuedAt ?? new Date(), version: sql`${invoices.version} + 1`,
    }).where(eq(invoices.id, inv.id)).returning();
    await record(tx, actor, 'payment.invoice_issued', entity, { status: 'issuing' },
      { status: 'issued', kind: inv.kind, invoiceNo: result.invoiceNo, amountFen: inv.amountFen, fileId: file.id });
    if (inv.kind === 'blue') {
      // a refund that arrived while the platform was issuing: red-letter and re-invoice the rest now
      const links = await tx.select({ paymentId: invoicePayments.paymentId }).from(invoicePayments)
        .where(and(eq(invoicePayments.invoiceId, inv.id), eq(invoicePayments.active, true)));
      const now = await invoiceableOf(tx, inv.companyId, links.map((l) => l.paymentId));
      if (now.amountFen !== after!.amountFen) await reconcileBlue(tx, ctx, actor, after!, '开具期间发生退款，红冲后按剩余金额重开');
    }
    return 'issued' as const;
  });
}
