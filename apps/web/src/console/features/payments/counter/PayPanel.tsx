import { Alert, Button, Card, Col, Input, Radio, Row, Segmented, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { errorText } from '../../../../shared/errors.ts';
import { fenToYuanInput, yuan } from '../shared/format.ts';
import { useAttemptKey } from '../shared/attemptKey.ts';
import { useCollect, useCounterPreview, useCreateCounterOrder, type CounterRoom, type PaymentOrder } from '../shared/api.ts';
import { useDebounced } from '../shared/useDebounced.ts';
import { CounterBills } from './CounterBills.tsx';
import { evaluateDraft, type CounterChannel, type CounterDraft, type CounterMode } from './draft.ts';
import { PreviewCard } from './PreviewCard.tsx';
import type { CounterSuccess } from './SuccessView.tsx';

const CHANNELS: CounterChannel[] = ['cash', 'transfer', 'pos', 'qr'];

const fresh = (room: CounterRoom): CounterDraft => ({
  mode: 'bills', selected: room.bills.map((b) => b.billId), channel: 'cash', amountText: fenToYuanInput(room.totalDueFen),
  tenderedText: '', prepay: room.bills.length === 0, reference: '', payerName: '', note: '',
});

/** The bills to pay (or an amount), the channel and the money: a live preview from the server, then 收款. */
export function PayPanel({ room, onPaid, onQr }: { room: CounterRoom; onPaid: (s: CounterSuccess) => void; onQr: (o: PaymentOrder) => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<CounterDraft>(() => fresh(room));
  const set = (patch: Partial<CounterDraft>) => setD((x) => ({ ...x, ...patch }));
  const r = evaluateDraft(room, d);
  const collect = useCollect();
  const createOrder = useCreateCounterOrder();
  const attempt = useAttemptKey();
  const [error, setError] = useState<string | null>(null);
  const tendered = useRef<{ focus: () => void } | null>(null);

  // bills mode: the amount follows the ticked bills (the cashier may still type another)
  const selectedDue = room.bills.filter((b) => d.selected.includes(b.billId)).reduce((s, b) => s + b.totalDueFen, 0);
  useEffect(() => { if (d.mode === 'bills') set({ amountText: fenToYuanInput(selectedDue) }); }, [selectedDue, d.mode]); // eslint-disable-line react-hooks/exhaustive-deps
  // the room's bills were refetched (another payment, a late fee posted): drop ticks of bills no longer owed
  useEffect(() => {
    const ids = new Set(room.bills.map((b) => b.billId));
    setD((x) => (x.selected.every((id) => ids.has(id)) ? x : { ...x, selected: x.selected.filter((id) => ids.has(id)) }));
  }, [room]);
  useEffect(() => setError(null), [d]);

  const previewBody = useDebounced(d.channel === 'qr' ? null : r.body, 300);
  const preview = useCounterPreview(previewBody);
  const busy = collect.isPending || createOrder.isPending;

  const submit = () => {
    if (busy) return;
    if (d.channel === 'qr') {
      if (!r.orderBody) return;
      createOrder.mutate({ body: r.orderBody, key: attempt.keyFor(r.orderBody) }, {
        onSuccess: (o) => { attempt.reset(); onQr(o); },
        onError: (e) => setError(errorText(t, e)),
      });
      return;
    }
    if (!r.body) return;
    const body = r.body;
    collect.mutate({ body, key: attempt.keyFor(body) }, {
      onSuccess: (p) => {
        attempt.reset();
        onPaid({ paymentId: p.id, receiptNumber: p.receipt?.number ?? null, amountFen: p.amountFen, changeFen: p.changeFen, prepaidFen: p.prepaidFen, billsFen: p.billsFen, roomCode: p.roomCode });
      },
      // a lost answer or a 5xx: 收款 again sends the same key, so the server answers the first payment instead of posting twice
      onError: (e) => setError(errorText(t, e) + (isApiError(e) && (e.status === 0 || e.status >= 500) ? ` ${t('payments.counter.retrySafe')}` : '')),
    });
  };

  const problemText = r.problem && r.problem !== 'amount_invalid' ? t(`payments.problem.${r.problem}`, { amount: yuan(r.remainderFen) }) : null;
  const onEnter = () => { if (d.channel === 'cash' && !d.tenderedText) tendered.current?.focus(); else submit(); };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={
          <Segmented<CounterMode> value={d.mode} onChange={(mode) => set({ mode, ...(mode === 'bills' ? { selected: room.bills.map((b) => b.billId) } : {}) })} data-testid="counter-mode"
            options={[{ value: 'bills', label: t('payments.counter.byBills') }, { value: 'amount', label: t('payments.counter.byAmount') }]} />
        }>
          {d.mode === 'amount' && <Typography.Paragraph type="secondary">{t('payments.counter.byAmountHint')}</Typography.Paragraph>}
          <CounterBills bills={room.bills} selected={d.selected} selectable={d.mode === 'bills'} onSelect={(selected) => set({ selected })} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('payments.counter.collect')}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Radio.Group optionType="button" buttonStyle="solid" value={d.channel} onChange={(e) => set({ channel: e.target.value as CounterChannel })} data-testid="counter-channel"
              options={CHANNELS.map((c) => ({ value: c, label: <span data-testid={`counter-channel-${c}`}>{t(`payments.counter.channel.${c}`)}</span> }))} />
            <div>
              <Typography.Text>{t('payments.counter.amount')}</Typography.Text>
              <Input size="large" prefix="¥" inputMode="decimal" value={d.amountText} onChange={(e) => set({ amountText: e.target.value })} onPressEnter={onEnter}
                status={r.problem === 'amount_invalid' && d.amountText ? 'error' : undefined} data-testid="counter-amount" />
              <Typography.Text type="secondary">{t('payments.counter.billsDue', { amount: yuan(r.billsDueFen) })}</Typography.Text>
            </div>
            {d.channel === 'cash' && (
              <div>
                <Typography.Text>{t('payments.counter.tendered')}</Typography.Text>
                <Input ref={tendered as never} size="large" prefix="¥" inputMode="decimal" value={d.tenderedText} onChange={(e) => set({ tenderedText: e.target.value })} onPressEnter={submit}
                  status={r.problem === 'tender_short' || r.problem === 'tender_invalid' ? 'error' : undefined} data-testid="counter-tendered" />
                <div className="pay-counter-change">
                  {t('payments.counter.change')} <b data-testid="counter-change">{r.changeFen === null ? '–' : `¥${yuan(r.changeFen)}`}</b>
                </div>
              </div>
            )}
            {(d.channel === 'transfer' || d.channel === 'pos') && (
              <Input placeholder={t(`payments.counter.reference.${d.channel}`)} value={d.reference} maxLength={64} onChange={(e) => set({ reference: e.target.value })} data-testid="counter-reference" />
            )}
            <Space wrap>
              <Switch checked={d.prepay} onChange={(prepay) => set({ prepay })} data-testid="counter-prepay" />
              <span>{t('payments.counter.prepayRemainder')}</span>
              {r.remainderFen > 0 && <Typography.Text type={d.prepay ? 'success' : 'warning'} data-testid="counter-remainder">{t('payments.counter.remainder', { amount: yuan(r.remainderFen) })}</Typography.Text>}
            </Space>
            {d.channel !== 'qr' && (
              <Space.Compact style={{ width: '100%' }}>
                <Input placeholder={t('payments.counter.payerName')} value={d.payerName} maxLength={64} onChange={(e) => set({ payerName: e.target.value })} data-testid="counter-payer" />
                <Input placeholder={t('payments.counter.note')} value={d.note} maxLength={200} onChange={(e) => set({ note: e.target.value })} data-testid="counter-note" />
              </Space.Compact>
            )}
            {problemText && <Alert type="warning" showIcon title={problemText} data-testid="counter-problem" />}
            {d.channel !== 'qr' && <PreviewCard preview={preview} stale={JSON.stringify(previewBody) !== JSON.stringify(r.body)} />}
            {error && <Alert type="error" showIcon title={error} data-testid="counter-error" />}
            <Button type="primary" size="large" block loading={busy} disabled={d.channel === 'qr' ? !r.orderBody : !r.body} onClick={submit} data-testid="counter-submit">
              {d.channel === 'qr' ? t('payments.counter.showQr') : t('payments.counter.submit', { amount: r.amountFen ? yuan(r.amountFen) : '0.00' })}
            </Button>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
