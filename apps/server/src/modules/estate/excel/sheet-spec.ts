import type { estateImportKinds, importKinds } from './imports.table.ts';

export type ImportKind = (typeof importKinds)[number];
export type EstateImportKind = (typeof estateImportKinds)[number];

/** label shown in the sheet → stored value; the labels also feed the template's drop-down lists */
export type Choices = Record<string, string>;

export interface SheetColumn {
  key: string;
  header: string;
  required?: boolean;
  choices?: Choices;
  /** kept as text in the template so Excel does not turn 18-digit IDs or phones into 1.1E+17 */
  text?: boolean;
  width?: number;
  hint?: string;
}

export interface SheetSpec { kind: ImportKind; title: string; columns: SheetColumn[] }

export const roomTypeChoices: Choices = { 住宅: 'residential', 商铺: 'shop', 办公: 'office', 车位: 'parking', 储藏室: 'storage' };
export const roomStatusChoices: Choices = { 空置: 'vacant', 入住: 'occupied', 装修: 'decorating', 出租: 'rented' };
export const idTypeChoices: Choices = { 居民身份证: 'id_card', 护照: 'passport', 港澳居民来往内地通行证: 'hk_macao', 台湾居民来往大陆通行证: 'taiwan', 其他: 'other' };
export const genderChoices: Choices = { 男: 'male', 女: 'female', 未知: 'unknown' };
export const relationChoices: Choices = { 业主: 'owner', 共有人: 'co_owner', 租户: 'tenant', 家庭成员: 'family' };
export const parkingTypeChoices: Choices = { 产权: 'owned', 租赁: 'rented', 临时: 'temporary' };

export const labelOf = (choices: Choices, value: string | null | undefined) =>
  value == null ? '' : (Object.entries(choices).find(([, v]) => v === value)?.[0] ?? value);

const date = '日期，如 2024-05-01';
const area = '平方米，最多两位小数';

export const sheetSpecs: Record<EstateImportKind, SheetSpec> = {
  rooms: {
    kind: 'rooms', title: '房屋',
    columns: [
      { key: 'buildingCode', header: '楼栋编号', required: true, text: true, hint: '字母或数字，最多 8 位；不存在的楼栋会自动创建' },
      { key: 'buildingName', header: '楼栋名称', hint: '新建楼栋时使用，默认「编号+号楼」' },
      { key: 'unitCode', header: '单元', required: true, text: true, hint: '字母或数字；不存在的单元会自动创建' },
      { key: 'floor', header: '楼层', required: true, hint: '整数，地下层填负数' },
      { key: 'number', header: '房号', required: true, hint: '该层的第几户（整数）' },
      { key: 'code', header: '房间编码', text: true, hint: '留空则按项目的编码规则生成' },
      { key: 'type', header: '房屋类型', required: true, choices: roomTypeChoices },
      { key: 'buildingArea', header: '建筑面积', required: true, hint: area },
      { key: 'insideArea', header: '套内面积', hint: area },
      { key: 'status', header: '房屋状态', choices: roomStatusChoices, hint: '默认空置' },
      { key: 'deliveryDate', header: '交付日期', hint: date },
      { key: 'ownerName', header: '业主姓名', hint: '填写则登记业主（产权 100%）' },
      { key: 'ownerPhone', header: '业主手机', text: true },
      { key: 'ownerIdType', header: '业主证件类型', choices: idTypeChoices, hint: '填写证件号码时必填，默认居民身份证' },
      { key: 'ownerIdNo', header: '业主证件号码', text: true },
      { key: 'ownerFrom', header: '业主起始日期', hint: `${date}；默认交付日期或今天` },
    ],
  },
  residents: {
    kind: 'residents', title: '住户',
    columns: [
      { key: 'roomCode', header: '房间编码', required: true, text: true },
      { key: 'name', header: '姓名', required: true },
      { key: 'phone', header: '手机号', text: true },
      { key: 'idType', header: '证件类型', choices: idTypeChoices },
      { key: 'idNo', header: '证件号码', text: true },
      { key: 'gender', header: '性别', choices: genderChoices },
      { key: 'birthday', header: '出生日期', hint: date },
      { key: 'relation', header: '与房屋关系', required: true, choices: relationChoices },
      { key: 'share', header: '产权份额(%)', hint: '业主 / 共有人必填，如 50；同一房屋合计不超过 100' },
      { key: 'validFrom', header: '起始日期', hint: `${date}；默认今天` },
      { key: 'emergencyContact', header: '紧急联系人' },
    ],
  },
  parking: {
    kind: 'parking', title: '车位',
    columns: [
      { key: 'code', header: '车位编号', required: true, text: true },
      { key: 'area', header: '面积', hint: area },
      { key: 'type', header: '车位类型', required: true, choices: parkingTypeChoices },
      { key: 'roomCode', header: '绑定房间编码', text: true },
    ],
  },
  vehicles: {
    kind: 'vehicles', title: '车辆',
    columns: [
      { key: 'plate', header: '车牌号', required: true, text: true, hint: '含新能源 8 位车牌' },
      { key: 'ownerName', header: '车主姓名', hint: '按姓名 + 手机号匹配住户档案，未登记则新建' },
      { key: 'ownerPhone', header: '车主手机', text: true },
      { key: 'roomCode', header: '房间编码', text: true },
      { key: 'parkingCode', header: '车位编号', text: true },
      { key: 'brand', header: '品牌' },
      { key: 'color', header: '颜色' },
    ],
  },
};
