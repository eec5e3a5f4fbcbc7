import { Button, Drawer, Form } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './wo-h5.css';

interface Props<V> {
  open: boolean;
  title: string;
  /** the step's inputs (Form.Items); none = a plain confirmation */
  children?: ReactNode;
  initialValues?: Partial<V>;
  busy: boolean;
  /** disables the button (e.g. a photo still uploading) */
  blocked?: boolean;
  okText: string;
  danger?: boolean;
  onClose: () => void;
  onSubmit: (values: V) => void;
  testId: string;
}

/** A bottom sheet for one workflow step: its few inputs and one big button. */
export function EventSheet<V extends object>({ open, title, children, initialValues, busy, blocked, okText, danger, onClose, onSubmit, testId }: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Drawer open={open} placement="bottom" size="auto" title={title} onClose={onClose} destroyOnHidden className="wo-sheet" data-testid={testId}
      styles={{ body: { paddingBottom: 'calc(16px + env(safe-area-inset-bottom))' } }}>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} requiredMark={false}>
        {children}
        <Button type="primary" danger={danger} htmlType="submit" block size="large" loading={busy} disabled={blocked} data-testid={`${testId}-ok`}>{okText}</Button>
        <Button type="text" block size="large" onClick={onClose} style={{ marginTop: 4 }}>{t('common.cancel')}</Button>
      </Form>
    </Drawer>
  );
}
