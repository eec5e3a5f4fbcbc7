import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenOf, YUAN_PATTERN } from '../../../../shared/money.ts';

/** 退款金额 in 元: required, a money pattern and more than zero (the server checks the upper bound). */
export function RefundAmountItem() {
  const { t } = useTranslation();
  const invalid = t('payAfter.refunds.form.amountInvalid');
  return (
    <Form.Item name="amount" label={t('payAfter.refunds.form.amount')}
      rules={[{ required: true, pattern: YUAN_PATTERN, message: invalid },
        { validator: async (_r, v) => { if (v && !(fenOf(v)! > 0)) throw new Error(invalid); } }]}>
      <Input inputMode="decimal" prefix="¥" data-testid="refund-amount" />
    </Form.Item>
  );
}
