import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WoStatsRow } from '../types.ts';

/** minutes → hours with one decimal, for averages */
export const hours = (m: number | null) => (m === null ? null : Math.round(m / 6) / 10);

/**
 * The headline figures. Average handling time and satisfaction are the two the seed case is judged
 * by (48 h → 12 h, 96 %), so they are framed and come first.
 */
export function KpiCards({ total }: { total: WoStatsRow }) {
  const { t } = useTranslation();
  const h = (m: number | null) => hours(m) ?? '—';
  const cards = [
    { key: 'handling', title: t('woConsole.stats.avgHandling'), value: h(total.avgHandlingMinutes), suffix: 'h', highlight: true },
    { key: 'satisfaction', title: t('woConsole.stats.satisfaction'), value: total.rated ? total.satisfactionRate : '—', suffix: total.rated ? '%' : '', highlight: true },
    { key: 'count', title: t('woConsole.stats.count'), value: total.count },
    { key: 'completion', title: t('woConsole.stats.completionRate'), value: total.completionRate, suffix: '%' },
    { key: 'response', title: t('woConsole.stats.avgResponse'), value: h(total.avgResponseMinutes), suffix: 'h' },
    { key: 'overdue', title: t('woConsole.stats.overdueRate'), value: total.overdueRate, suffix: '%' },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" className={c.highlight ? 'wo-kpi-highlight' : undefined} data-testid={`wo-kpi-${c.key}`}>
            <Statistic title={c.title} value={c.value} suffix={c.suffix} styles={c.highlight ? { content: { color: '#1677ff' } } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
