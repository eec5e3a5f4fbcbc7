import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmMutationLink } from '../../../shared/ConfirmMutationLink.tsx';
import { errorText } from '../../../shared/errors.ts';
import { PageHead } from '../../../shared/PageHead.tsx';
import { useRevertTemplate, useTemplates, type TemplateView } from './api.ts';
import { ChannelTag } from './labels.tsx';
import { TemplateDrawer } from './TemplateDrawer.tsx';

const rowKey = (r: TemplateView) => `${r.event}|${r.channel}|${r.locale}`;

/** Rows of one event sit together; the event cell spans them. */
function eventSpans(rows: TemplateView[]): number[] {
  return rows.map((r, i) => {
    if (i > 0 && rows[i - 1]!.event === r.event) return 0;
    let n = 1;
    while (rows[i + n]?.event === r.event) n += 1;
    return n;
  });
}

/** 通知模板: built-in wording per event × channel × language, overridable per company. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const revert = useRevertTemplate();
  const [editing, setEditing] = useState<TemplateView | null>(null);
  // grouped by event, keeping the server's order of events, channels and languages
  const rows = [...(templates.data ?? [])].sort((a, b) => {
    const order = templates.data ?? [];
    return order.findIndex((x) => x.event === a.event) - order.findIndex((x) => x.event === b.event);
  });
  const spans = eventSpans(rows);

  return (
    <>
      <PageHead title={t('templates.title')}>
        <Typography.Text type="secondary">{t('templates.hint')}</Typography.Text>
      </PageHead>
      {templates.isError && <Typography.Text type="danger">{errorText(t, templates.error)}</Typography.Text>}
      <Table<TemplateView>
        rowKey={rowKey}
        size="middle"
        bordered
        loading={templates.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('templates.event'),
            dataIndex: 'event',
            width: 220,
            onCell: (_, i) => ({ rowSpan: spans[i ?? 0] }),
            render: (event: string, r) => (
              <Space orientation="vertical" size={4}>
                <Typography.Text strong>{t(`notifyEvent.${event}`, { defaultValue: event })}</Typography.Text>
                <Typography.Text type="secondary" code>
                  {event}
                </Typography.Text>
                <Space size={[0, 4]} wrap>
                  {r.vars.map((v) => (
                    <Tag key={v}>{`{{${v}}}`}</Tag>
                  ))}
                </Space>
              </Space>
            ),
          },
          { title: t('templates.channel'), dataIndex: 'channel', width: 120, render: (c: TemplateView['channel']) => <ChannelTag channel={c} /> },
          { title: t('templates.locale'), dataIndex: 'locale', width: 90, render: (l: string) => t(`locale.${l}`, { defaultValue: l }) },
          { title: t('templates.subject'), dataIndex: 'title', width: 200, ellipsis: true },
          { title: t('templates.body'), dataIndex: 'body', ellipsis: { showTitle: true } },
          {
            title: t('templates.kind'),
            dataIndex: 'custom',
            width: 90,
            render: (custom: boolean) => (custom ? <Tag color="gold">{t('templates.custom')}</Tag> : <Tag>{t('templates.builtin')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`template-edit-${r.event}-${r.channel}-${r.locale}`}>
                  {t('common.edit')}
                </Button>
                {r.custom && r.id && (
                  <ConfirmMutationLink
                    confirm={t('templates.confirmRevert')}
                    confirmTestId="template-revert-confirm"
                    mutation={revert}
                    variables={r.id}
                    done={t('templates.reverted')}
                    danger
                    testId={`template-revert-${r.event}-${r.channel}-${r.locale}`}
                  >
                    {t('templates.revert')}
                  </ConfirmMutationLink>
                )}
              </Space>
            ),
          },
        ]}
      />
      <TemplateDrawer template={editing} onClose={() => setEditing(null)} />
    </>
  );
}
