import { RightOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineText, placeOf, shortTime, StatusTag } from './labels.tsx';
import type { WoRow } from './types.ts';
import '../../home/my-home.css';
import './wo-h5.css';

/** One order in a phone list: what, where, status and the deadline that counts now. */
export function WoRowLink({ o, to, extra, showDeadline = true }: { o: WoRow; to: string; extra?: ReactNode; showDeadline?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="my-home-row" data-testid="wo-row" data-id={o.id} data-no={o.no}>
      <Link to={to} className="my-home-row-main" style={{ color: 'inherit' }} data-testid="wo-row-link">
        <div className="my-home-row-title">{o.categoryName ?? t(`woH5.type.${o.type}`)} · {o.description.slice(0, 40)}</div>
        <div className="my-home-row-sub">{placeOf(o)}</div>
        <div className="wo-row-tags">
          <StatusTag status={o.status} />
          {o.priority === 'urgent' || o.priority === 'high' ? <span className="wo-overdue">{t(`woH5.priority.${o.priority}`)}</span> : null}
          {showDeadline ? <DeadlineText o={o} /> : <span className="wo-due">{shortTime(o.createdAt)}</span>}
        </div>
      </Link>
      {extra ?? <RightOutlined />}
    </div>
  );
}
