import { Form, Input, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyRoom } from '../home/api.ts';

export interface ProjectOption { id: string; name: string }

/** 在家里（选一套我的房屋）或公共区域（小区 + 位置描述）. */
/** `atFacility`: opened from a facility's code, which already says where (the text is then optional). */
export function WhereFields({ rooms, projects, area, atFacility = false }: { rooms: MyRoom[]; projects: ProjectOption[]; area: 'private' | 'public'; atFacility?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="area" label={t('woH5.form.area')}>
        <Segmented block size="large" data-testid="wo-area" options={[
          { value: 'private', label: t('woH5.area.private') }, { value: 'public', label: t('woH5.area.public') },
        ]} />
      </Form.Item>
      {area === 'private' ? (
        <Form.Item name="roomId" label={t('woH5.form.room')} rules={[{ required: true, message: t('woH5.form.roomRequired') }]}>
          <Select size="large" placeholder={t('woH5.form.room')} data-testid="wo-room"
            options={rooms.map((r) => ({ value: r.roomId, label: `${r.projectName} ${r.roomCode}` }))} />
        </Form.Item>
      ) : (
        <>
          {projects.length > 1 && (
            <Form.Item name="projectId" label={t('woH5.form.project')} rules={[{ required: true }]}>
              <Select size="large" data-testid="wo-project" options={projects.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          <Form.Item name="locationText" label={t('woH5.form.location')} rules={[{ required: !atFacility, whitespace: true, message: t('woH5.form.locationRequired') }]}>
            <Input size="large" maxLength={200} placeholder={t('woH5.form.locationHint')} data-testid="wo-location" />
          </Form.Item>
        </>
      )}
    </>
  );
}
