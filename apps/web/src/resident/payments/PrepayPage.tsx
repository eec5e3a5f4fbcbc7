import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fenOf, YUAN_PATTERN } from '../../shared/money.ts';
import { runSubmit } from '../../shared/runSubmit.ts';
import { useMyRooms } from '../home/api.ts';
import { useMyFeeItems } from './api.ts';
import { usePayOrder } from './usePayOrder.ts';
import '../home/my-home.css';
import './pay-h5.css';

interface Values { roomId: string; amount: string; feeItemId?: string }

const MAX_FEN = 100_000_000_00;

/** 预存: put money into a room's prepaid balance online (optionally earmarked for one fee item); bills due later are deducted from it. */
export function PrepayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rooms, isPending } = useMyRooms();
  const items = useMyFeeItems();
  const [form] = Form.useForm<Values>();
  const { pay, error, busy } = usePayOrder();
  // the first room, once the rooms are known
  const first = rooms[0]?.roomId;
  useEffect(() => { if (first && !form.getFieldValue('roomId')) form.setFieldsValue({ roomId: first }); }, [first, form]);
  const submit = async () => {
    const v = await form.validateFields();
    pay({ roomId: v.roomId, billIds: [], prepaidFen: fenOf(v.amount)!, prepaidFeeItemId: v.feeItemId ?? null });
  };
  return (
    <div className="pay-h5" data-testid="prepay-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>
      <Card title={t('payH5.prepay.title')}>
        <Typography.Paragraph type="secondary">{t('payH5.prepay.hint')}</Typography.Paragraph>
        {!isPending && rooms.length === 0 ? <Alert type="info" showIcon title={t('payH5.prepay.noRoom')} /> : (
          <Form form={form} layout="vertical" onFinish={runSubmit(submit)}>
            <Form.Item name="roomId" label={t('payH5.prepay.room')} rules={[{ required: true, message: t('payH5.prepay.roomRequired') }]}>
              <Select data-testid="prepay-room" options={rooms.map((r) => ({ value: r.roomId, label: `${r.projectName} ${r.roomCode}` }))} />
            </Form.Item>
            <Form.Item name="amount" label={t('payH5.prepay.amount')} rules={[
              { required: true, message: t('payH5.prepay.amountRequired') },
              { validator: (_, v: string | undefined) => {
                const fen = v && YUAN_PATTERN.test(v.trim()) ? fenOf(v) : null;
                return !v || (fen !== null && fen > 0 && fen <= MAX_FEN) ? Promise.resolve() : Promise.reject(new Error(t('payH5.prepay.amountInvalid')));
              } },
            ]}>
              <Input size="large" prefix="¥" inputMode="decimal" data-testid="prepay-amount" />
            </Form.Item>
            <Form.Item name="feeItemId" label={t('payH5.prepay.earmark')} extra={t('payH5.prepay.earmarkHint')}>
              <Select allowClear placeholder={t('payH5.prepay.general')} data-testid="prepay-earmark" options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} data-testid="prepay-error" style={{ marginBottom: 12 }} />}
            <Button type="primary" size="large" block htmlType="submit" loading={busy} data-testid="prepay-submit">{t('payH5.prepay.submit')}</Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
