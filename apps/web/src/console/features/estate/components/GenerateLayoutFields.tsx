import { Col, Form, InputNumber, Row, Typography, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerateValues } from './GenerateBuildingModal.tsx';

export const DEFAULT_AREA = { buildingArea: '89.50', insideArea: '72.30' };

const area = (label: string, testId: string) => (
  <InputNumber<string> stringMode precision={2} min="0.01" max="9999999.99" suffix="m²" placeholder={label} style={{ width: '100%' }} data-testid={testId} />
);

/** Step 2 of 生成楼栋: units × floors × rooms per floor, and the area of each room position on a floor. */
export function GenerateLayoutFields({ form }: { form: FormInstance<GenerateValues> }) {
  const { t } = useTranslation();
  const roomsPerFloor = Form.useWatch('roomsPerFloor', form);

  // one area row per room position: grow or shrink the list with the room count, keeping what was typed
  useEffect(() => {
    const n = Math.max(1, Math.min(30, Number(roomsPerFloor) || 0));
    const areas = form.getFieldValue('areas') ?? [];
    if (areas.length === n) return;
    const last = areas[areas.length - 1] ?? DEFAULT_AREA;
    form.setFieldValue('areas', Array.from({ length: n }, (_, i) => areas[i] ?? { ...last }));
  }, [roomsPerFloor, form]);

  const int = (name: keyof GenerateValues, label: string, min: number, max: number) => (
    <Col span={6}>
      <Form.Item name={name} label={label} rules={[{ required: true }]}>
        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} data-testid={`gen-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Row gutter={12}>
        {int('units', t('estate.gen.units'), 1, 20)}
        {int('floors', t('estate.gen.floors'), 1, 100)}
        {int('startFloor', t('estate.gen.startFloor'), -10, 100)}
        {int('roomsPerFloor', t('estate.gen.roomsPerFloor'), 1, 30)}
      </Row>
      <Typography.Text type="secondary">{t('estate.gen.areasHint')}</Typography.Text>
      <Form.List name="areas">
        {(fields, _ops, { errors }) => (
          <div style={{ maxHeight: 260, overflow: 'auto', marginTop: 8 }}>
            {fields.map((f, i) => (
              <Row gutter={12} key={f.key} align="middle">
                <Col span={4}>
                  <Typography.Text>{t('estate.gen.position', { n: i + 1 })}</Typography.Text>
                </Col>
                <Col span={10}>
                  <Form.Item name={[f.name, 'buildingArea']} rules={[{ required: true, message: t('estate.gen.areaRequired') }]}>
                    {area(t('room.buildingArea'), `gen-area-${i}`)}
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={[f.name, 'insideArea']}>{area(t('room.insideArea'), `gen-inside-${i}`)}</Form.Item>
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </>
  );
}
