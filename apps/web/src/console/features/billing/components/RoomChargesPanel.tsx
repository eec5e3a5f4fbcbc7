import { App, Button, DatePicker, Popover, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useStandard } from '../api.ts';
import { useEndAssignment, useRoomAssignments, type Assignment } from '../api-assignments.ts';
import { ruleSummary } from './RuleFields.tsx';

/** The price in force today of the assignment's standard (the assignment itself carries none). */
function PriceCell({ standardId }: { standardId: string }) {
  const { t } = useTranslation();
  const s = useStandard(standardId);
  return <>{s.data ? ruleSummary(t, s.data.current?.rule) : '…'}</>;
}

/** 结束于某日: the assignment's last day (inclusive); it may be moved earlier, never later. */
function EndAction({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const end = useEndAssignment();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<Dayjs | null>(dayjs());
  const submit = () => day && end.mutate({ id: a.id, version: a.version, to: day.format('YYYY-MM-DD') }, {
    onSuccess: () => {
      void message.success(t('billing.assign.ended'));
      setOpen(false);
    },
    onError: (e) => onError(e),
  });
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title={t('billing.assign.endOn')} content={
      <Space>
        <DatePicker value={day} onChange={setDay} allowClear={false} data-testid="assignment-end-date" />
        <Button type="primary" size="small" loading={end.isPending} onClick={submit} data-testid="assignment-end-submit">{t('billing.assign.confirmEnd')}</Button>
      </Space>
    }>
      <Button type="link" size="small" data-testid={`assignment-end-${a.standardCode}`}>{t('billing.assign.end')}</Button>
    </Popover>
  );
}

/** 收费标准 tab of the room drawer: which standards bill the room, and from when to when. */
export function RoomChargesPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const list = useRoomAssignments(roomId);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('billing.assign.roomHelp')}</Typography.Paragraph>
      <Table<Assignment>
        rowKey="id" size="small" pagination={false} loading={list.isPending} dataSource={list.data ?? []} data-testid="room-charges"
        columns={[
          { title: t('billing.standard.title'), key: 'standard', render: (_: unknown, a: Assignment) => `${a.standardCode} ${a.standardName}` },
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.standard.current'), key: 'price', render: (_: unknown, a: Assignment) => <PriceCell standardId={a.standardId} /> },
          {
            title: t('billing.assign.period'), key: 'period', width: 200,
            render: (_: unknown, a: Assignment) => `${a.validFrom} – ${a.validTo ?? t('billing.standard.open')}`,
          },
          ...(has('billing.standard.manage')
            ? [{ title: t('common.actions'), key: 'actions', width: 80, render: (_: unknown, a: Assignment) => <EndAction a={a} /> }]
            : []),
        ]}
      />
    </>
  );
}
