import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { enumOptions } from '../../estate/labels.tsx';
import { useFieldSaveFeedback } from '../../estate/components/fieldErrors.ts';
import { useSaveFeeItem } from '../api.ts';
import { FEE_CATEGORIES, FEE_ITEM_KINDS, TAX_RATES_BP, type FeeItem, type FeeItemCreate, type FeeItemUpdate } from '../types.ts';

interface Values {
  code: string;
  name: string;
  category: FeeItem['category'];
  feeCategory: FeeItem['feeCategory'];
  taxRateBp: number;
  invoiceCategory: string;
  defaultPayer: FeeItem['defaultPayer'];
  commonIncome: boolean;
  lateFeeOn: boolean;
  dailyRatePpm?: number;
  graceDays?: number;
  capBp?: number | null;
  /** 空置优惠 in whole percent (50 = half off); empty = none */
  vacancyPercent?: number | null;
  status: FeeItem['status'];
}

const lateFeeOf = (v: Values) => (v.lateFeeOn ? { dailyRatePpm: v.dailyRatePpm!, graceDays: v.graceDays ?? 0, capBp: v.capBp ?? null } : null);

/** New fee item (收费项目) or an existing one's settings; the code is fixed once created. */
export function FeeItemDrawer({ open, item, onClose }: { open: boolean; item: FeeItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveFeeItem();
  const saved = useFieldSaveFeedback(form, onClose, { closeOnStale: true });
  const lateFeeOn = Form.useWatch('lateFeeOn', form);
  const category = Form.useWatch('category', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (item) form.setFieldsValue({ ...item, lateFeeOn: !!item.lateFee, ...(item.lateFee ?? {}), vacancyPercent: item.vacancyDiscountBp == null ? null : item.vacancyDiscountBp / 100 });
  }, [open, item, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name.trim(), category: v.category, feeCategory: v.feeCategory, taxRateBp: v.taxRateBp, invoiceCategory: v.invoiceCategory.trim(),
      defaultPayer: v.defaultPayer, commonIncome: v.commonIncome, lateFee: lateFeeOf(v),
      vacancyDiscountBp: v.category === 'periodic' && v.vacancyPercent ? v.vacancyPercent * 100 : null,
    };
    if (item) {
      const update: FeeItemUpdate = { version: item.version, ...fields, status: v.status };
      return save.mutate({ id: item.id, update }, saved);
    }
    const create: FeeItemCreate = { code: v.code.trim(), ...fields };
    save.mutate({ create }, saved);
  };

  return (
    <FormDrawer open={open} size={480} title={item ? t('billing.item.edit') : t('billing.item.create')} onClose={onClose} onSave={runSubmit(submit)} saving={save.isPending} saveTestId="fee-item-submit">
      <Form form={form} layout="vertical" initialValues={{ category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, defaultPayer: 'owner', commonIncome: false, lateFeeOn: false, graceDays: 0, status: 'active' }}>
        <Form.Item name="code" label={t('billing.item.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('billing.item.codeHelp') }]}>
          <Input maxLength={32} disabled={!!item} data-testid="fee-item-code" />
        </Form.Item>
        <Form.Item name="name" label={t('billing.item.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="fee-item-name" />
        </Form.Item>
        <Form.Item name="category" label={t('billing.item.category')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'billing.itemKind', FEE_ITEM_KINDS)} />
        </Form.Item>
        <Form.Item name="feeCategory" label={t('billing.item.feeCategory')} extra={t('billing.item.feeCategoryHelp')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'feeCategory', FEE_CATEGORIES)} />
        </Form.Item>
        <Form.Item name="taxRateBp" label={t('billing.item.taxRate')} rules={[{ required: true }]}>
          <Select options={TAX_RATES_BP.map((bp) => ({ value: bp, label: `${bp / 100}%` }))} />
        </Form.Item>
        <Form.Item name="invoiceCategory" label={t('billing.item.invoiceCategory')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} placeholder="物业服务" data-testid="fee-item-invoice" />
        </Form.Item>
        <Form.Item name="defaultPayer" label={t('billing.item.defaultPayer')}>
          <Select options={enumOptions(t, 'payer.who', ['owner', 'tenant'] as const)} />
        </Form.Item>
        <Form.Item name="commonIncome" label={t('billing.item.commonIncome')} extra={t('billing.item.commonIncomeHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="lateFeeOn" label={t('billing.item.lateFee')} valuePropName="checked">
          <Switch data-testid="fee-item-late-fee" />
        </Form.Item>
        {lateFeeOn && (
          <>
            <Form.Item name="dailyRatePpm" label={t('billing.item.dailyRatePpm')} extra={t('billing.item.dailyRateHelp')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="graceDays" label={t('billing.item.graceDays')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="capBp" label={t('billing.item.capBp')} extra={t('billing.item.capHelp')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {category === 'periodic' && (
          <Form.Item name="vacancyPercent" label={t('billing.item.vacancyDiscount')} extra={t('billing.item.vacancyDiscountHelp')}>
            <InputNumber min={1} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} data-testid="fee-item-vacancy" />
          </Form.Item>
        )}
        {item && (
          <Form.Item name="status" label={t('common.status')}>
            <Select options={enumOptions(t, 'billing.status', ['active', 'archived'] as const)} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
