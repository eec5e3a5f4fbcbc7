import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyBinding } from './api.ts';

const relationColours: Record<string, string> = { owner: 'gold', co_owner: 'orange', tenant: 'blue', family: 'green' };
const bindingColours: Record<MyBinding['status'], string> = { pending: 'processing', approved: 'success', rejected: 'error' };

/** 业主 / 共有人 / 租户 / 家庭成员 */
export function RelationTag({ relation }: { relation: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={relationColours[relation] ?? 'default'} data-testid="relation-tag">
      {t(`myHome.relation.${relation}`, { defaultValue: relation })}
    </Tag>
  );
}

export function BindingStatusTag({ status }: { status: MyBinding['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={bindingColours[status]} data-testid="binding-status">
      {t(`myHome.requests.status.${status}`)}
    </Tag>
  );
}
