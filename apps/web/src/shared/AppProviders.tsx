import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/index.ts';

interface Props {
  client: QueryClient;
  theme?: ThemeConfig;
  children: ReactNode;
}

/** Query cache + antd (locale follows the i18next language) + antd's App context for toasts. */
export function AppProviders({ client, theme, children }: Props) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : zhCN;
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={locale} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
