import { Badge } from 'antd';
import type { ReactNode } from 'react';

/**
 * The unread count over an icon. `data-testid="inbox-badge"` carries the number in `data-count`
 * (also when it is 0 and antd shows nothing), so tests and assistive tech can read it.
 */
export function UnreadBadge({ count, label, children }: { count: number; label: string; children: ReactNode }) {
  return (
    <span className="wuye-unread" data-testid="inbox-badge" data-count={count} aria-label={label}>
      <Badge count={count} size="small" overflowCount={99}>
        {children}
      </Badge>
    </span>
  );
}
