import { App, Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useApiErrorHandler } from './errors.ts';

interface Mutation<V> {
  mutate: (variables: V, options: { onSuccess: () => void; onError: (e: unknown) => void }) => void;
}

interface Props<V> {
  /** the question in the pop-up */
  confirm: ReactNode;
  mutation: Mutation<V>;
  variables: V;
  /** the toast once it is done */
  done: string;
  danger?: boolean;
  testId?: string;
  /** test id of the pop-up's OK button */
  confirmTestId?: string;
  children: ReactNode;
}

/**
 * A row's link button that asks first, then runs the mutation: a toast when it is done, the shared
 * error handling when it fails.
 */
export function ConfirmMutationLink<V>({ confirm, mutation, variables, done, danger, testId, confirmTestId, children }: Props<V>) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  return (
    <Popconfirm
      title={confirm}
      okButtonProps={confirmTestId ? { 'data-testid': confirmTestId } : undefined}
      onConfirm={() => mutation.mutate(variables, { onSuccess: () => void message.success(done), onError: (e) => onError(e) })}
    >
      <Button type="link" size="small" danger={danger} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}
