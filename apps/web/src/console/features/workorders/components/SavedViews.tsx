import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Popover, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { useDeleteView, useSavedViews, useSaveView } from '../api.ts';

interface Props {
  page: string;
  filters: Record<string, unknown>;
  onApply: (filters: Record<string, unknown>) => void;
}

/** Named filter sets of the signed-in user for this page: pick one, save the current filters under a name, delete. */
export function SavedViews({ page, filters, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const views = useSavedViews(page);
  const save = useSaveView(page);
  const remove = useDeleteView(page);
  const [current, setCurrent] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  // only values the contract stores: drop empties
  const stored = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)));

  const submit = () => {
    if (!name.trim()) return;
    save.mutate({ name: name.trim(), filters: stored }, {
      onSuccess: (v) => { void message.success(t('woConsole.views.saved')); setCurrent(v.id); setOpen(false); setName(''); },
      onError: (e) => onError(e),
    });
  };

  return (
    <Space.Compact>
      <Select
        allowClear
        style={{ width: 180 }}
        placeholder={t('woConsole.views.pick')}
        value={current}
        loading={views.isFetching}
        onChange={(id?: string) => {
          setCurrent(id);
          onApply(id ? (views.data?.find((v) => v.id === id)?.filters ?? {}) : {});
        }}
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        data-testid="wo-views"
      />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t('woConsole.views.saveTitle')}
        content={
          <Space>
            <Input value={name} maxLength={50} placeholder={t('woConsole.views.name')} onChange={(e) => setName(e.target.value)} onPressEnter={submit} data-testid="wo-view-name" />
            <Button type="primary" loading={save.isPending} onClick={submit} data-testid="wo-view-save">{t('common.save')}</Button>
          </Space>
        }
      >
        <Button icon={<SaveOutlined />} data-testid="wo-view-open">{t('woConsole.views.save')}</Button>
      </Popover>
      {current && (
        <Popconfirm title={t('woConsole.views.deleteConfirm')} onConfirm={() => remove.mutate(current, { onSuccess: () => setCurrent(undefined), onError: (e) => onError(e) })}>
          <Button icon={<DeleteOutlined />} danger aria-label={t('common.delete')} data-testid="wo-view-delete" />
        </Popconfirm>
      )}
    </Space.Compact>
  );
}
