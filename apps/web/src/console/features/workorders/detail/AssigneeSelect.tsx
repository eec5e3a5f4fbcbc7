import { Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCandidates } from '../api.ts';

interface Props {
  orderId: string;
  value?: string;
  onChange?: (id: string) => void;
  /** the current assignee (a transfer goes to someone else) */
  exclude?: string | null;
}

/**
 * Whom to assign: the server's candidates, best first, with skill / on shift / building / open load;
 * the first eligible one carries the recommended badge. Ineligible staff stay listed (greyed) so the
 * desk sees why they are not offered.
 */
export function AssigneeSelect({ orderId, value, onChange, exclude }: Props) {
  const { t } = useTranslation();
  const candidates = useCandidates(orderId, true);
  const list = (candidates.data ?? []).filter((c) => c.userId !== exclude);
  const best = list.find((c) => c.eligible)?.userId;
  const flag = (on: boolean, yes: string, no: string) => <Tag color={on ? 'green' : 'default'}>{on ? yes : no}</Tag>;

  return (
    <Select
      value={value}
      onChange={onChange}
      loading={candidates.isFetching}
      showSearch={{ optionFilterProp: 'title' }}
      placeholder={t('woConsole.action.pickAssignee')}
      data-testid="wo-assignee"
      popupMatchSelectWidth={520}
      options={list.map((c) => ({
        value: c.userId,
        title: c.name,
        disabled: !c.eligible,
        label: (
          <Space size={4} wrap data-testid={`wo-candidate-${c.name}`}>
            <Typography.Text strong={c.userId === best}>{c.name}</Typography.Text>
            {c.userId === best && <Tag color="gold" data-testid="wo-recommended">{t('woConsole.candidate.recommended')}</Tag>}
            {flag(c.hasSkill, t('woConsole.candidate.skill'), t('woConsole.candidate.noSkill'))}
            {flag(c.onShift, t('woConsole.candidate.onShift'), t('woConsole.candidate.offShift'))}
            {flag(c.responsibleForBuilding, t('woConsole.candidate.building'), t('woConsole.candidate.otherBuilding'))}
            <Typography.Text type="secondary">{t('woConsole.candidate.load', { n: c.openLoad })}</Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}
