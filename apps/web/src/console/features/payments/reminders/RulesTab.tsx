import { Alert, App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { yuan } from '../shared/format.ts';
import { useDeleteRule, useReminderRules, type ReminderChannel, type ReminderRule } from './api.ts';
import { RuleDrawer } from './RuleDrawer.tsx';

export function ChannelTags({ channels }: { channels: ReminderChannel[] }) {
  const { t } = useTranslation();
  return <>{channels.map((c) => <Tag key={c} color={c === 'sms' ? 'orange' : 'blue'}>{t(`payFinance.reminders.channel.${c}`)}</Tag>)}</>;
}

/** 催缴规则: what the daily job applies in each project; edited in a drawer, deleted with a confirmation (history stays). */
export function RulesTab({ projectId, showProject }: { projectId: string; showProject: boolean }) {
  const { t } = useTranslation();
  const r = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.reminders.${k}`, o);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const rules = useReminderRules(projectId || undefined);
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<{ rule: ReminderRule | null } | null>(null);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setEditing({ rule: null })} data-testid="reminder-rule-create">{r('rule.create')}</Button>
        <Alert type="info" showIcon message={r('schedule')} style={{ padding: '2px 12px' }} />
      </Space>
      <Table<ReminderRule>
        rowKey="id" size="middle" loading={rules.isPending} dataSource={rules.data?.items ?? []} pagination={false} data-testid="reminder-rule-table"
        locale={{ emptyText: r('rule.none') }} scroll={{ x: 900 }}
        columns={[
          { title: r('rule.name'), dataIndex: 'name', render: (v: string, x) => <a onClick={() => setEditing({ rule: x })} data-testid={`reminder-rule-${x.name}`}>{v}</a> },
          ...(showProject ? [{ title: r('project'), dataIndex: 'projectName', width: 120 }] : []),
          { title: r('rule.daysOverdue'), dataIndex: 'daysOverdue', width: 100, render: (v: number) => r('days', { n: v }) },
          { title: r('rule.minAmount'), dataIndex: 'minAmountFen', width: 130, align: 'right' as const, render: (v: number) => (v ? yuan(v) : '–') },
          { title: r('rule.repeatDays'), dataIndex: 'repeatDays', width: 120, render: (v: number) => r('days', { n: v }) },
          { title: r('rule.channels'), dataIndex: 'channels', width: 150, render: (v: ReminderChannel[]) => <ChannelTags channels={v} /> },
          { title: r('rule.enabled'), dataIndex: 'enabled', width: 80, render: (v: boolean) => (v ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          { title: r('rule.lastSent'), dataIndex: 'lastSentAt', width: 165, render: (v: string | null) => (v ? formatDateTime(v) : '–') },
          { title: r('rule.sentCount'), dataIndex: 'sentCount', width: 90, align: 'right' as const },
          {
            title: '', key: 'actions', width: 80, render: (_: unknown, x) => (
              <Popconfirm title={r('rule.removeConfirm', { name: x.name })} onConfirm={() => remove.mutateAsync(x.id).then(() => message.success(r('rule.removed')), (e) => onError(e))}>
                <Button size="small" danger type="link" data-testid={`reminder-rule-delete-${x.name}`}>{r('rule.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <RuleDrawer open={!!editing} rule={editing?.rule ?? null} projectId={projectId} onClose={() => setEditing(null)} />
    </>
  );
}
