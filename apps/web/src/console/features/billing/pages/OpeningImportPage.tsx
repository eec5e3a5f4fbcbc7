import { Button, Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { ImportResult } from '../../estate/components/ImportResult.tsx';
import { ImportUploadForm } from '../../estate/components/ImportUploadForm.tsx';
import { openingSource } from '../api-opening.ts';
import { OpeningHistory } from '../opening/OpeningHistory.tsx';
import { OpeningSummary } from '../opening/OpeningSummary.tsx';

const RULES = ['rule1', 'rule2', 'rule3', 'rule4', 'rule5'] as const;

/**
 * 期初导入: download the template (欠费 and 预存 sheets), choose the mode, upload, follow the
 * import to its result and its error report — the estate archive's import steps on billing's routes.
 */
export default function OpeningImportPage() {
  const { t } = useTranslation();
  const [importId, setImportId] = useState<string | null>(null);
  const source = openingSource(t('billingOpening.templateName'));
  return (
    <>
      <PageHead title={t('billingOpening.title')} />
      <Typography.Paragraph type="secondary">{t('billingOpening.intro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card data-testid="opening-import">
            {importId ? (
              <ImportResult
                id={importId}
                source={source}
                summary={(imp) => <OpeningSummary imp={imp} />}
                extra={
                  <Button key="again" onClick={() => setImportId(null)} data-testid="import-again">
                    {t('excel.again')}
                  </Button>
                }
              />
            ) : (
              <ImportUploadForm source={source} onStarted={(imp) => setImportId(imp.id)} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('billingOpening.rulesTitle')} size="small">
            <ul style={{ paddingInlineStart: 18, margin: 0 }}>
              {RULES.map((r) => (
                <li key={r} style={{ marginBottom: 6 }}>
                  {t(`billingOpening.${r}`)}
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      <Card title={t('billingOpening.history')} size="small" style={{ marginTop: 16 }}>
        <OpeningHistory />
      </Card>
    </>
  );
}
