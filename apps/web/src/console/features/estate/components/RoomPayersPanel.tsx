import { Button, Card, DatePicker, Form, Radio, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { PAYER_CATEGORIES, PAYERS, useRoomPayers, useSetPayer, type Payer, type PayerCategory, type RoomPayers } from '../api-moves.ts';
import type { RoomDetail } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';

type Current = RoomPayers['current'][number];
type Rule = RoomPayers['history'][number];

/** '*' is the room's default rule, not a fee category of its own. */
const categoryLabel = (t: TFunction, c: PayerCategory) => (c === '*' ? t('payer.defaultCategory') : t(`feeCategory.${c}`));
const order = (c: PayerCategory) => PAYER_CATEGORIES.indexOf(c);

function PayerTag({ payer }: { payer: Payer }) {
  const { t } = useTranslation();
  return <Tag color={payer === 'tenant' ? 'blue' : 'gold'}>{t(`payer.who.${payer}`)}</Tag>;
}

interface Values {
  category: PayerCategory;
  payer: Payer;
  from: Dayjs;
}

/** A rule from a day on (future days too: "the tenant pays from next month"); the open rule ends the day before. */
function SetPayerForm({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const set = useSetPayer();
  const saved = useFieldSaveFeedback(form, () => form.resetFields(), { doneKey: 'payer.saved' });

  const submit = async () => {
    const v = await form.validateFields();
    set.mutate({ roomId: room.id, body: { category: v.category, payer: v.payer, from: v.from.format('YYYY-MM-DD') } }, saved);
  };

  return (
    <Card size="small" title={t('payer.change')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" initialValues={{ category: 'property_fee', payer: 'owner', from: dayjs() }}>
        <Form.Item name="category" rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={PAYER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            data-testid="payer-category"
          />
        </Form.Item>
        <Form.Item name="payer" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={PAYERS.map((p) => ({ value: p, label: t(`payer.who.${p}`) }))} data-testid="payer-who" />
        </Form.Item>
        <Form.Item name="from" label={t('payer.from')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} data-testid="payer-from" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={set.isPending} onClick={runSubmit(submit)} data-testid="payer-submit">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Who pays each fee category of the room today (its own rule, else the room's default, else the owner), and every rule it had. */
export function RoomPayersPanel({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const payers = useRoomPayers(room.id);
  const current = [...(payers.data?.current ?? [])].sort((a, b) => order(a.category) - order(b.category));
  const history = [...(payers.data?.history ?? [])].sort((a, b) => order(a.category) - order(b.category) || b.validFrom.localeCompare(a.validFrom));

  return (
    <>
      {has('estate.manage') && <SetPayerForm room={room} />}
      <Table<Current>
        rowKey="category"
        size="small"
        loading={payers.isPending}
        dataSource={current}
        pagination={false}
        data-testid="room-payers"
        columns={[
          { title: t('payer.category'), dataIndex: 'category', render: (c: PayerCategory) => categoryLabel(t, c) },
          { title: t('payer.payer'), dataIndex: 'payer', render: (p: Payer) => <PayerTag payer={p} /> },
          { title: t('payer.source'), dataIndex: 'source', render: (s: Current['source']) => t(`payer.sources.${s}`) },
          { title: t('payer.from'), dataIndex: 'validFrom', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('payer.history')}
      </Typography.Title>
      <Table<Rule>
        rowKey={(r) => `${r.category}|${r.validFrom}`}
        size="small"
        loading={payers.isPending}
        dataSource={history}
        pagination={false}
        locale={{ emptyText: t('payer.noRules') }}
        data-testid="room-payers-history"
        columns={[
          { title: t('payer.category'), dataIndex: 'category', render: (c: PayerCategory) => categoryLabel(t, c) },
          { title: t('payer.payer'), dataIndex: 'payer', render: (p: Payer) => <PayerTag payer={p} /> },
          { title: t('resident.period'), key: 'period', render: (_, r) => `${r.validFrom} ~ ${r.validTo ?? t('resident.now')}` },
        ]}
      />
    </>
  );
}
