import { ReloadOutlined } from '@ant-design/icons';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Checkbox, Empty, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useWorkOrders, WO_KEY } from '../api.ts';
import { WoFilters } from '../components/WoFilters.tsx';
import { WoDetailDrawer } from '../detail/WoDetailDrawer.tsx';
import { BOARD_STATUSES, DeadlineCell, DONE_STATUSES, locationText, WoPriorityTag } from '../labels.tsx';
import type { WoListQuery, WorkOrderRow } from '../types.ts';
import { useDetailParam } from '../useDetailParam.ts';
import { useWoLive } from '../useWoLive.ts';
import '../workorders.css';

type Filters = Omit<WoListQuery, 'page' | 'pageSize' | 'status'>;
const PER_COLUMN = 50;

/** One status column: its own page of the list (the nearest deadline first), so a busy column does not crowd out the others. */
function Column({ status, filters, onOpen }: { status: string; filters: Filters; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const q = useWorkOrders({ ...filters, status: [status], sort: 'deadline', page: 1, pageSize: PER_COLUMN });
  const items = q.data?.items ?? [];
  const total = q.data?.total ?? 0;
  return (
    <div className="wo-board-column" data-testid={`wo-board-${status}`}>
      <div className="wo-board-head">
        <Typography.Text strong>{t(`woConsole.status.${status}`)}</Typography.Text>
        <Badge count={q.data?.totalCapped ? `${total}+` : total} showZero color="#8c8c8c" overflowCount={9999} />
      </div>
      <Spin spinning={q.isFetching && !q.data}>
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          {items.map((o) => <BoardCard key={o.id} order={o} onOpen={onOpen} />)}
          {!items.length && !q.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('woConsole.board.empty')} />}
          {total > items.length && <Typography.Text type="secondary">{t('woConsole.board.more', { n: total - items.length })}</Typography.Text>}
        </Space>
      </Spin>
    </div>
  );
}

function BoardCard({ order: o, onOpen }: { order: WorkOrderRow; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable onClick={() => onOpen(o.id)} data-testid={`wo-card-${o.no}`} className={o.overdue ? 'wo-card-overdue' : undefined}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{o.no}</Typography.Text>
          <WoPriorityTag priority={o.priority} />
        </Space>
        <Typography.Text>{o.categoryName ?? t(`woConsole.type.${o.type}`)} · {locationText(t, o)}</Typography.Text>
        <Typography.Text type="secondary" ellipsis={{ tooltip: o.description }}>{o.description}</Typography.Text>
        <Typography.Text type="secondary">{o.assigneeName ?? (o.inPool ? t('woConsole.inPool') : t('woConsole.unassigned'))}</Typography.Text>
        <DeadlineCell at={o.completeDueAt} status={o.status} overdue={o.overdue} />
      </Space>
    </Card>
  );
}

/** 工单看板: a column per status; a card opens the detail drawer, where the allowed actions are (no drag and drop: the table decides). */
export default function BoardPage() {
  const { t } = useTranslation();
  useWoLive();
  const [filters, setFilters] = useState<Filters>({});
  const [showDone, setShowDone] = useState(false);
  const [id, open] = useDetailParam();
  const qc = useQueryClient();
  const fetching = useIsFetching({ queryKey: [...WO_KEY, 'list'] }) > 0;
  const statuses = showDone ? [...BOARD_STATUSES, ...DONE_STATUSES] : BOARD_STATUSES;

  return (
    <>
      <PageHead title={t('woConsole.boardTitle')}>
        <Checkbox checked={showDone} onChange={(e) => setShowDone(e.target.checked)} data-testid="wo-board-show-done">{t('woConsole.board.showDone')}</Checkbox>
        <Button icon={<ReloadOutlined />} loading={fetching} onClick={() => void qc.invalidateQueries({ queryKey: [...WO_KEY, 'list'] })} data-testid="wo-board-refresh">
          {t('common.refresh')}
        </Button>
      </PageHead>
      <WoFilters query={filters} filter={(p) => setFilters((f) => ({ ...f, ...p }))} showStatus={false} />
      <div className="wo-board" data-testid="wo-board">
        {statuses.map((s) => <Column key={s} status={s} filters={filters} onOpen={open} />)}
      </div>
      <WoDetailDrawer id={id} onClose={() => open(null)} />
    </>
  );
}
