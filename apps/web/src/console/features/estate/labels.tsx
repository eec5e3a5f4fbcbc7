import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BindingStatus, FacilityCategory, ParkingType, PlaceStatus, Relation, RoomStatus, RoomType } from './types.ts';

// The value lists of the shared contracts, restated here so the page bundle does not pull in zod;
// the catalogues' `satisfies Record<…>` keep both sides in step.
export const ROOM_STATUSES: readonly RoomStatus[] = ['vacant', 'occupied', 'decorating', 'rented'];
export const ROOM_TYPES: readonly RoomType[] = ['residential', 'shop', 'office', 'parking', 'storage'];
export const RELATIONS: readonly Relation[] = ['owner', 'co_owner', 'tenant', 'family'];
export const ID_TYPES = ['id_card', 'passport', 'hk_macao', 'taiwan', 'other'] as const;
export const GENDERS = ['male', 'female', 'unknown'] as const;
export const PARKING_TYPES: readonly ParkingType[] = ['owned', 'rented', 'temporary'];
export const FACILITY_CATEGORIES: readonly FacilityCategory[] = ['clubhouse', 'machine_room', 'pump_room', 'power_room', 'garage', 'garden', 'gate', 'other'];
export const BINDING_STATUSES: readonly BindingStatus[] = ['pending', 'approved', 'rejected'];
export const PLACE_STATUSES: readonly PlaceStatus[] = ['active', 'archived'];

/** 房态图 colours: one per status, shared by the grid cells, the legend and the tags. */
export const roomStatusColour: Record<RoomStatus, string> = {
  vacant: '#bfbfbf',
  occupied: '#52c41a',
  decorating: '#fa8c16',
  rented: '#1677ff',
};

/** Owners and co-owners hold a share of the room; tenants and family members do not. */
export const ownsRoom = (r: Relation) => r === 'owner' || r === 'co_owner';

/** Select options for a fixed set of values labelled `<prefix>.<value>`. */
export function enumOptions<T extends string>(t: TFunction, prefix: string, values: readonly T[]) {
  const label = (v: string) => t(`${prefix}.${v}`);
  return values.map((v) => ({ value: v, label: label(v) }));
}

/** Tags use antd's preset palettes of the same hues (readable text on a light fill). */
const roomStatusTagColour: Record<RoomStatus, string> = { vacant: 'default', occupied: 'green', decorating: 'orange', rented: 'blue' };

export function RoomStatusTag({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={roomStatusTagColour[status]} data-testid={`room-status-${status}`}>
      {t(`roomStatus.${status}`)}
    </Tag>
  );
}

const relationColours: Record<Relation, string> = { owner: 'gold', co_owner: 'gold', tenant: 'blue', family: 'default' };

export function RelationTag({ relation }: { relation: Relation }) {
  const { t } = useTranslation();
  return <Tag color={relationColours[relation]}>{t(`relation.${relation}`)}</Tag>;
}

export function PlaceStatusTag({ status }: { status: PlaceStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`status.${status}`)}</Tag>;
}

const bindingColours: Record<BindingStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

export function BindingStatusTag({ status }: { status: BindingStatus }) {
  const { t } = useTranslation();
  return <Tag color={bindingColours[status]}>{t(`bindingStatus.${status}`)}</Tag>;
}

/** Ownership share in basis points (10000 = 100 %) → "50%" / "33.33%". */
export const shareText = (bp: number | null) => (bp == null ? '—' : `${(bp / 100).toFixed(bp % 100 ? 2 : 0)}%`);

/** The number on a grid cell: floor and room, e.g. 16 / 3 → "1603", B1 / 2 → "B102". */
export function cellLabel(floor: number, number: number): string {
  const f = floor < 0 ? `B${-floor}` : String(floor);
  return `${f}${String(number).padStart(2, '0')}`;
}
