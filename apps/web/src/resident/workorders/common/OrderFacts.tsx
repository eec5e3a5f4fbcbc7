import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../shared/money.ts';
import { DeadlineText, formatDateTime, placeOf, shortTime, StatusTag } from './labels.tsx';
import { PhotoStrip } from './PhotoStrip.tsx';
import type { WoDetail } from './types.ts';

/** The facts of one order both apps show: status, what, where, who, when; `extra` rows go after "where". */
export function OrderFacts({ o, extra = [] }: { o: WoDetail; extra?: { key: string; label: string; children: ReactNode }[] }) {
  const { t } = useTranslation();
  const slot = o.preferredFrom ? `${shortTime(o.preferredFrom)}${o.preferredTo ? ` – ${shortTime(o.preferredTo).slice(6)}` : ''}` : null;
  const items = [
    { key: 'status', label: t('woH5.fact.status'), children: <><StatusTag status={o.status} /> <DeadlineText o={o} /></> },
    { key: 'cat', label: t('woH5.fact.category'), children: `${t(`woH5.type.${o.type}`)}${o.categoryName ? ` · ${o.categoryName}` : ''} · ${t(`woH5.priority.${o.priority}`)}` },
    { key: 'where', label: t('woH5.fact.where'), children: placeOf(o) },
    ...extra,
    ...(slot ? [{ key: 'slot', label: t('woH5.fact.slot'), children: slot }] : []),
    { key: 'assignee', label: t('woH5.fact.assignee'), children: <span data-testid="wo-assignee">{o.assigneeName ?? t('woH5.fact.unassigned')}</span> },
    { key: 'created', label: t('woH5.fact.created'), children: formatDateTime(o.createdAt) },
    ...(o.completedAt ? [{ key: 'done', label: t('woH5.fact.completed'), children: formatDateTime(o.completedAt) }] : []),
    ...(o.materials ? [{ key: 'mat', label: t('woH5.fact.materials'), children: o.materials }] : []),
    ...(o.labourMinutes != null ? [{ key: 'lab', label: t('woH5.fact.labour'), children: t('woH5.fact.minutes', { n: o.labourMinutes }) }] : []),
    ...(o.quote ? [{ key: 'quote', label: t('woH5.fact.quote'), children: `¥${yuan(o.quote.amountFen)} · ${t(`woH5.quote.${o.quote.status}`)}` }] : []),
    ...(o.rating != null ? [{ key: 'rating', label: t('woH5.fact.rating'), children: <span data-testid="wo-rating">{'★'.repeat(o.rating)}{o.ratingComment ? ` ${o.ratingComment}` : ''}</span> }] : []),
  ];
  return (
    <>
      <div className="wo-step-note" data-testid="wo-description">{o.description}</div>
      <PhotoStrip files={o.timeline.find((r) => r.event === 'submit')?.files ?? []} testId="wo-photos-first" />
      <Descriptions column={1} size="small" style={{ marginTop: 12 }} items={items} />
    </>
  );
}
