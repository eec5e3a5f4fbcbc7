import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { LangSwitch } from '../LangSwitch.tsx';
import './h5.css';

interface Props {
  testId: string;
  title: ReactNode;
  /** a line under the title */
  subtitle?: ReactNode;
  children: ReactNode;
}

/** The frame of the H5 apps' signed-out screens (login, reset, registration): language switch, title, content. */
export function H5AuthPage({ testId, title, subtitle, children }: Props) {
  return (
    <div className="h5-auth" data-testid={testId}>
      <div className="h5-auth-top">
        <LangSwitch />
      </div>
      <Typography.Title level={2}>{title}</Typography.Title>
      {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
      {children}
    </div>
  );
}
