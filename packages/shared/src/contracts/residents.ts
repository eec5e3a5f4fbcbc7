import { z } from 'zod';
import { isValidChineseId, isValidPlate } from '../validators.ts';
import { ZId, ZPageQuery, ZPhone } from './common.ts';
import { ZRoomDetail, roomStatusValues } from './estate.ts';

export const residentRelationValues = ['owner', 'co_owner', 'tenant', 'family'] as const;
export const idTypeValues = ['id_card', 'passport', 'hk_macao', 'taiwan', 'other'] as const;

export const ZPersonCreate = z.object({
  name: z.string().trim().min(1).max(64),
  phone: ZPhone.optional(),
  idType: z.enum(idTypeValues).optional(),
  idNo: z.string().trim().toUpperCase().min(4).max(32).optional(),
  gender: z.enum(['male', 'female', 'unknown']).default('unknown'),
  birthday: z.iso.date().optional(),
  emergencyContact: z.string().trim().max(100).optional(),
}).strict().superRefine((p, ctx) => {
  if (p.idNo && !p.idType) ctx.addIssue({ code: 'custom', path: ['idType'], message: 'required_with_id_no' });
  if (p.idNo && p.idType === 'id_card' && !isValidChineseId(p.idNo)) ctx.addIssue({ code: 'custom', path: ['idNo'], message: 'invalid_id_card' });
});

export const ZPerson = z.object({
  id: ZId, name: z.string(), phone: z.string().nullable(), idType: z.string().nullable(), idNo: z.string().nullable(),
  gender: z.string(), birthday: z.string().nullable(), emergencyContact: z.string().nullable(), masked: z.boolean(), version: z.number().int(),
});
export const ZPersonQuery = ZPageQuery.extend({
  q: z.string().trim().max(32).optional(),
  phone: ZPhone.optional(),
  idNo: z.string().trim().toUpperCase().max(32).optional(),
});
export const ZPersonGet = z.object({ reveal: z.enum(['1', 'true']).optional() });

export const ZRoomResident = z.object({
  id: ZId, personId: ZId, name: z.string(), phone: z.string().nullable(), relation: z.enum(residentRelationValues),
  shareBp: z.number().int().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
});
export const ZRoomResidentAdd = z.object({
  personId: ZId,
  relation: z.enum(residentRelationValues),
  shareBp: z.number().int().min(1).max(10000).optional(),
  validFrom: z.iso.date(),
}).strict();
export const ZOwnershipTransfer = z.object({
  /** first day of the new owners; the current owners' relations end the day before */
  date: z.iso.date(),
  owners: z.array(z.object({ personId: ZId, shareBp: z.number().int().min(1).max(10000) }).strict()).min(1).max(10),
  note: z.string().trim().max(500).optional(),
  /** the documents (不动产权证, 买卖合同, 身份证明 …): files already uploaded to this room (ownerType 'room') */
  fileIds: z.array(ZId).max(20).refine((ids) => new Set(ids).size === ids.length, 'duplicate_file').optional(),
}).strict().refine((t) => t.owners.reduce((s, o) => s + o.shareBp, 0) === 10000, { path: ['owners'], message: 'shares_must_total_10000' });

export const ZBindingProject = z.object({ id: ZId, name: z.string(), companyName: z.string() });
export const ZBindingRoom = z.object({ id: ZId, code: z.string() });
export const ZBindingRequest = z.object({
  roomId: ZId,
  name: z.string().trim().min(1).max(64),
  relation: z.enum(residentRelationValues),
}).strict();
export const ZBinding = z.object({
  id: ZId, projectId: ZId, projectName: z.string(), roomId: ZId, roomCode: z.string(), userId: ZId, name: z.string(),
  phone: z.string().nullable(), relation: z.enum(residentRelationValues), status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(), note: z.string().nullable(), version: z.number().int(), createdAt: z.string(),
});
export const ZBindingDecision = z.object({ version: z.number().int().min(1), note: z.string().trim().max(200).optional() }).strict();
export const ZBindingQuery = ZPageQuery.extend({ status: z.enum(['pending', 'approved', 'rejected']).optional(), projectId: ZId.optional() });
export const ZMyRoom = z.object({ roomId: ZId, roomCode: z.string(), projectId: ZId, projectName: z.string(), relation: z.string(), buildingArea: z.string() });

export const ZPlate = z.string().trim().toUpperCase().refine(isValidPlate, 'invalid_plate');
export const ZVehicle = z.object({
  id: ZId, projectId: ZId, plate: z.string(), personId: ZId.nullable(), personName: z.string().nullable(), roomId: ZId.nullable(),
  roomCode: z.string().nullable(), parkingSpaceId: ZId.nullable(), parkingCode: z.string().nullable(), brand: z.string().nullable(), color: z.string().nullable(), status: z.enum(['active', 'archived']), version: z.number().int(),
});
export const ZVehicleCreate = z.object({
  projectId: ZId, plate: ZPlate, personId: ZId.optional(), roomId: ZId.optional(), parkingSpaceId: ZId.optional(),
  brand: z.string().trim().max(32).optional(), color: z.string().trim().max(16).optional(),
}).strict();
export const ZVehicleUpdate = z.object({
  version: z.number().int().min(1), personId: ZId.nullable().optional(), roomId: ZId.nullable().optional(), parkingSpaceId: ZId.nullable().optional(),
  brand: z.string().trim().max(32).nullable().optional(), color: z.string().trim().max(16).nullable().optional(), status: z.enum(['active', 'archived']).optional(),
}).strict();
export const ZVehicleQuery = ZPageQuery.extend({ projectId: ZId.optional(), plate: z.string().trim().max(10).optional() });

/** "My home": one of the resident's bound rooms, who lives there (phones always masked) and its vehicles. */
export const ZMyRoomPerson = z.object({
  id: ZId, name: z.string(), relation: z.enum(residentRelationValues), phone: z.string().nullable(),
  /** this person is the signed-in account */
  me: z.boolean(),
});
export const ZMyRoomVehicle = z.object({ id: ZId, plate: z.string(), brand: z.string().nullable(), color: z.string().nullable() });
export const ZMyRoomDetail = ZMyRoom.extend({
  status: z.enum(roomStatusValues),
  people: z.array(ZMyRoomPerson),
  vehicles: z.array(ZMyRoomVehicle),
});
/** A resident's own binding request, across every company they asked to join. */
export const ZMyBinding = z.object({
  id: ZId, roomId: ZId, roomCode: z.string(), projectName: z.string(), name: z.string(), relation: z.enum(residentRelationValues),
  status: z.enum(['pending', 'approved', 'rejected']), note: z.string().nullable(), createdAt: z.string(), decidedAt: z.string().nullable(),
});

/** Personal-data keys (platform operator): values per key id, the id new values use, and how many still wait for re-encryption. */
export const ZPiiKeyStatus = z.object({
  currentKeyId: z.string(),
  keys: z.array(z.object({ keyId: z.string(), phone: z.number().int(), idNo: z.number().int(), current: z.boolean() })),
  pending: z.number().int(),
});
export const ZPiiReencryptQueued = z.object({
  currentKeyId: z.string(),
  /** null when a run is already waiting (it will do the same work) */
  jobId: z.string().nullable(),
  queued: z.boolean(),
});

/** 入住 / 搬出: living in a room, apart from owning it. Statuses in which someone lives there. */
export const livedInStatusValues = ['occupied', 'rented'] as const;
export const moveKindValues = ['move_in', 'move_out'] as const;
export const ZMoveIn = z.object({
  date: z.iso.date(),
  /** who moves in: residents related to the room today */
  personIds: z.array(ZId).min(1).max(20),
  note: z.string().trim().max(500).optional(),
}).strict();
export const ZMoveOut = z.object({
  /** the day the household leaves: vacant from this day on (see docs/decisions.md) */
  date: z.iso.date(),
  /** end the tenants' and family members' relations on this day */
  endRelations: z.boolean().default(false),
  note: z.string().trim().max(500).optional(),
}).strict();
export const ZRoomMove = z.object({
  id: ZId, kind: z.enum(moveKindValues), date: z.string(), personId: ZId.nullable(), personName: z.string().nullable(),
  note: z.string().nullable(), createdAt: z.string(),
  /** the staff member who recorded it, as the company knows them */
  recordedBy: z.string().nullable(),
});
export const ZRoomMoveResult = z.object({ room: ZRoomDetail, moves: z.array(ZRoomMove) });

/** 付费人: fee item categories a room's payer can be set for; '*' is the room's default for all of them. */
export const feeCategoryValues = ['property_fee', 'water', 'electricity', 'gas', 'parking', 'heating', 'other'] as const;
export type FeeCategory = (typeof feeCategoryValues)[number];
export const payerCategoryValues = [...feeCategoryValues, '*'] as const;
export const payerValues = ['owner', 'tenant'] as const;
export const ZPayerSet = z.object({
  category: z.enum(payerCategoryValues),
  payer: z.enum(payerValues),
  /** first day of the rule; the rule in force ends the day before */
  from: z.iso.date(),
}).strict();
export const ZPayerRule = z.object({ category: z.enum(payerCategoryValues), payer: z.enum(payerValues), validFrom: z.string(), validTo: z.string().nullable() });
export const ZRoomPayers = z.object({
  /** who pays each category today: its own rule, else the room's default ('*'), else the owner */
  current: z.array(z.object({
    category: z.enum(payerCategoryValues), payer: z.enum(payerValues), source: z.enum(['rule', 'default', 'fallback']), validFrom: z.string().nullable(),
  })),
  history: z.array(ZPayerRule),
});
