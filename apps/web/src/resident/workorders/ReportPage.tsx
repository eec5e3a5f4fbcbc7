import { LeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { woTypes } from '@wuye/shared';
import { Alert, App, Button, Card, Form, Input, Result, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSignedInMe } from '../../shared/auth.ts';
import { useApiErrorHandler } from '../../shared/errors.ts';
import { dayjs, TZ } from '../../shared/time.ts';
import { useMyRooms } from '../home/api.ts';
import { useCreateMyWorkOrder, useKb, useWoCategories, type MyWoCreate } from './api.ts';
import { newIdempotencyKey } from './common/idempotency.ts';
import { PhotoPicker } from './common/PhotoPicker.tsx';
import type { UploadedPhoto } from './common/photos.ts';
import { FaqStep } from './FaqStep.tsx';
import { WhereFields, type ProjectOption } from './WhereFields.tsx';
import '../home/my-home.css';
import './common/wo-h5.css';

interface Values {
  type: MyWoCreate['type'];
  categoryId?: string;
  area: 'private' | 'public';
  roomId?: string;
  projectId?: string;
  locationText?: string;
  description: string;
  day?: string;
  from?: string;
  to?: string;
  contactPhone?: string;
}

const at = (day: string, time: string) => dayjs.tz(`${day} ${time}`, 'YYYY-MM-DD HH:mm', TZ).format();

/**
 * 报事报修. A QR code on a door or a machine opens this with `?room=` or `?facility=&project=`
 * (source qr). The FAQ of the chosen category comes first; the form follows on "仍要报事".
 */
export function ReportPage() {
  // another code scanned while the form is open is a new form (its pre-fill, its Idempotency-Key)
  const { search } = useLocation();
  return <ReportForm key={search} />;
}

function ReportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const [params] = useSearchParams();
  const qrRoom = params.get('room') ?? undefined;
  const qrFacility = params.get('facility') ?? undefined;
  const qrProject = params.get('project') ?? undefined;
  const fromQr = !!(qrRoom || qrFacility);
  const { rooms, isPending: roomsPending } = useMyRooms();
  const projects = useMemo<ProjectOption[]>(() => [...new Map(rooms.map((r) => [r.projectId, { id: r.projectId, name: r.projectName }])).values()], [rooms]);
  const cats = useWoCategories();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const categoryId = Form.useWatch('categoryId', form);
  const area = Form.useWatch('area', form) ?? 'private';
  const kb = useKb(categoryId);
  const [faqPassed, setFaqPassed] = useState<string | null>(null);
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const create = useCreateMyWorkOrder(key);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const qrRoomMine = !qrRoom || rooms.some((r) => r.roomId === qrRoom);

  const back = <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>;
  if (roomsPending) return back;
  if (!rooms.length) return <>{back}<Result status="info" title={t('woH5.report.noRoom')} extra={<Button type="primary" onClick={() => void navigate('/bind')}>{t('woH5.report.bind')}</Button>} /></>;

  const articles = kb.data ?? [];
  const showFaq = !!categoryId && articles.length > 0 && faqPassed !== categoryId;
  const initial: Values = {
    type: 'repair', description: '', contactPhone: me.user.phone ?? undefined,
    area: qrFacility || (qrRoom && !qrRoomMine) ? 'public' : 'private',
    roomId: qrRoom && qrRoomMine ? qrRoom : rooms.length === 1 ? rooms[0]!.roomId : undefined,
    projectId: (qrProject && projects.some((p) => p.id === qrProject) ? qrProject : undefined) ?? projects[0]?.id,
  };

  const submit = (v: Values) => {
    if (v.day && v.from && v.to && v.to <= v.from) return void message.error(t('woH5.form.slotOrder'));
    const room = rooms.find((r) => r.roomId === v.roomId);
    const projectId = v.area === 'private' ? room!.projectId : (v.projectId ?? projects[0]!.id);
    // a facility's code names its project; in another community the code's place does not apply
    const facilityId = qrFacility && projectId === qrProject ? qrFacility : undefined;
    const body: MyWoCreate = {
      projectId,
      source: fromQr ? 'qr' : 'resident', type: v.type, categoryId: v.categoryId, description: v.description.trim(), area: v.area,
      ...(v.area === 'private' ? { roomId: v.roomId } : { locationText: v.locationText?.trim() || undefined, facilityId }),
      contactPhone: v.contactPhone?.trim() || undefined,
      ...(v.day && v.from ? { preferredFrom: at(v.day, v.from) } : {}),
      ...(v.day && v.to ? { preferredTo: at(v.day, v.to) } : {}),
      fileIds: photos.map((p) => p.id),
    };
    create.mutate(body, {
      onSuccess: (o) => void navigate(`/work-orders/${o.id}`, { replace: true }),
      onError: (e) => onError(e, { form }),
    });
  };

  return (
    <div data-testid="wo-report-page">
      {back}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} className="wo-form" requiredMark={false}>
        <Card title={t('woH5.report.title')} extra={fromQr && <Tag icon={<QrcodeOutlined />} color="cyan" data-testid="wo-from-qr">{t('woH5.report.fromQr')}</Tag>}>
          {qrRoom && !qrRoomMine && <Alert type="warning" showIcon title={t('woH5.report.qrRoomNotMine')} style={{ marginBottom: 12 }} />}
          <Form.Item name="type" label={t('woH5.form.type')}>
            <Select size="large" data-testid="wo-type" options={woTypes.map((x) => ({ value: x, label: t(`woH5.type.${x}`) }))} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('woH5.form.category')} rules={[{ required: type === 'repair', message: t('woH5.form.categoryRequired') }]}>
            <Select size="large" allowClear loading={cats.isPending} placeholder={t('woH5.form.categoryHint')} data-testid="wo-category"
              options={(cats.data ?? []).map((c) => ({ value: c.id, label: c.chargeable ? `${c.name}（${t('woH5.form.chargeable')}）` : c.name }))} />
          </Form.Item>
        </Card>
        {showFaq ? (
          <FaqStep articles={articles} onContinue={() => setFaqPassed(categoryId)} onSolved={() => void navigate('/')} />
        ) : (
          <Card>
            <WhereFields rooms={rooms} projects={projects} area={area} atFacility={!!qrFacility} />
            {qrFacility && area === 'public' && <Tag color="cyan" style={{ marginBottom: 12 }}>{t('woH5.report.qrFacility')}</Tag>}
            <Form.Item name="description" label={t('woH5.form.description')} rules={[{ required: true, whitespace: true, message: t('woH5.form.descriptionRequired') }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('woH5.form.descriptionHint')} data-testid="wo-description" />
            </Form.Item>
            <Form.Item label={t('woH5.form.photos')}>
              <PhotoPicker value={photos} onChange={setPhotos} onBusy={setUploading} testId="wo-photos" />
            </Form.Item>
            <Form.Item label={t('woH5.form.slot')} extra={t('woH5.form.slotHint')}>
              <div className="wo-slot">
                <Form.Item name="day" noStyle><Input type="date" size="large" min={dayjs().tz(TZ).format('YYYY-MM-DD')} data-testid="wo-slot-day" /></Form.Item>
                <Form.Item name="from" noStyle><Input type="time" size="large" data-testid="wo-slot-from" /></Form.Item>
                <Form.Item name="to" noStyle><Input type="time" size="large" data-testid="wo-slot-to" /></Form.Item>
              </div>
            </Form.Item>
            <Form.Item name="contactPhone" label={t('woH5.form.phone')}>
              <Input type="tel" size="large" maxLength={20} data-testid="wo-phone" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={create.isPending} disabled={uploading} data-testid="wo-submit">
              {t('woH5.report.submit')}
            </Button>
          </Card>
        )}
      </Form>
    </div>
  );
}
