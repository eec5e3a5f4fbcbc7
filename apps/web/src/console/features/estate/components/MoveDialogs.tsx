import { Alert, Checkbox, DatePicker, Form, Input, Modal, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useRoomResidents } from '../api.ts';
import { useMoveRoom } from '../api-moves.ts';
import { RelationTag } from '../labels.tsx';
import type { RoomResident } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';

interface Props {
  roomId: string;
  open: boolean;
  onClose: () => void;
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const noteOf = (note: string | undefined) => (note?.trim() ? { note: note.trim() } : {});

/** The room's residents whose relation holds today, one entry per person (the server asks the same). */
function currentResidents(rows: RoomResident[]): RoomResident[] {
  const today = dayjs().format('YYYY-MM-DD');
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (r.validFrom > today || (r.validTo != null && r.validTo < today) || seen.has(r.personId)) return false;
    seen.add(r.personId);
    return true;
  });
}

interface MoveInValues {
  personIds: string[];
  date: Dayjs;
  note?: string;
}

/** 办理入住: who of the room's current residents begins living there, and from which day. */
export function MoveInModal({ roomId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveInValues>();
  const move = useMoveRoom();
  const residents = useRoomResidents(roomId);
  const people = currentResidents(residents.data ?? []);
  const saved = useFieldSaveFeedback(form, onClose, { doneKey: 'move.movedIn' });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    // everyone related to the room today is the usual household; unticking is quicker than picking
    form.setFieldsValue({ personIds: people.map((p) => p.personId) });
    // not on a refetch while the dialog is open: that would undo the user's ticks
  }, [open, form, residents.isSuccess]);

  const submit = async () => {
    const v = await form.validateFields();
    move.mutate({ roomId, in: { date: v.date.format('YYYY-MM-DD'), personIds: v.personIds, ...noteOf(v.note) } }, saved);
  };

  return (
    <Modal
      open={open}
      title={t('move.moveIn')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={move.isPending}
      okButtonProps={{ disabled: !people.length, 'data-testid': 'move-in-submit' }}
      forceRender
    >
      {!people.length && !residents.isPending && <Alert type="info" showIcon title={t('move.noResidents')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="personIds" label={t('move.persons')} extra={t('move.personsHelp')} rules={[{ required: true, message: t('move.personsRequired') }]}>
          <Checkbox.Group data-testid="move-in-persons">
            <Space orientation="vertical">
              {people.map((p) => (
                <Checkbox key={p.personId} value={p.personId}>
                  <Space size={4}>
                    {p.name}
                    <RelationTag relation={p.relation} />
                  </Space>
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="date" label={t('move.moveInDate')} extra={t('move.moveInDateHelp')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={notFuture} data-testid="move-in-date" />
        </Form.Item>
        <Form.Item name="note" label={t('move.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="move-in-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MoveOutValues {
  date: Dayjs;
  endRelations: boolean;
  note?: string;
}

/** 办理搬出: the household leaves on a day (vacant from that day), optionally ending tenants' and family members' relations. */
export function MoveOutModal({ roomId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveOutValues>();
  const move = useMoveRoom();
  const saved = useFieldSaveFeedback(form, onClose, { doneKey: 'move.movedOut' });

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    move.mutate({ roomId, out: { date: v.date.format('YYYY-MM-DD'), endRelations: v.endRelations, ...noteOf(v.note) } }, saved);
  };

  return (
    <Modal
      open={open}
      title={t('move.moveOut')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': 'move-out-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), endRelations: false }}>
        <Form.Item name="date" label={t('move.moveOutDate')} extra={t('move.moveOutDateHelp')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={notFuture} data-testid="move-out-date" />
        </Form.Item>
        <Form.Item name="endRelations" label={t('move.endRelations')} extra={t('move.endRelationsHelp')} valuePropName="checked">
          <Switch data-testid="move-out-end-relations" />
        </Form.Item>
        <Form.Item name="note" label={t('move.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="move-out-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
