import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChannelPrefs } from '../../../shared/inbox/ChannelPrefs.tsx';
import { InboxList } from '../../../shared/inbox/InboxList.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';

/** 消息中心: the signed-in person's messages and notification channels. */
export default function InboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHead title={t('inbox.title')} />
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={16}>
          <InboxList />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('inbox.prefsTitle')}>
            <ChannelPrefs />
          </Card>
        </Col>
      </Row>
    </>
  );
}
