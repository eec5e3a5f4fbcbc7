import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// only what the reports draw: keeps the lazily loaded page's chunk small
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  type: 'bar' | 'line';
  data: (number | null)[];
  /** bars of one stack are drawn on top of each other */
  stack?: string;
  /** the right-hand axis (a percentage next to amounts) */
  right?: boolean;
}

/**
 * A bar / line chart over categories (months, buildings, fee items). Values are display numbers
 * (元, %) computed from the integer figures; the axis units come as labels.
 */
export function ReportChart({ categories, series, leftUnit, rightUnit, height = 300, testId }: {
  categories: string[]; series: ChartSeries[]; leftUnit?: string; rightUnit?: string; height?: number; testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: rightUnit ? 60 : 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: categories },
      yAxis: [
        { type: 'value', name: leftUnit },
        ...(rightUnit ? [{ type: 'value', name: rightUnit, splitLine: { show: false } }] : []),
      ],
      series: series.map((s) => ({ name: s.name, type: s.type, data: s.data, stack: s.stack, yAxisIndex: s.right ? 1 : 0, connectNulls: true })),
    }, true);
  }, [categories, series, leftUnit, rightUnit]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}

/** 分 → 元 as a chart number (display only) */
export const chartYuan = (fen: number) => fen / 100;
/** basis points → % as a chart number */
export const chartPercent = (bp: number | null) => (bp === null ? null : bp / 100);
