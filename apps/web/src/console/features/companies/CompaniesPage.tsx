import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../../shared/labels.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import type { Company } from '../../../shared/types.ts';
import { useCompanies } from './api.ts';
import { CompanyFormDrawer } from './CompanyFormDrawer.tsx';

/** Platform operator: the property companies (tenants). */
export default function CompaniesPage() {
  const { t } = useTranslation();
  const companies = useCompanies();
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHead title={t('companies.title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="company-create">
          {t('companies.create')}
        </Button>
      </PageHead>
      <Table<Company>
        rowKey="id"
        loading={companies.isLoading}
        dataSource={companies.data ?? []}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('companies.code'), dataIndex: 'code', width: 180 },
          { title: t('companies.name'), dataIndex: 'name' },
          { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 200, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <CompanyFormDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
