/**
 * Wraps a form's submit for antd's onOk/onSave: a failed `validateFields()` (the fields already
 * show their messages) is expected and swallowed instead of surfacing as an unhandled rejection.
 */
export const runSubmit = (submit: () => Promise<unknown>) => () => {
  submit().catch((e: unknown) => {
    if (!(e && typeof e === 'object' && 'errorFields' in e)) console.error(e);
  });
};
