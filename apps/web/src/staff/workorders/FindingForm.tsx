import { Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../shared/errors.ts';
import { PhotoPicker } from '../../resident/workorders/common/PhotoPicker.tsx';
import type { UploadedPhoto } from '../../resident/workorders/common/photos.ts';
import { newIdempotencyKey, useReportFinding, useStaffCategories } from './api.ts';
import '../../resident/workorders/common/wo-h5.css';

interface Values { categoryId: string; description: string }

/** 上报问题 at a scanned room or facility: a patrol finding with photos, entered on the spot. */
export function FindingForm({ projectId, roomId, facilityId, onDone }: { projectId: string; roomId?: string; facilityId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const cats = useStaffCategories();
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const report = useReportFinding();
  const onError = useApiErrorHandler();
  const submit = (v: Values) => report.mutate({
    key,
    body: {
      projectId, source: 'patrol', type: 'repair', categoryId: v.categoryId, description: v.description.trim(),
      ...(roomId ? { area: 'private', roomId } : { area: 'public', facilityId }), fileIds: photos.map((p) => p.id),
    },
  }, {
    onSuccess: (o) => { onDone(); void navigate(`/tasks/${o.id}`); },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Card title={t('woH5.place.report')} data-testid="wo-finding">
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} className="wo-form">
        <Form.Item name="categoryId" label={t('woH5.form.category')} rules={[{ required: true, message: t('woH5.form.categoryRequired') }]}>
          <Select size="large" loading={cats.isPending} data-testid="wo-finding-category"
            options={(cats.data ?? []).filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="description" label={t('woH5.form.description')} rules={[{ required: true, whitespace: true, message: t('woH5.form.descriptionRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="wo-finding-description" />
        </Form.Item>
        <Form.Item label={t('woH5.form.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} onBusy={setUploading} testId="wo-finding-photos" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={report.isPending} disabled={uploading} data-testid="wo-finding-submit">
          {t('woH5.place.submit')}
        </Button>
      </Form>
    </Card>
  );
}
