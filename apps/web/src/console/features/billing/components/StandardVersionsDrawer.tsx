import { Button, DatePicker, Descriptions, Drawer, Form, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useFieldSaveFeedback } from '../../estate/components/fieldErrors.ts';
import { useAddVersion, useStandard } from '../api.ts';
import type { StandardDetail } from '../types.ts';
import { RuleFields, ruleOf, ruleSummary, type RuleValues } from './RuleFields.tsx';

type Version = StandardDetail['versions'][number];
interface Values extends RuleValues { validFrom: Dayjs; validTo?: Dayjs | null }

/** A standard's versions, oldest first, and a form for the next one (prices are never edited in place). */
export function StandardVersionsDrawer({ id, canManage, onClose }: { id: string | null; canManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useStandard(id);
  const s = detail.data;
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const add = useAddVersion();
  const saved = useFieldSaveFeedback(form, () => setAdding(false), { doneKey: 'billing.standard.versionAdded' });

  useEffect(() => {
    setAdding(false);
  }, [id]);
  useEffect(() => {
    if (adding && s) {
      form.resetFields();
      form.setFieldsValue({ kind: s.kind });
    }
  }, [adding, s, form]);

  const submit = async () => {
    const v = await form.validateFields();
    add.mutate({ id: s!.id, input: { version: s!.version, rule: ruleOf(v), validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null } }, saved);
  };

  return (
    <Drawer open={!!id} size={640} title={s ? `${s.code} ${s.name}` : t('billing.standard.versions')} onClose={onClose} loading={detail.isPending}>
      {s && (
        <>
          <Descriptions size="small" column={2} items={[
            { key: 'item', label: t('billing.standard.feeItem'), children: s.feeItemName },
            { key: 'kind', label: t('billing.rule.kind'), children: t(`billing.kind.${s.kind}`) },
            { key: 'scope', label: t('billing.standard.scope'), children: s.projectId ? t('billing.standard.projectOnly') : t('billing.standard.companyWide') },
            { key: 'current', label: t('billing.standard.current'), children: ruleSummary(t, s.current?.rule) },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.standard.versions')}</Typography.Title>
          <Table<Version>
            rowKey="id" size="small" pagination={false} dataSource={s.versions} data-testid="standard-versions"
            columns={[
              { title: '#', dataIndex: 'seq', width: 50 },
              { title: t('billing.standard.rule'), key: 'rule', render: (_: unknown, v: Version) => ruleSummary(t, v.rule) },
              { title: t('billing.standard.validFrom'), dataIndex: 'validFrom', width: 110 },
              { title: t('billing.standard.validTo'), dataIndex: 'validTo', width: 110, render: (d: string | null) => d ?? t('billing.standard.open') },
            ]}
          />
          {canManage && !adding && <Button style={{ marginTop: 16 }} type="primary" onClick={() => setAdding(true)} data-testid="standard-add-version">{t('billing.standard.addVersion')}</Button>}
          {adding && (
            <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('billing.standard.addVersionHelp')}</Typography.Paragraph>
              <RuleFields kindFixed />
              <Space>
                <Form.Item name="validFrom" label={t('billing.standard.validFrom')} rules={[{ required: true }]}>
                  <DatePicker data-testid="version-valid-from" />
                </Form.Item>
                <Form.Item name="validTo" label={t('billing.standard.validTo')}>
                  <DatePicker />
                </Form.Item>
              </Space>
              <Space>
                <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
                <Button type="primary" loading={add.isPending} onClick={runSubmit(submit)} data-testid="version-submit">{t('common.save')}</Button>
              </Space>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}
