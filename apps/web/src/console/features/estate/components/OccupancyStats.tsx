import { Card, Col, DatePicker, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../../../shared/time.ts';
import { useOccupancy } from '../api.ts';

/** 入住率 / 空置率 of the selected project (or one building of it) on a chosen day, today to start with. */
export function OccupancyStats({ buildingId, scopeLabel }: { buildingId?: string; scopeLabel: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | undefined>();
  const occupancy = useOccupancy({ buildingId, date });
  const o = occupancy.data;

  return (
    <Card
      size="small"
      title={t('estate.occupancyOf', { scope: scopeLabel })}
      style={{ marginBottom: 16 }}
      extra={
        <DatePicker
          size="small"
          allowClear
          placeholder={t('estate.today')}
          value={date ? dayjs(date) : null}
          onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="occupancy-date"
        />
      }
      loading={occupancy.isPending}
      data-testid="occupancy"
    >
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('estate.totalRooms')} value={o?.total ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('estate.occupancyRate')} value={o?.occupancyRate ?? '0.00'} suffix="%" styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('estate.vacancyRate')} value={o?.vacancyRate ?? '0.00'} suffix="%" styles={{ content: { color: '#8c8c8c' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('estate.breakdown')}
            value={`${o?.byStatus.occupied ?? 0} / ${o?.byStatus.rented ?? 0} / ${o?.byStatus.decorating ?? 0}`}
            styles={{ content: { fontSize: 18 } }}
          />
        </Col>
      </Row>
    </Card>
  );
}
