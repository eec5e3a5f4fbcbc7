import { BellOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UnreadBadge } from '../../shared/inbox/UnreadBadge.tsx';
import { useInbox } from '../../shared/inbox/useInbox.ts';

/** The header bell: unread count, live; opens the notification centre. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { unread } = useInbox();
  return (
    <Tooltip title={t('inbox.bell')}>
      <Button type="text" data-testid="inbox-bell" aria-label={t('inbox.bell')} onClick={() => void navigate('/inbox')}>
        <UnreadBadge count={unread} label={`${t('inbox.unread')}: ${unread}`}>
          <BellOutlined style={{ fontSize: 18 }} />
        </UnreadBadge>
      </Button>
    </Tooltip>
  );
}
