import { App, Button, Card, DatePicker, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmMutationLink } from '../../../../shared/ConfirmMutationLink.tsx';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs, TZ } from '../../../../shared/time.ts';
import { useCreateShift, useDeleteShift, useShifts, type WoShift, type WoWorker } from './api.ts';

/** half-hour starts, 00:00 … 23:30 */
const STARTS = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
interface Values { userId: string; day: dayjs.Dayjs; start: string; hours: number }
interface GridRow { userId: string; name: string; byDay: Map<string, WoShift[]> }

/** Monday 00:00 Shanghai of the week containing `d`. */
const weekStart = (d: dayjs.Dayjs) => {
  const local = d.tz(TZ).startOf('day');
  return local.subtract((local.day() + 6) % 7, 'day');
};

/** 排班: a week grid (workers × days) of the project's shifts, a line to add one (a day, a start, hours), delete per shift. */
export function ShiftsCard({ projectId, workers, canEdit }: { projectId: string; workers: WoWorker[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [monday, setMonday] = useState(() => weekStart(dayjs()));
  const from = monday.format();
  const to = monday.add(7, 'day').format();
  const shifts = useShifts(projectId, from, to);
  const create = useCreateShift();
  const remove = useDeleteShift();
  const [form] = Form.useForm<Values>();

  const add = async () => {
    const v = await form.validateFields();
    // the picked wall-clock time is Shanghai time, whatever the browser's zone
    const startsAt = dayjs.tz(`${v.day.format('YYYY-MM-DD')} ${v.start}`, TZ);
    create.mutate({ projectId, userId: v.userId, startsAt: startsAt.format(), endsAt: startsAt.add(v.hours, 'hour').format() }, {
      onSuccess: () => void message.success(t('woDispatch.shifts.added')),
      // overlap, not a worker of the project …: the server's sentence says it best
      onError: (e) => onError(e),
    });
  };
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  // one row per worker, shifts placed on the Shanghai day they start; a night shift shows its end as 次日 HH:mm
  const rows: GridRow[] = workers.map((w) => ({ userId: w.userId, name: w.name, byDay: new Map() }));
  for (const s of shifts.data ?? []) {
    let row = rows.find((r) => r.userId === s.userId);
    if (!row) rows.push((row = { userId: s.userId, name: s.userName, byDay: new Map() }));
    const day = dayjs(s.startsAt).tz(TZ).format('YYYY-MM-DD');
    row.byDay.set(day, [...(row.byDay.get(day) ?? []), s]);
  }
  const span = (s: WoShift) => {
    const a = dayjs(s.startsAt).tz(TZ);
    const b = dayjs(s.endsAt).tz(TZ);
    const end = b.isSame(a, 'day') ? b.format('HH:mm') : t('woDispatch.shifts.nextDay', { time: b.format('HH:mm') });
    return `${a.format('HH:mm')}–${end}`;
  };

  return (
    <Card
      title={t('woDispatch.shifts.title')}
      extra={(
        <Space>
          <Button size="small" onClick={() => setMonday(monday.subtract(7, 'day'))} data-testid="wo-dispatch-week-prev">{t('woDispatch.shifts.prevWeek')}</Button>
          <span data-testid="wo-dispatch-week">{monday.format('YYYY-MM-DD')} ~ {monday.add(6, 'day').format('MM-DD')}</span>
          <Button size="small" onClick={() => setMonday(monday.add(7, 'day'))} data-testid="wo-dispatch-week-next">{t('woDispatch.shifts.nextWeek')}</Button>
        </Space>
      )}
    >
      {canEdit && (
        <Form form={form} layout="inline" initialValues={{ start: '08:00', hours: 8, day: dayjs().tz(TZ) }} style={{ marginBottom: 16, rowGap: 8 }} data-testid="wo-dispatch-shift-form">
          <Form.Item name="userId" rules={[{ required: true, message: t('woDispatch.shifts.workerRequired') }]}>
            <Select style={{ width: 160 }} placeholder={t('woDispatch.shifts.worker')} options={workers.map((w) => ({ value: w.userId, label: w.name }))} data-testid="wo-dispatch-shift-worker" />
          </Form.Item>
          <Form.Item name="day" rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="wo-dispatch-shift-day" />
          </Form.Item>
          <Form.Item name="start" label={t('woDispatch.shifts.start')}>
            <Select showSearch style={{ width: 100 }} options={STARTS.map((s) => ({ value: s, label: s }))} data-testid="wo-dispatch-shift-start" />
          </Form.Item>
          <Form.Item name="hours" label={t('woDispatch.shifts.hours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={24} precision={0} data-testid="wo-dispatch-shift-hours" />
          </Form.Item>
          <Button type="primary" loading={create.isPending} onClick={runSubmit(add)} data-testid="wo-dispatch-shift-add">{t('woDispatch.shifts.add')}</Button>
        </Form>
      )}
      <Table<GridRow>
        rowKey="userId" size="small" pagination={false} loading={shifts.isLoading} dataSource={rows} data-testid="wo-dispatch-shifts" scroll={{ x: 900 }}
        locale={{ emptyText: t('woDispatch.shifts.empty') }}
        columns={[
          { title: t('woDispatch.shifts.worker'), dataIndex: 'name', width: 110, fixed: 'left' },
          ...days.map((d) => ({
            title: d.format('MM-DD ddd'), key: d.format('YYYY-MM-DD'),
            render: (_: unknown, r: GridRow) => (
              <Space direction="vertical" size={2}>
                {(r.byDay.get(d.format('YYYY-MM-DD')) ?? []).map((s) => (
                  <span key={s.id} className="wo-dispatch-shift" data-testid={`wo-dispatch-shift-${s.id}`}>
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>{span(s)}</Tag>
                    {canEdit && (
                      <ConfirmMutationLink confirm={t('woDispatch.shifts.confirmDelete')} mutation={remove} variables={s.id} done={t('woDispatch.shifts.deleted')} danger
                        testId={`wo-dispatch-shift-delete-${s.id}`} confirmTestId="wo-dispatch-shift-delete-ok">
                        {t('common.delete')}
                      </ConfirmMutationLink>
                    )}
                  </span>
                ))}
              </Space>
            ),
          })),
        ]}
      />
    </Card>
  );
}
