import { Alert, Form } from 'antd';

/** A form's own error message (none when null), shown as the form's first item. */
export function FormErrorAlert({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <Form.Item>
      <Alert type="error" showIcon title={error} data-testid={testId} />
    </Form.Item>
  );
}
