import { Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../shared/auth.ts';
import { LongTextCell } from '../../../shared/ListControls.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import type { AuditEntry } from '../../../shared/types.ts';
import { usePagedQuery } from '../../../shared/usePagedQuery.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { useAuditLog, type AuditQuery } from './api.ts';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <pre className="wuye-json">{JSON.stringify(value, null, 2)}</pre>;
}

function BeforeAfter({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} data-testid="audit-diff">
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
        <Json value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
        <Json value={entry.after} />
      </Col>
    </Row>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { query, filter, pagination } = usePagedQuery<AuditQuery>();
  const log = useAuditLog(query);
  const projectName = (id: string | null) => (id ? me.projects.find((p) => p.id === id)?.name ?? `…${id.slice(-8)}` : '—');

  return (
    <>
      <PageHead title={t('audit.title')}>
        <Typography.Text type="secondary">{t('audit.timezone')}</Typography.Text>
      </PageHead>
      <AuditFilters me={me} onChange={filter} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (r) => <BeforeAfter entry={r} /> }}
        pagination={pagination(log.data?.total)}
        columns={[
          { title: t('audit.time'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            width: 140,
            render: (v: string | null, r) => v ?? (r.actorId ? `…${r.actorId.slice(-8)}` : t('audit.system')),
          },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag color="processing">{v}</Tag> },
          { title: t('audit.entityType'), dataIndex: 'entityType', width: 130 },
          {
            title: t('audit.entityId'),
            dataIndex: 'entityId',
            width: 200,
            render: (v: string | null) => <LongTextCell text={v} maxWidth={180} copyable />,
          },
          { title: t('audit.project'), dataIndex: 'projectId', width: 140, render: (v: string | null) => projectName(v) },
          { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
