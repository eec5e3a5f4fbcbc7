import { BulbOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from './common/types.ts';
import './common/wo-h5.css';

/** "这些能解决您的问题吗？": the category's published answers before the form, and a way on. */
export function FaqStep({ articles, onContinue, onSolved }: { articles: KbArticle[]; onContinue: () => void; onSolved: () => void }) {
  const { t } = useTranslation();
  return (
    <Card title={<Space><BulbOutlined />{t('woH5.faq.title')}</Space>} className="wo-faq" data-testid="wo-faq">
      <Collapse accordion size="large" items={articles.map((a) => ({
        key: a.id,
        label: <span data-testid="wo-faq-question">{a.question}</span>,
        children: <div style={{ whiteSpace: 'pre-wrap' }} data-testid="wo-faq-answer">{a.answer}</div>,
      }))} />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Button type="primary" block size="large" onClick={onContinue} data-testid="wo-faq-continue">{t('woH5.faq.stillReport')}</Button>
        <Button block size="large" onClick={onSolved} data-testid="wo-faq-solved">{t('woH5.faq.solved')}</Button>
      </Space>
    </Card>
  );
}
