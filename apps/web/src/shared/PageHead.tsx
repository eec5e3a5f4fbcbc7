import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title on the left, actions on the right. */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="wuye-page-head">
      <Typography.Title level={4}>{title}</Typography.Title>
      {children && <Space wrap>{children}</Space>}
    </div>
  );
}
