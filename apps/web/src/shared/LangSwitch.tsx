import { GlobalOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang, setLanguage } from '../i18n/index.ts';

/** One button that toggles zh-CN ⇄ en; its label names the language it switches to. */
export function LangSwitch(props: Omit<ButtonProps, 'onClick'>) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      aria-label={t('common.language')}
      {...props}
      onClick={() => setLanguage(currentLang() === 'en' ? 'zh-CN' : 'en')}
    >
      {t('common.switchToOther')}
    </Button>
  );
}
