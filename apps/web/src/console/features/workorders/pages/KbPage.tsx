import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useDeleteKb, useKb, useWoCategories } from '../api.ts';
import { KbDrawer } from '../components/KbDrawer.tsx';
import type { KbArticle } from '../types.ts';

/** 常见问题: answers by category that the resident H5 shows before a request is submitted; drafts stay here. */
export default function KbPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const canManage = has('workorder.config.manage');
  const categories = useWoCategories();
  const [filter, setFilter] = useState<{ categoryId?: string; q?: string }>({});
  const articles = useKb(filter);
  const remove = useDeleteKb();
  const [editing, setEditing] = useState<KbArticle | null>(null);
  const [open, setOpen] = useState(false);
  const show = (a: KbArticle | null) => { setEditing(a); setOpen(true); };
  // grouped by category, as the resident sees them
  const rows = [...(articles.data ?? [])].sort((a, b) => (a.categoryName ?? '').localeCompare(b.categoryName ?? '', 'zh-CN') || a.sort - b.sort);

  return (
    <>
      <PageHead title={t('woConsole.kbTitle')}>
        <RefreshButton query={articles} />
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => show(null)} data-testid="wo-kb-create">{t('woConsole.kb.create')}</Button>}
      </PageHead>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear style={{ width: 160 }} placeholder={t('woConsole.filter.category')} value={filter.categoryId}
          onChange={(categoryId?: string) => setFilter((f) => ({ ...f, categoryId }))}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="wo-kb-filter-category" />
        <Input.Search allowClear style={{ width: 220 }} placeholder={t('woConsole.kb.search')} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} data-testid="wo-kb-search" />
      </Space>
      <Table<KbArticle>
        rowKey="id"
        size="middle"
        loading={articles.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="wo-kb-table"
        expandable={{ expandedRowRender: (a) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.answer}</Typography.Paragraph> }}
        columns={[
          { title: t('woConsole.field.category'), dataIndex: 'categoryName', width: 140, render: (v: string | null) => v ?? <Tag>{t('woConsole.kb.allCategories')}</Tag> },
          { title: t('woConsole.kb.question'), dataIndex: 'question', render: (q: string) => <span data-testid="wo-kb-question-cell">{q}</span> },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'published' ? 'green' : 'default'}>{t(`woConsole.kb.${s}`)}</Tag> },
          ...(canManage ? [{
            key: 'ops', width: 140,
            render: (_: unknown, a: KbArticle) => (
              <Space>
                <Button size="small" onClick={() => show(a)} data-testid={`wo-kb-edit-${a.id}`}>{t('common.edit')}</Button>
                <Popconfirm title={t('woConsole.kb.deleteConfirm')} onConfirm={() => remove.mutate(a.id, { onSuccess: () => void message.success(t('woConsole.kb.deleted')), onError: (e) => onError(e) })}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <KbDrawer article={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
