import { Button, Drawer, Space, type DrawerProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Pick<DrawerProps, 'open' | 'size' | 'title' | 'afterOpenChange'> {
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  saveTestId: string;
  children: ReactNode;
}

/** A drawer holding a form, with 取消 / 保存 at its top; rendered while closed, so its form instance stays connected. */
export function FormDrawer({ onClose, onSave, saving, saveTestId, children, ...drawer }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      {...drawer}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
