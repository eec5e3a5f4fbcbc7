import { Button, DatePicker, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSignedInMe } from '../../../../shared/auth.ts';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { yuan } from '../../../../shared/money.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useInvoices, type Invoice, type InvoiceQuery } from '../invoices/api.ts';
import { InvoiceDrawer } from '../invoices/InvoiceDrawer.tsx';
import { INVOICE_KINDS, INVOICE_STATUSES, InvoiceKindTag, InvoiceStatusTag } from '../invoices/labels.tsx';
import { NewInvoiceModal } from '../invoices/NewInvoiceModal.tsx';

/** 发票管理: every invoice of the header's project(s) with its status; detail drawer (lines, PDF, 红冲, 重新开具); 开票. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = usePermissions();
  const headerProject = useProjectId();
  const { query, filter, pagination } = usePagedQuery<InvoiceQuery>();
  const list = useInvoices(query);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const onDays = (v: [Dayjs | null, Dayjs | null] | null) => filter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });

  return (
    <>
      <PageHead title={t('payAfter.invoices.title')}>
        {!headerProject && (
          <Select allowClear placeholder={t('payAfter.invoices.col.project')} style={{ width: 160 }} data-testid="invoice-filter-project"
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))} onChange={(v?: string) => filter({ projectId: v })} />
        )}
        <Input.Search allowClear placeholder={t('payAfter.invoices.search')} style={{ width: 220 }} onSearch={(v) => filter({ q: v.trim() || undefined })} data-testid="invoice-search" />
        <DatePicker.RangePicker onChange={onDays} data-testid="invoice-filter-days" />
        <ValueFilter values={INVOICE_STATUSES} labelPrefix="payAfter.invoices.status" placeholder={t('common.status')} value={query.status}
          onChange={(status) => filter({ status })} width={110} testId="invoice-filter-status" />
        <ValueFilter values={INVOICE_KINDS} labelPrefix="payAfter.invoices.kind" placeholder={t('payAfter.invoices.col.kind')} value={query.kind}
          onChange={(kind) => filter({ kind })} width={100} testId="invoice-filter-kind" />
        <RefreshButton query={list} />
        {can.has('payment.invoice.manage') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="invoice-create">{t('payAfter.invoices.create')}</Button>
        )}
      </PageHead>
      <Table<Invoice>
        rowKey="id" size="middle" loading={list.isPending || list.isPlaceholderData} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)}
        data-testid="invoice-table" scroll={{ x: 1100 }} onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('payAfter.invoices.col.invoiceNo'), dataIndex: 'invoiceNo', width: 190, render: (v: string | null) => v ?? '—' },
          { title: t('payAfter.invoices.col.kind'), dataIndex: 'kind', width: 70, render: (k: Invoice['kind']) => <InvoiceKindTag kind={k} /> },
          { title: t('payAfter.invoices.col.room'), dataIndex: 'roomCode', width: 110 },
          ...(headerProject ? [] : [{ title: t('payAfter.invoices.col.project'), dataIndex: 'projectName', width: 110 }]),
          { title: t('payAfter.invoices.col.buyer'), dataIndex: 'buyerName', ellipsis: true },
          { title: t('payAfter.invoices.col.amount'), dataIndex: 'amountFen', align: 'right' as const, width: 110, render: (v: number) => <b>{yuan(v)}</b> },
          { title: t('payAfter.invoices.col.tax'), dataIndex: 'taxFen', align: 'right' as const, width: 90, render: (v: number) => yuan(v) },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('common.status'), key: 'status', width: 90, render: (_: unknown, r: Invoice) => <InvoiceStatusTag inv={r} /> },
        ]}
      />
      <InvoiceDrawer id={open} onClose={() => setOpen(null)} onOpen={setOpen} />
      <NewInvoiceModal open={creating} onClose={() => setCreating(false)} onDone={setOpen} />
    </>
  );
}
