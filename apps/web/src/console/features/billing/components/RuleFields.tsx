import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../../estate/labels.tsx';
import { STANDARD_KINDS, type RuleInput, type RuleView, type StandardKind } from '../types.ts';

/** ≤ 4 decimals, > 0: the server parses it exactly (1.2345 元 → 12345), the form only pre-checks. */
const PRICE = /^(?!0+(?:\.0+)?$)\d{1,6}(?:\.\d{1,4})?$/;

export interface RuleValues {
  kind: StandardKind;
  basis?: 'building_area' | 'inside_area';
  unitPrice?: string;
  per?: 'room' | 'household' | 'parking_space';
  /** 元 with ≤ 2 decimals in the form; sent as 分 */
  amountYuan?: string;
  tiers?: { upTo?: number | null; unitPrice: string }[];
  by?: 'area' | 'household';
}

const fen = (yuan: string) => {
  const [i, f = ''] = yuan.trim().split('.');
  return Number(i) * 100 + Number(f.padEnd(2, '0'));
};

/** The form's values as the API's rule: amounts to 分, tier limits (in units) to thousandths. */
export function ruleOf(v: RuleValues): RuleInput {
  switch (v.kind) {
    case 'area': return { kind: 'area', basis: v.basis ?? 'building_area', unitPrice: v.unitPrice!.trim() };
    case 'fixed': return { kind: 'fixed', per: v.per ?? 'room', amount: fen(v.amountYuan!) };
    case 'metered': return { kind: 'metered', tiers: (v.tiers ?? []).map((x, i, all) => ({ upTo: i === all.length - 1 ? null : (x.upTo ?? 0) * 1000, unitPrice: x.unitPrice.trim() })) };
    case 'shared': return { kind: 'shared', by: v.by ?? 'area' };
  }
}

/** A rule in one line: "2.5000 元/m²/月（建筑面积）", "80.00 元/月/车位", tiers … */
export function ruleSummary(t: TFunction, r: RuleView | null | undefined): string {
  if (!r) return '—';
  switch (r.kind) {
    case 'area': return t('billing.rule.areaSummary', { price: r.unitPrice, basis: t(`billing.basis.${r.basis}`) });
    case 'fixed': return t('billing.rule.fixedSummary', { amount: (r.amount / 100).toFixed(2), per: t(`billing.per.${r.per}`) });
    case 'metered': return r.tiers.map((x) => `${x.upTo === null ? '∞' : x.upTo / 1000}: ${x.unitPrice}`).join(' / ');
    case 'shared': return t('billing.rule.sharedSummary', { by: t(`billing.by.${r.by}`) });
  }
}

/** The typed rule's fields for its kind; `kindFixed` when adding a version (a standard keeps its kind). */
export function RuleFields({ kindFixed }: { kindFixed?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('kind', form) as StandardKind | undefined;
  const price = [{ required: true, pattern: PRICE, message: t('billing.rule.priceHelp') }];
  return (
    <>
      <Form.Item name="kind" label={t('billing.rule.kind')} rules={[{ required: true }]}>
        <Select disabled={kindFixed} options={enumOptions(t, 'billing.kind', STANDARD_KINDS)} data-testid="rule-kind" />
      </Form.Item>
      {kind === 'area' && (
        <>
          <Form.Item name="basis" label={t('billing.rule.basis')} initialValue="building_area">
            <Select options={enumOptions(t, 'billing.basis', ['building_area', 'inside_area'] as const)} />
          </Form.Item>
          <Form.Item name="unitPrice" label={t('billing.rule.unitPrice')} rules={price}>
            <Input addonAfter={t('billing.rule.perM2Month')} placeholder="1.2345" data-testid="rule-unit-price" />
          </Form.Item>
        </>
      )}
      {kind === 'fixed' && (
        <>
          <Form.Item name="per" label={t('billing.rule.per')} initialValue="room">
            <Select options={enumOptions(t, 'billing.per', ['room', 'household', 'parking_space'] as const)} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('billing.rule.amount')} rules={[{ required: true, pattern: /^(?!0+(?:\.0+)?$)\d{1,9}(?:\.\d{1,2})?$/, message: t('billing.rule.amountHelp') }]}>
            <Input addonAfter={t('billing.rule.yuanMonth')} data-testid="rule-amount" />
          </Form.Item>
        </>
      )}
      {kind === 'metered' && (
        <Form.List name="tiers" initialValue={[{ upTo: null, unitPrice: '' }]}>
          {(fields, { add, remove }) => (
            <Form.Item label={t('billing.rule.tiers')} extra={t('billing.rule.tiersHelp')}>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'upTo']} noStyle>
                    <InputNumber min={1} precision={0} disabled={i === fields.length - 1} placeholder={i === fields.length - 1 ? '∞' : t('billing.rule.upTo')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitPrice']} rules={price}>
                    <Input placeholder={t('billing.rule.unitPrice')} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {fields.length < 10 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ upTo: null, unitPrice: '' }, Math.max(0, fields.length - 1))}>{t('billing.rule.addTier')}</Button>}
            </Form.Item>
          )}
        </Form.List>
      )}
      {kind === 'shared' && (
        <Form.Item name="by" label={t('billing.rule.by')} initialValue="area" extra={t('billing.rule.sharedHelp')}>
          <Select options={enumOptions(t, 'billing.by', ['area', 'household'] as const)} />
        </Form.Item>
      )}
    </>
  );
}
