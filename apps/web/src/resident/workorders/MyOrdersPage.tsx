import { LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { MY_WO_KEY, useMyWorkOrders, type MyWoFilter } from './api.ts';
import { useLiveOrders } from './common/useLiveOrders.ts';
import { WoRowLink } from './common/WoRowLink.tsx';
import '../home/my-home.css';
import './common/wo-h5.css';

/** 我的报事: what I reported, open ones first by default; live over SSE. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<MyWoFilter>('all');
  const q = useMyWorkOrders(filter);
  useLiveOrders(MY_WO_KEY);
  const rows = (q.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <div data-testid="my-wo-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>
      <Card title={t('woH5.mine.title')} extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/report')} data-testid="my-wo-new">{t('woH5.mine.new')}</Button>
      }>
        <div className="wo-tabs">
          <Segmented<MyWoFilter> value={filter} onChange={setFilter} data-testid="my-wo-filter" options={[
            { value: 'all', label: t('woH5.mine.all') }, { value: 'open', label: t('woH5.mine.open') }, { value: 'done', label: t('woH5.mine.done') },
          ]} />
        </div>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('woH5.mine.none')} data-testid="my-wo-empty" />
        ) : (
          <div className="my-home-rows">
            {rows.map((o) => <WoRowLink key={o.id} o={o} to={`/work-orders/${o.id}`} showDeadline={false} />)}
          </div>
        )}
        {q.hasNextPage && (
          <Button block style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} data-testid="my-wo-more">{t('woH5.mine.more')}</Button>
        )}
      </Card>
    </div>
  );
}
