import { Modal, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { BalanceRefundForm } from './BalanceRefundForm.tsx';
import { PaymentRefundForm } from './PaymentRefundForm.tsx';

/** 新建退款: part of a payment (found by its receipt number), or a room's prepaid / deposit balance. */
export function NewRefundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('payAfter.refunds.create')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Tabs items={[
        { key: 'payment', label: t('payAfter.refunds.form.byPayment'), children: <PaymentRefundForm onDone={onClose} /> },
        { key: 'balance', label: t('payAfter.refunds.form.byBalance'), children: <BalanceRefundForm onDone={onClose} /> },
      ]} />
    </Modal>
  );
}
