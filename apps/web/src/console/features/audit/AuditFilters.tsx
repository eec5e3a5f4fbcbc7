import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiDayEnd, shanghaiDayStart } from '../../../shared/time.ts';
import type { Me } from '../../../shared/types.ts';
import type { AuditQuery } from './api.ts';

interface Values {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  projectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

const trimmed = (s?: string) => s?.trim() || undefined;

/** Filter bar; the date range is read as whole days in Asia/Shanghai. */
export function AuditFilters({ me, onChange }: { me: Me; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const apply = (v: Values) => {
    const [from, to] = v.range ?? [];
    onChange({
      action: trimmed(v.action),
      entityType: trimmed(v.entityType),
      entityId: trimmed(v.entityId),
      actorId: trimmed(v.actorId),
      projectId: v.projectId || undefined,
      from: from ? shanghaiDayStart(from) : undefined,
      to: to ? shanghaiDayEnd(to) : undefined,
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="action">
        <Input allowClear placeholder={t('audit.action')} style={{ width: 160 }} data-testid="audit-action" />
      </Form.Item>
      <Form.Item name="entityType">
        <Input allowClear placeholder={t('audit.entityType')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="entityId">
        <Input allowClear placeholder={t('audit.entityId')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="actorId">
        <Input allowClear placeholder={t('audit.actorId')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="projectId">
        <Select
          allowClear
          placeholder={t('audit.project')}
          style={{ width: 160 }}
          options={me.projects.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            apply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
