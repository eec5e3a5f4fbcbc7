import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';

/** m² with at most two decimals, as a string or a number ("89.5", 89.50); stored as hundredths. */
export const ZArea = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v.trim();
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m || (Number(m[1]) === 0 && Number(m[2] ?? 0) === 0)) {
    ctx.addIssue({ code: 'custom', message: 'invalid_area' });
    return z.NEVER;
  }
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
});

export const roomTypeValues = ['residential', 'shop', 'office', 'parking', 'storage'] as const;
export const roomStatusValues = ['vacant', 'occupied', 'decorating', 'rented'] as const;

export const ZBuildingGenerate = z.object({
  code: z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'invalid_code'),
  name: z.string().trim().min(1).max(64),
  units: z.number().int().min(1).max(20),
  floors: z.number().int().min(1).max(100),
  startFloor: z.number().int().min(-10).max(100).default(1),
  roomsPerFloor: z.number().int().min(1).max(30),
  type: z.enum(roomTypeValues).default('residential'),
  /** one entry per room position on a floor (1 … roomsPerFloor), the same on every floor and unit */
  areas: z.array(z.object({ buildingArea: ZArea, insideArea: ZArea.optional() }).strict()).min(1).max(30),
  preview: z.boolean().default(false),
}).strict().refine((b) => b.areas.length === b.roomsPerFloor, { message: 'areas_must_match_rooms_per_floor', path: ['areas'] });

export const ZBuildingPreview = z.object({
  rooms: z.number().int(),
  totalBuildingArea: z.string(),
  sampleCodes: z.array(z.string()),
  created: z.boolean(),
  buildingId: ZId.nullable(),
});

export const ZBuilding = z.object({
  id: ZId, projectId: ZId, code: z.string(), name: z.string(), floorsAbove: z.number().int(),
  units: z.array(z.object({ id: ZId, code: z.string(), name: z.string() })),
  rooms: z.number().int(), version: z.number().int(),
});

export const ZRoom = z.object({
  id: ZId, projectId: ZId, buildingId: ZId, unitId: ZId.nullable(), floor: z.number().int(), number: z.number().int(),
  code: z.string(), type: z.enum(roomTypeValues), buildingArea: z.string(), insideArea: z.string().nullable(),
  status: z.enum(roomStatusValues), version: z.number().int(),
});
/** A row of the rooms list: the room and its current owner (largest share; "张三 等2人" when several), phone masked. */
export const ZRoomListItem = ZRoom.extend({ ownerName: z.string().nullable(), ownerPhone: z.string().nullable() });
export const ZRoomQuery = ZPageQuery.extend({
  projectId: ZId.optional(), buildingId: ZId.optional(), unitId: ZId.optional(),
  status: z.enum(roomStatusValues).optional(), q: z.string().max(32).optional(),
  /** current owner or resident by name (prefix) or phone (exact, through the blind index) */
  owner: z.string().trim().max(32).optional(),
  phone: z.string().regex(/^1[3-9]\d{9}$/, 'invalid_phone').optional(),
});

/** hundredths of m² → "89.50" */
export const formatArea = (centi: number) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

export const ZDate = z.iso.date();

export const ZRoomUpdate = z.object({
  version: z.number().int().min(1),
  type: z.enum(roomTypeValues).optional(),
  buildingArea: ZArea.optional(),
  insideArea: ZArea.nullable().optional(),
  deliveryDate: ZDate.nullable().optional(),
}).strict();

export const ZRoomStatusChange = z.object({
  version: z.number().int().min(1),
  status: z.enum(roomStatusValues),
  /** first day of the new status (Asia/Shanghai), today or earlier; default today */
  from: ZDate.optional(),
}).strict();

export const ZRoomDetail = ZRoom.extend({ deliveryDate: z.string().nullable() });
export const ZRoomStatusPeriod = z.object({ status: z.enum(roomStatusValues), validFrom: z.string(), validTo: z.string().nullable() });

export const ZOccupancyQuery = z.object({ projectId: ZId.optional(), buildingId: ZId.optional(), date: ZDate.optional() });
export const ZOccupancy = z.object({
  date: z.string(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  /** vacant rooms / all rooms, percent with two decimals */
  vacancyRate: z.string(),
  occupancyRate: z.string(),
});

export const ZBuildingGrid = z.object({
  id: ZId, code: z.string(), name: z.string(),
  units: z.array(z.object({
    id: ZId, code: z.string(), name: z.string(),
    floors: z.array(z.object({
      floor: z.number().int(),
      rooms: z.array(z.object({ id: ZId, code: z.string(), number: z.number().int(), status: z.enum(roomStatusValues), type: z.enum(roomTypeValues), buildingArea: z.string() })),
    })),
  })),
});

export const parkingTypeValues = ['owned', 'rented', 'temporary'] as const;
export const facilityCategoryValues = ['clubhouse', 'machine_room', 'pump_room', 'power_room', 'garage', 'garden', 'gate', 'other'] as const;
const ZPlaceCode = z.string().trim().regex(/^[A-Za-z0-9\u4e00-\u9fa5-]{1,32}$/, 'invalid_code');

export const ZParkingSpace = z.object({
  id: ZId, projectId: ZId, code: z.string(), area: z.string().nullable(), type: z.enum(parkingTypeValues),
  roomId: ZId.nullable(), roomCode: z.string().nullable(), status: z.enum(['active', 'archived']), version: z.number().int(),
});
export const ZParkingCreate = z.object({
  projectId: ZId, code: ZPlaceCode, area: ZArea.optional(), type: z.enum(parkingTypeValues), roomId: ZId.nullable().optional(),
}).strict();
export const ZParkingUpdate = z.object({
  version: z.number().int().min(1), area: ZArea.nullable().optional(), type: z.enum(parkingTypeValues).optional(),
  roomId: ZId.nullable().optional(), status: z.enum(['active', 'archived']).optional(),
}).strict();
export const ZPlaceQuery = ZPageQuery.extend({ projectId: ZId.optional(), q: z.string().max(32).optional() });

export const ZFacility = z.object({
  id: ZId, projectId: ZId, buildingId: ZId.nullable(), name: z.string(), category: z.enum(facilityCategoryValues),
  location: z.string().nullable(), status: z.enum(['active', 'archived']), version: z.number().int(),
});
export const ZFacilityCreate = z.object({
  projectId: ZId, buildingId: ZId.nullable().optional(), name: z.string().trim().min(1).max(64),
  category: z.enum(facilityCategoryValues), location: z.string().trim().max(200).nullable().optional(),
}).strict();
export const ZFacilityUpdate = z.object({
  version: z.number().int().min(1), name: z.string().trim().min(1).max(64).optional(), category: z.enum(facilityCategoryValues).optional(),
  location: z.string().trim().max(200).nullable().optional(), status: z.enum(['active', 'archived']).optional(),
}).strict();
