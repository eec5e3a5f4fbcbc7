import { Alert, Descriptions, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { useRevealedPerson } from '../api-people.ts';

/** 查看完整信息: the person's phone and ID number in full (pii.view; the server records each look in the audit log). */
export function PersonRevealModal({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const person = useRevealedPerson(personId);
  const p = person.data;
  return (
    <Modal open={!!personId} title={t('person.reveal')} onCancel={onClose} footer={null} destroyOnHidden>
      <Alert type="warning" showIcon title={t('person.revealAudited')} style={{ marginBottom: 16 }} />
      {person.isError ? (
        <Alert type="error" title={errorText(t, person.error)} />
      ) : !p ? (
        <Spin />
      ) : (
        <Descriptions
          bordered
          size="small"
          column={1}
          data-testid="person-revealed"
          items={[
            { key: 'name', label: t('person.name'), children: p.name },
            { key: 'phone', label: t('person.phone'), children: <span data-testid="person-revealed-phone">{p.phone ?? '—'}</span> },
            { key: 'idType', label: t('person.idType'), children: p.idType ? t(`idType.${p.idType}`) : '—' },
            { key: 'idNo', label: t('person.idNo'), children: p.idNo ?? '—' },
            { key: 'gender', label: t('person.gender'), children: t(`gender.${p.gender}`) },
            { key: 'birthday', label: t('person.birthday'), children: p.birthday ?? '—' },
            { key: 'emergency', label: t('person.emergencyContact'), children: p.emergencyContact ?? '—' },
          ]}
        />
      )}
    </Modal>
  );
}
