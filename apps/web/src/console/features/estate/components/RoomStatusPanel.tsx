import { Button, Card, DatePicker, Empty, Form, Select, Space, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useChangeRoomStatus, useRoomStatusHistory } from '../api.ts';
import { ROOM_STATUSES, roomStatusColour, RoomStatusTag } from '../labels.tsx';
import type { RoomDetail, RoomStatus } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';

interface Values {
  status: RoomStatus;
  from: Dayjs;
}

/** A status change takes effect on a day (today or earlier) and closes the current period the day before. */
function ChangeStatusForm({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangeRoomStatus();
  const saved = useFieldSaveFeedback(form, () => form.resetFields(), { doneKey: 'room.statusChanged' });

  const submit = async () => {
    const v = await form.validateFields();
    change.mutate({ id: room.id, body: { version: room.version, status: v.status, from: v.from.format('YYYY-MM-DD') } }, saved);
  };

  return (
    <Card size="small" title={t('room.changeStatus')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" initialValues={{ from: dayjs() }}>
        <Form.Item name="status" rules={[{ required: true, message: t('room.statusRequired') }]}>
          <Select
            style={{ width: 140 }}
            placeholder={t('room.newStatus')}
            options={ROOM_STATUSES.filter((s) => s !== room.status).map((s) => ({ value: s, label: t(`roomStatus.${s}`) }))}
            data-testid="room-status-select"
          />
        </Form.Item>
        <Form.Item name="from" label={t('room.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="room-status-from" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={change.isPending} onClick={runSubmit(submit)} data-testid="room-status-submit">
            {t('room.changeStatus')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** The room's status now, the form to change it, and every period it had (newest first). */
export function RoomStatusPanel({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const history = useRoomStatusHistory(room.id);
  const periods = [...(history.data ?? [])].reverse();

  return (
    <>
      {has('estate.manage') && <ChangeStatusForm room={room} />}
      <Typography.Title level={5}>{t('room.history')}</Typography.Title>
      {!periods.length && !history.isPending ? (
        <Empty />
      ) : (
        <div data-testid="room-status-history">
          <Timeline
            items={periods.map((p) => ({
              key: p.validFrom,
              color: roomStatusColour[p.status],
              content: (
                <Space>
                  <RoomStatusTag status={p.status} />
                  <span>{p.validTo ? t('room.period', { from: p.validFrom, to: p.validTo }) : t('room.periodOpen', { from: p.validFrom })}</span>
                </Space>
              ),
            }))}
          />
        </div>
      )}
    </>
  );
}
