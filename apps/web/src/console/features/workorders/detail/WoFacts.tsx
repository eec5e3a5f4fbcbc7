import { Button, Descriptions, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { yuan } from '../../../../shared/money.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { BillDetailDrawer } from '../../billing/bills/BillDetailDrawer.tsx';
import { DeadlineCell, durationText, locationText } from '../labels.tsx';
import type { WorkOrderDetail } from '../types.ts';

const at = (s: string | null) => (s ? formatDateTime(s).slice(0, 16) : '—');

/** What the order is about and where it stands: place, people, slot, category, quote, bill, rating, revisit. */
export function WoFacts({ order: o }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const [billId, setBillId] = useState<string | null>(null);
  const slot = o.preferredFrom ? `${at(o.preferredFrom)} – ${o.preferredTo ? at(o.preferredTo).slice(11) : ''}` : '—';

  return (
    <>
      <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="wo-facts" items={[
        { key: 'type', label: t('woConsole.field.type'), children: `${t(`woConsole.type.${o.type}`)} · ${t(`woConsole.source.${o.source}`)}` },
        { key: 'category', label: t('woConsole.field.category'), children: o.categoryName ?? '—' },
        { key: 'where', label: t('woConsole.field.location'), children: `${t(`woConsole.area.${o.area}`)} · ${locationText(t, o)}${o.equipmentCode ? ` · ${o.equipmentCode}` : ''}` },
        { key: 'project', label: t('woConsole.field.project'), children: o.projectName },
        { key: 'requester', label: t('woConsole.field.requester'), children: o.requesterName ?? '—' },
        { key: 'contact', label: t('woConsole.field.contact'), children: [o.contactName, o.contactPhone].filter(Boolean).join(' ') || '—' },
        { key: 'slot', label: t('woConsole.field.preferredSlot'), children: slot },
        { key: 'assignee', label: t('woConsole.field.assignee'), children: o.assigneeName ?? (o.inPool ? <Tag>{t('woConsole.inPool')}</Tag> : '—') },
        { key: 'response', label: t('woConsole.field.responseDue'), children: <DeadlineCell at={o.responseDueAt} status={o.acceptedAt ? 'closed' : o.status} /> },
        { key: 'complete', label: t('woConsole.field.completeDue'), children: <DeadlineCell at={o.completeDueAt} status={o.status} overdue={o.overdue} /> },
        { key: 'clock', label: t('woConsole.field.clock'), children: t(`woConsole.clock.${o.slaClock}`) },
        { key: 'created', label: t('woConsole.field.createdAt'), children: at(o.createdAt) },
        ...(o.pausedAt ? [{ key: 'paused', label: t('woConsole.field.pauseReason'), children: `${o.pauseReason ? t(`woConsole.pauseReason.${o.pauseReason}`, { defaultValue: o.pauseReason }) : ''} · ${at(o.pausedAt)}` }] : []),
        ...(o.quote ? [{
          key: 'quote', label: t('woConsole.field.quote'),
          children: <span data-testid="wo-quote">{yuan(o.quote.amountFen)} {t('woConsole.yuan')} <Tag>{t(`woConsole.quoteStatus.${o.quote.status}`)}</Tag>{o.quote.note}</span>,
        }] : []),
        ...(o.chargeBillId ? [{
          key: 'bill', label: t('woConsole.field.bill'),
          children: has('billing.read') ? <Button type="link" size="small" onClick={() => setBillId(o.chargeBillId)} data-testid="wo-bill-link">{t('woConsole.openBill')}</Button> : t('woConsole.billed'),
        }] : []),
        ...(o.completedAt ? [{
          key: 'work', label: t('woConsole.field.work'),
          children: [o.materials, o.labourMinutes !== null ? t('woConsole.labour', { d: durationText(t, o.labourMinutes) }) : null].filter(Boolean).join(' · ') || '—',
        }] : []),
        ...(o.rating !== null ? [{
          key: 'rating', label: t('woConsole.field.rating'),
          children: <Space orientation="vertical" size={0}><Rate disabled value={o.rating} style={{ fontSize: 14 }} /><Typography.Text>{o.ratingComment}</Typography.Text></Space>,
        }] : []),
        ...(o.revisit.status !== 'none' ? [{
          key: 'revisit', label: t('woConsole.field.revisit'),
          children: o.revisit.status === 'pending' ? <Tag color="orange">{t('woConsole.revisitPending')}</Tag>
            : `${o.revisit.result ? t(`woConsole.revisitResult.${o.revisit.result}`) : ''} ${o.revisit.note ?? ''} ${at(o.revisit.at)}`,
        }] : []),
        ...(o.reopenCount ? [{ key: 'reopen', label: t('woConsole.field.reopenCount'), children: o.reopenCount }] : []),
        { key: 'description', label: t('woConsole.field.description'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.description}</Typography.Paragraph> },
      ]} />
      {has('billing.read') && <BillDetailDrawer id={billId} onClose={() => setBillId(null)} />}
    </>
  );
}
