import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Pagination, Segmented, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useApiErrorHandler } from '../errors.ts';
import { formatDateTime } from '../time.ts';
import { useInboxPage, type InboxItem } from './api.ts';
import { useInbox } from './useInbox.ts';
import './inbox.css';

const PAGE = 20;

function Item({ item, expanded, onToggle }: { item: InboxItem; expanded: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const unread = !item.readAt;
  return (
    <div
      role="button"
      tabIndex={0}
      aria-expanded={expanded}
      className={`wuye-inbox-item${unread ? ' unread' : ''}${expanded ? ' expanded' : ''}`}
      data-testid="inbox-item"
      data-id={item.id}
      data-unread={unread}
      onClick={onToggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onToggle();
        }
      }}
    >
      <div className="wuye-inbox-head">
        <span className="wuye-inbox-dot" aria-label={unread ? t('inbox.unread') : undefined} />
        <span className="wuye-inbox-title">{item.title}</span>
        <Tag className="wuye-inbox-event">{t(`notifyEvent.${item.event}`, { defaultValue: item.event })}</Tag>
      </div>
      <div className="wuye-inbox-body">{item.body}</div>
      <div className="wuye-inbox-time">{formatDateTime(item.createdAt)}</div>
    </div>
  );
}

/**
 * The inbox as a list, for the console page and both H5 apps: all / unread filter, a tap marks
 * a message read and expands it, "mark all read". `mobile` pages with "load more" instead of a
 * pager.
 */
export function InboxList({ mobile = false }: { mobile?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE);
  const [expanded, setExpanded] = useState<string | null>(null);
  const { unread, markRead, markAllRead } = useInbox();
  const list = useInboxPage({ unread: unreadOnly, page, pageSize });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const toggle = (item: InboxItem) => {
    setExpanded((cur) => (cur === item.id ? null : item.id));
    if (!item.readAt) markRead.mutate(item.id, { onError: (e) => onError(e) });
  };

  const readAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: (r) => void message.success(t('inbox.readAllDone', { count: r.count })),
      onError: (e) => onError(e),
    });

  return (
    <div className={`wuye-inbox${mobile ? ' mobile' : ''}`} data-testid="inbox-list">
      <div className="wuye-inbox-toolbar">
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
            setPageSize(PAGE);
          }}
          options={[
            { value: 'all', label: <span data-testid="inbox-filter-all">{t('inbox.all')}</span> },
            { value: 'unread', label: <span data-testid="inbox-filter-unread">{`${t('inbox.unread')}${unread ? ` (${unread})` : ''}`}</span> },
          ]}
        />
        <Button icon={<CheckOutlined />} disabled={!unread} loading={markAllRead.isPending} onClick={readAll} data-testid="inbox-read-all">
          {t('inbox.readAll')}
        </Button>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')} />
      ) : (
        <div className="wuye-inbox-items">
          {items.map((it) => (
            <Item key={it.id} item={it} expanded={expanded === it.id} onToggle={() => toggle(it)} />
          ))}
        </div>
      )}
      {mobile
        ? items.length < total && (
            <Button block loading={list.isFetching} onClick={() => setPageSize((n) => Math.min(n + PAGE, 200))} style={{ marginTop: 12 }}>
              {t('inbox.loadMore')}
            </Button>
          )
        : total > pageSize && (
            <Pagination
              style={{ marginTop: 16, justifyContent: 'flex-end' }}
              current={page}
              pageSize={pageSize}
              total={total}
              showSizeChanger
              showTotal={(n) => t('common.total', { total: n })}
              onChange={(p, size) => {
                setPage(size === pageSize ? p : 1);
                setPageSize(size);
              }}
            />
          )}
    </div>
  );
}
