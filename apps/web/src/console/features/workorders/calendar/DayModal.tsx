import { App, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { useClearCalendarDay, useSetCalendarDay, type CalendarDay } from './api.ts';

/** Set (or clear) HQ's override for one day. */
export function DayModal({ day, special, onClose }: { day: string | null; special: CalendarDay | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const set = useSetCalendarDay();
  const clear = useClearCalendarDay();
  const [kind, setKind] = useState<'workday' | 'holiday'>('holiday');
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!day) return;
    setKind(special?.source === 'override' ? special.kind : special?.kind === 'holiday' ? 'workday' : 'holiday');
    setNote(special?.source === 'override' ? (special.note ?? '') : '');
  }, [day, special]);

  const save = () => day && set.mutate({ day, body: { kind, note: note.trim() || null } }, {
    onSuccess: () => { void message.success(t('woCalendar.saved')); onClose(); }, onError: (e) => onError(e),
  });
  const remove = () => day && clear.mutate(day, {
    onSuccess: () => { void message.success(t('woCalendar.cleared')); onClose(); }, onError: (e) => onError(e),
  });
  const library = special ? t(`woCalendar.kind.${special.libraryKind}`) : null;

  return (
    <Modal
      open={!!day} title={t('woCalendar.edit.title', { day })} onCancel={onClose} destroyOnHidden
      footer={(
        <Space>
          {special?.source === 'override' && <Button danger onClick={remove} loading={clear.isPending} data-testid="wo-cal-clear">{t('woCalendar.edit.clear')}</Button>}
          <Button onClick={onClose}>{t('woCalendar.edit.cancel')}</Button>
          <Button type="primary" onClick={save} loading={set.isPending} data-testid="wo-cal-save">{t('woCalendar.edit.save')}</Button>
        </Space>
      )}
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="wo-cal-modal">
        {special?.name && <Typography.Text type="secondary">{t('woCalendar.edit.library', { name: special.name, kind: library })}</Typography.Text>}
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" buttonStyle="solid">
          {/* antd puts a testid on the hidden input: the visible label carries it */}
          <Radio.Button value="workday"><span data-testid="wo-cal-kind-workday">{t('woCalendar.kind.workday')}</span></Radio.Button>
          <Radio.Button value="holiday"><span data-testid="wo-cal-kind-holiday">{t('woCalendar.kind.holiday')}</span></Radio.Button>
        </Radio.Group>
        <Input value={note} maxLength={100} onChange={(e) => setNote(e.target.value)} placeholder={t('woCalendar.edit.note')} data-testid="wo-cal-note" />
      </Space>
    </Modal>
  );
}
