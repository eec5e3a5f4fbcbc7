import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { PHONE, useCreatePerson } from '../api-people.ts';
import { enumOptions, GENDERS, ID_TYPES } from '../labels.tsx';
import type { Person, PersonCreate } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';

interface Values {
  name: string;
  phone?: string;
  idType?: PersonCreate['idType'];
  idNo?: string;
  gender: NonNullable<PersonCreate['gender']>;
  birthday?: Dayjs | null;
  emergencyContact?: string;
}

const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

interface Props {
  open: boolean;
  onClose: () => void;
  /** the person just registered (the picker that opened the drawer selects them) */
  onCreated?: (person: Person) => void;
}

/** 登记人员: the ID number is checked (check digit) and stored encrypted by the server; its refusals land on the fields. */
export function PersonFormDrawer({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const saved = useFieldSaveFeedback(form, onClose);
  const idNo = Form.useWatch('idNo', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: PersonCreate = {
      name: v.name.trim(),
      gender: v.gender,
      phone: optional(v.phone),
      idType: optional(v.idNo) ? v.idType : undefined,
      idNo: optional(v.idNo),
      birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : undefined,
      emergencyContact: optional(v.emergencyContact),
    };
    create.mutate(body, {
      onSuccess: (p) => {
        saved.onSuccess();
        onCreated?.(p);
      },
      onError: saved.onError,
    });
  };

  return (
    <FormDrawer open={open} size={480} title={t('person.create')} onClose={onClose} onSave={runSubmit(submit)} saving={create.isPending} saveTestId="person-form-submit">
      <Form form={form} layout="vertical" initialValues={{ gender: 'unknown', idType: 'id_card' }}>
        <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="person-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('person.phone')} rules={[{ pattern: PHONE, message: t('validation.invalid_phone') }]}>
          <Input maxLength={11} inputMode="tel" data-testid="person-phone" />
        </Form.Item>
        <Form.Item name="idType" label={t('person.idType')} rules={[{ required: !!optional(idNo), message: t('validation.required_with_id_no') }]}>
          <Select options={enumOptions(t, 'idType', ID_TYPES)} data-testid="person-id-type" />
        </Form.Item>
        <Form.Item name="idNo" label={t('person.idNo')} extra={t('person.idNoHelp')} rules={[{ min: 4, max: 32 }]}>
          <Input maxLength={32} autoComplete="off" data-testid="person-id-no" />
        </Form.Item>
        <Form.Item name="gender" label={t('person.gender')}>
          <Radio.Group options={enumOptions(t, 'gender', GENDERS)} optionType="button" />
        </Form.Item>
        <Form.Item name="birthday" label={t('person.birthday')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="emergencyContact" label={t('person.emergencyContact')} extra={t('person.emergencyContactHelp')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
