import { woPauseReasons } from '@wuye/shared';
import { Button, Card, Form, Input, InputNumber, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../shared/errors.ts';
import { fenOf, YUAN_PATTERN } from '../../shared/money.ts';
import { EventSheet } from '../../resident/workorders/common/EventSheet.tsx';
import { PhotoPicker } from '../../resident/workorders/common/PhotoPicker.tsx';
import type { UploadedPhoto } from '../../resident/workorders/common/photos.ts';
import type { WoDetail, WoEventBody, WoEventName } from '../../resident/workorders/common/types.ts';
import { useStaffCategories, useTaskEvent } from './api.ts';
import { useGeo } from './geo.ts';
import '../../resident/workorders/common/wo-h5.css';

/** The field steps, in the order they are offered; the server's `abilities` decide which show. */
const FIELD: readonly WoEventName[] = ['grab', 'accept', 'start', 'resume', 'complete', 'quote', 'pause', 'reject'];
type Field = 'grab' | 'accept' | 'start' | 'resume' | 'complete' | 'quote' | 'pause' | 'reject';
interface Values { note?: string; reason?: (typeof woPauseReasons)[number]; amount?: string; materials?: string; labourMinutes?: number | null }
/** steps that need nothing but a tap and a confirmation */
const PLAIN = new Set<Field>(['grab', 'accept', 'start', 'resume']);

/** 接单、拒单、开始、暂停、继续、报价、完工: each with the order's version and, when granted, where the phone is. */
export function TaskActions({ o }: { o: WoDetail }) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<Field | null>(null);
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const ev = useTaskEvent(o.id);
  const onError = useApiErrorHandler();
  const geo = useGeo(sheet !== null);
  const cats = useStaffCategories();
  // only a chargeable category takes a quote (the server says so too); unknown yet → offered
  const chargeable = cats.data?.find((c) => c.id === o.categoryId)?.chargeable ?? !cats.data;
  // a pause for a quote ends with the resident's answer, not with 继续
  const actions = FIELD.filter((e) => o.abilities.includes(e)
    && !(e === 'resume' && o.pauseReason === 'quote') && !(e === 'quote' && !chargeable)) as Field[];
  if (!actions.length) return null;

  const open = (e: Field) => {
    setPhotos([]);
    setSheet(e);
  };
  const submit = (v: Values) => {
    if (!sheet) return;
    const base = { version: o.version, note: v.note?.trim() || undefined, geo: geo.current, fileIds: photos.map((p) => p.id) };
    const body: WoEventBody = sheet === 'pause' ? { event: 'pause', ...base, reason: v.reason! }
      : sheet === 'quote' ? { event: 'quote', ...base, amountFen: fenOf(v.amount)! }
      : sheet === 'complete' ? { event: 'complete', ...base, materials: v.materials?.trim() || undefined, labourMinutes: v.labourMinutes ?? undefined }
      : sheet === 'reject' ? { event: 'reject', ...base, note: v.note!.trim() }
      : { event: sheet, ...base };
    ev.mutate(body, { onSuccess: () => setSheet(null), onError: (e) => onError(e, { onStale: () => setSheet(null) }) });
  };

  return (
    <Card title={t('woH5.actions.title')} data-testid="wo-task-actions">
      <div className="wo-actions">
        {actions.map((e) => (
          <Button key={e} size="large" type={['accept', 'start', 'complete', 'grab', 'resume'].includes(e) ? 'primary' : 'default'} danger={e === 'reject'}
            onClick={() => open(e)} data-testid={`wo-act-${e}`}>{t(`woH5.action.${e}`)}</Button>
        ))}
      </div>
      <EventSheet<Values> open={!!sheet} title={sheet ? t(`woH5.action.${sheet}`) : ''} busy={ev.isPending} blocked={uploading}
        onClose={() => setSheet(null)} onSubmit={submit} okText={t('woH5.actions.ok')} danger={sheet === 'reject'}
        initialValues={{ reason: 'parts', labourMinutes: null }} testId="wo-sheet">
        {sheet === 'pause' && (
          <Form.Item name="reason" label={t('woH5.pause.reason')}>
            <Segmented block size="large" data-testid="wo-pause-reason" options={woPauseReasons.map((r) => ({ value: r, label: t(`woH5.pause.${r}`) }))} />
          </Form.Item>
        )}
        {sheet === 'quote' && (
          <Form.Item name="amount" label={t('woH5.quote.amount')} rules={[
            { required: true, message: t('woH5.quote.amountRequired') },
            { pattern: YUAN_PATTERN, message: t('woH5.quote.amountInvalid') },
            { validator: (_r, v: string | undefined) => (!v || (fenOf(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('woH5.quote.amountInvalid')))) },
          ]}>
            <Input size="large" inputMode="decimal" prefix="¥" data-testid="wo-quote-amount" />
          </Form.Item>
        )}
        {sheet === 'complete' && (
          <>
            <Form.Item label={t('woH5.complete.photos')}>
              <PhotoPicker value={photos} onChange={setPhotos} onBusy={setUploading} testId="wo-after-photos" />
            </Form.Item>
            <Form.Item name="materials" label={t('woH5.complete.materials')}>
              <Input.TextArea rows={2} maxLength={1000} data-testid="wo-materials" />
            </Form.Item>
            <Form.Item name="labourMinutes" label={t('woH5.complete.labour')}>
              <InputNumber size="large" min={0} max={43200} precision={0} style={{ width: '100%' }} data-testid="wo-labour" />
            </Form.Item>
          </>
        )}
        {sheet && !PLAIN.has(sheet) && (
          <Form.Item name="note" label={t(sheet === 'reject' ? 'woH5.note.reject' : 'woH5.note.optional')}
            rules={sheet === 'reject' ? [{ required: true, whitespace: true, message: t('woH5.note.required') }] : []}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="wo-note" />
          </Form.Item>
        )}
      </EventSheet>
    </Card>
  );
}
