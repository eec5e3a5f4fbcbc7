import { Button, Card, Form, Input, Rate } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { useMyWoEvent } from './api.ts';
import { EventSheet } from './common/EventSheet.tsx';
import type { WoDetail, WoEventName } from './common/types.ts';
import './common/wo-h5.css';

/** What the requester may do, in this order; the server's `abilities` decide which of them show. */
const MINE: readonly WoEventName[] = ['accept_quote', 'decline_quote', 'confirm', 'reopen', 'cancel'];
type Sheet = 'cancel' | 'confirm' | 'reopen' | 'accept_quote' | 'decline_quote';
interface Values { note?: string; rating?: number; comment?: string }

/** 报价确认、评价、重开、取消: only the steps `detail.abilities` allows, each in a bottom sheet. */
export function MyOrderActions({ o }: { o: WoDetail }) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const ev = useMyWoEvent(o.id);
  const onError = useApiErrorHandler();
  const actions = MINE.filter((e) => o.abilities.includes(e)
    && (!['accept_quote', 'decline_quote'].includes(e) || o.quote?.status === 'proposed')) as Sheet[];
  if (!actions.length) return null;

  const submit = (v: Values) => {
    if (!sheet) return;
    const base = { version: o.version };
    const body = sheet === 'confirm' ? { event: sheet, ...base, rating: v.rating!, comment: v.comment?.trim() || undefined }
      : sheet === 'cancel' || sheet === 'reopen' ? { event: sheet, ...base, note: v.note!.trim() }
      : { event: sheet, ...base, note: v.note?.trim() || undefined };
    ev.mutate(body, { onSuccess: () => setSheet(null), onError: (e) => onError(e, { onStale: () => setSheet(null) }) });
  };
  const needsNote = sheet === 'cancel' || sheet === 'reopen';

  return (
    <Card title={t('woH5.actions.title')} data-testid="my-wo-actions">
      {o.quote?.status === 'proposed' && (
        <div style={{ marginBottom: 12 }} data-testid="my-wo-quote">
          <div className="wo-step-sub">{t('woH5.quote.proposed')}</div>
          <div className="wo-amount" data-testid="my-wo-quote-amount">¥{yuan(o.quote.amountFen)}</div>
          {o.quote.note && <div className="wo-step-note">{o.quote.note}</div>}
        </div>
      )}
      <div className="wo-actions">
        {actions.map((e) => (
          <Button key={e} size="large" type={e === 'confirm' || e === 'accept_quote' ? 'primary' : 'default'} danger={e === 'cancel'}
            onClick={() => setSheet(e)} data-testid={`my-wo-act-${e}`}>{t(`woH5.action.${e}`)}</Button>
        ))}
      </div>
      <EventSheet<Values> open={!!sheet} title={sheet ? t(`woH5.action.${sheet}`) : ''} busy={ev.isPending} onClose={() => setSheet(null)}
        onSubmit={submit} okText={t('woH5.actions.ok')} danger={sheet === 'cancel'} initialValues={{ rating: 5 }} testId="my-wo-sheet">
        {sheet === 'accept_quote' && o.quote && <p>{t('woH5.quote.acceptHint', { amount: yuan(o.quote.amountFen) })}</p>}
        {sheet === 'confirm' && (
          <>
            <Form.Item name="rating" label={t('woH5.confirm.rating')} rules={[{ required: true }]}>
              <Rate style={{ fontSize: 32 }} data-testid="my-wo-rating" />
            </Form.Item>
            <Form.Item name="comment" label={t('woH5.confirm.comment')}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="my-wo-comment" />
            </Form.Item>
          </>
        )}
        {(needsNote || sheet === 'decline_quote') && (
          <Form.Item name="note" label={t(`woH5.note.${sheet}`)} rules={needsNote ? [{ required: true, whitespace: true, message: t('woH5.note.required') }] : []}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="my-wo-note" />
          </Form.Item>
        )}
      </EventSheet>
    </Card>
  );
}
