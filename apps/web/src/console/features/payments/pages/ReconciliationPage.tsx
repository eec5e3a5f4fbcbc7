import { Button, Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { yuan } from '../../../../shared/money.ts';
import { useImports, type StatementImport } from '../finance/api.ts';
import { ImportResult } from '../finance/ImportResult.tsx';
import { StatementUpload } from '../finance/StatementUpload.tsx';

/** 对账: import a provider's day statement, see what did not match, resolve each difference, mark the day reconciled. */
export default function ReconciliationPage() {
  const { t } = useTranslation();
  const r = (k: string) => t(`payFinance.recon.${k}`) as string;
  const [selected, setSelected] = useState<{ id: string; skipped?: number } | null>(null);
  const [page, setPage] = useState(1);
  const list = useImports(page);
  return (
    <>
      <PageHead title={r('title')} />
      <Typography.Paragraph type="secondary">{r('intro')}</Typography.Paragraph>
      <Card title={r('upload')} size="small" style={{ marginBottom: 16 }}>
        <StatementUpload onDone={(x) => setSelected({ id: x.id, skipped: x.skippedRows })} />
      </Card>
      {selected && <div style={{ marginBottom: 16 }}><ImportResult id={selected.id} skipped={selected.skipped} /></div>}
      <Card title={r('history')} size="small">
        <Table<StatementImport>
          rowKey="id" size="small" loading={list.isPending} dataSource={list.data?.items ?? []} data-testid="recon-history"
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: r('date'), dataIndex: 'statementDate', width: 110 },
            { title: r('provider'), dataIndex: 'provider', width: 100, render: (p: string) => t(`payFinance.recon.providers.${p}`) as string },
            { title: r('file_'), dataIndex: 'fileName', ellipsis: true },
            { title: r('rows'), dataIndex: 'rowCount', align: 'right', width: 90 },
            { title: r('matched'), dataIndex: 'matched', align: 'right', width: 80 },
            { title: r('matchedFen'), dataIndex: 'matchedFen', align: 'right', render: (v: number) => yuan(v) },
            { title: r('unresolved'), dataIndex: 'unresolved', align: 'right', width: 80 },
            { title: '', dataIndex: 'status', width: 90, render: (s: StatementImport['status']) => <Tag color={s === 'open' ? 'processing' : 'success'}>{t(`payFinance.recon.status.${s}`) as string}</Tag> },
            { title: r('createdBy'), dataIndex: 'createdByName', width: 100 },
            { title: r('createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
            { title: '', key: 'a', width: 70, render: (_: unknown, x) => <Button size="small" type="link" onClick={() => setSelected({ id: x.id })}>{r('open')}</Button> },
          ]}
        />
      </Card>
    </>
  );
}
