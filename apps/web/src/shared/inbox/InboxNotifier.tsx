import { BellOutlined } from '@ant-design/icons';
import { App, Button, theme, type NotificationArgsProps } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchInbox } from './api.ts';
import { useInbox } from './useInbox.ts';

const clamp = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);
/** A drawer or dialog is open: the user is filling something in; a pop-up would cover its buttons. */
const busy = () => typeof document !== 'undefined' && !!document.querySelector('.ant-drawer-open, .ant-modal-wrap:not([style*="display: none"])');

interface Props {
  onOpen: () => void;
  placement?: NotificationArgsProps['placement'];
  /** the inbox is on screen: it updates by itself, so no pop-ups (and open ones close) */
  suppress?: boolean;
}

/**
 * Mounted once in each signed-in shell: keeps the inbox live and pops up the newest unread
 * message on every `inbox.new` (the event carries no text: the message is fetched) — unless a
 * drawer or dialog is open.
 */
export function InboxNotifier({ onOpen, placement = 'topRight', suppress = false }: Props) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const { token } = theme.useToken();
  const shown = useRef(new Set<string>());
  const quiet = useRef(suppress);

  useEffect(() => {
    quiet.current = suppress;
    if (!suppress) return;
    for (const key of shown.current) notification.destroy(key);
    shown.current.clear();
  }, [suppress, notification]);

  const show = useCallback(async () => {
    // the bell's count still goes up; only the pop-up waits for a free screen
    if (quiet.current || busy()) return;
    let item;
    try {
      item = (await fetchInbox({ unread: true, page: 1, pageSize: 1 })).items[0];
    } catch {
      return; // the badge still updates; a failed look-up is not worth an error toast
    }
    if (!item || quiet.current) return;
    const key = `inbox-${item.id}`;
    shown.current.add(key);
    notification.open({
      key,
      onClose: () => shown.current.delete(key),
      placement,
      duration: 8,
      icon: <BellOutlined style={{ color: token.colorPrimary }} />,
      title: item.title,
      description: clamp(item.body),
      props: { 'data-testid': 'inbox-toast' },
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy(key);
            onOpen();
          }}
        >
          {t('inbox.view')}
        </Button>
      ),
    });
  }, [notification, onOpen, placement, t, token.colorPrimary]);

  useInbox({ onNew: () => void show() });
  return null;
}
