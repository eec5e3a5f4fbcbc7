import { App, Button, Descriptions, Form, Input, Modal, Result, Select, Space, Spin, Steps, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useGenerateBuilding } from '../api.ts';
import { enumOptions, ROOM_TYPES } from '../labels.tsx';
import type { BuildingGenerate, BuildingPreview, RoomType } from '../types.ts';
import { applyServerFieldErrors } from './fieldErrors.ts';
import { DEFAULT_AREA, GenerateLayoutFields } from './GenerateLayoutFields.tsx';

export interface GenerateValues {
  code: string;
  name: string;
  type: RoomType;
  units: number;
  floors: number;
  startFloor: number;
  roomsPerFloor: number;
  areas: { buildingArea: string; insideArea?: string | null }[];
}

const initialValues: Partial<GenerateValues> = { type: 'residential', units: 2, floors: 6, startFloor: 1, roomsPerFloor: 2, areas: [DEFAULT_AREA, DEFAULT_AREA] };
const basicFields = ['code', 'name', 'type'];
const layoutOf = (v: GenerateValues) => ({ units: v.units, floors: v.floors, rooms: v.roomsPerFloor });

function body(v: GenerateValues, preview: boolean): BuildingGenerate {
  return {
    code: v.code.trim(), name: v.name.trim(), type: v.type, units: v.units, floors: v.floors, startFloor: v.startFloor,
    roomsPerFloor: v.roomsPerFloor, preview,
    areas: v.areas.map((a) => ({ buildingArea: a.buildingArea, ...(a.insideArea ? { insideArea: a.insideArea } : {}) })),
  };
}

interface Props {
  open: boolean;
  projectId: string;
  onClose: () => void;
  /** the new building, to select it in the tree */
  onCreated: (buildingId: string) => void;
}

/** 生成楼栋: basic info → units, floors and room areas → preview (counts, total area, sample codes) → create. */
export function GenerateBuildingModal({ open, projectId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<GenerateValues>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<BuildingPreview | null>(null);
  const generate = useGenerateBuilding(projectId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setStep(0);
    setPreview(null);
  }, [open, form]);

  // a refused field goes back to the step that shows it
  const failed = (e: unknown) => {
    if (isApiError(e) && applyServerFieldErrors(form, e, t) > 0) {
      const paths = (e.details as { path: string }[]).map((d) => d.path.replace(/^body[./]/, ''));
      setStep(paths.some((p) => basicFields.includes(p)) ? 0 : 1);
      void message.error(e.code === 'validation_failed' ? t('error.validation') : e.message);
      return;
    }
    onError(e);
  };

  const next = async () => {
    if (step === 0) {
      await form.validateFields(basicFields);
      setStep(1);
      return;
    }
    await form.validateFields(['units', 'floors', 'startFloor', 'roomsPerFloor', 'areas'], { recursive: true });
    setPreview(null);
    setStep(2);
    generate.mutate(body(form.getFieldsValue(true), true), { onSuccess: setPreview, onError: failed });
  };

  const create = () => {
    generate.mutate(body(form.getFieldsValue(true), false), {
      onSuccess: (r) => {
        void message.success(t('estate.gen.created', { count: r.rooms }));
        onClose();
        if (r.buildingId) onCreated(r.buildingId);
      },
      onError: failed,
    });
  };

  const footer = (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('estate.gen.prev')}</Button>}
      {step < 2 ? (
        <Button type="primary" onClick={runSubmit(next)} data-testid="gen-next">
          {step === 1 ? t('estate.gen.preview') : t('estate.gen.next')}
        </Button>
      ) : (
        <Button type="primary" disabled={!preview} loading={generate.isPending} onClick={create} data-testid="gen-create">
          {t('estate.gen.create')}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal open={open} title={t('estate.gen.title')} width={720} onCancel={onClose} footer={footer} forceRender mask={{ closable: false }}>
      <Steps
        size="small"
        current={step}
        style={{ margin: '8px 0 24px' }}
        items={[{ title: t('estate.gen.stepBasic') }, { title: t('estate.gen.stepLayout') }, { title: t('estate.gen.stepPreview') }]}
      />
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <div style={{ display: step === 0 ? undefined : 'none' }}>
          <Form.Item name="code" label={t('estate.gen.code')} extra={t('estate.gen.codeHelp')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9]{1,8}$/, message: t('validation.invalid_code') }]}>
            <Input maxLength={8} data-testid="gen-code" />
          </Form.Item>
          <Form.Item name="name" label={t('estate.gen.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
            <Input maxLength={64} data-testid="gen-name" />
          </Form.Item>
          <Form.Item name="type" label={t('room.type')} rules={[{ required: true }]}>
            <Select options={enumOptions(t, 'roomType', ROOM_TYPES)} />
          </Form.Item>
        </div>
        <div style={{ display: step === 1 ? undefined : 'none' }}>
          <GenerateLayoutFields form={form} />
        </div>
      </Form>
      {step === 2 && (
        <Spin spinning={generate.isPending}>
          {preview ? (
            <div data-testid="gen-preview">
              <Descriptions
                bordered
                size="small"
                column={2}
                styles={{ label: { width: 120 } }}
                items={[
                  { key: 'rooms', label: t('estate.gen.previewRooms'), children: <b data-testid="gen-preview-rooms">{preview.rooms}</b> },
                  { key: 'layout', label: t('estate.gen.previewLayout'), children: t('estate.gen.layoutText', layoutOf(form.getFieldsValue(true))) },
                  { key: 'area', label: t('estate.gen.previewArea'), span: 2, children: `${preview.totalBuildingArea} m²` },
                  {
                    key: 'codes',
                    label: t('estate.gen.previewCodes'),
                    span: 2,
                    children: (
                      <Space size={[4, 4]} wrap>
                        {preview.sampleCodes.map((c) => <Tag key={c}>{c}</Tag>)}
                        {preview.rooms > preview.sampleCodes.length && '…'}
                      </Space>
                    ),
                  },
                ]}
              />
            </div>
          ) : (
            !generate.isPending && <Result status="warning" title={t('estate.gen.previewFailed')} />
          )}
        </Spin>
      )}
    </Modal>
  );
}
