import { z } from 'zod';
import { ZId, ZPageQuery, ZVersion } from './common.ts';
import { roomTypeValues } from './estate.ts';
import { feeCategoryValues, payerValues } from './residents.ts';
import { parseUnitPrice, unitPriceToDecimal } from '../billing/units.ts';

/**
 * Billing master data: fee items (收费项目), charge standards (收费标准) with dated versions of a
 * typed rule, and their assignments to rooms and parking spaces. Units are integers throughout:
 * amounts in 分, unit prices in 1/10,000 元, usage in thousandths, rates in ppm / basis points.
 */

/** 1,000,000 元 per unit: far past any real price, and products with areas stay exact integers */
const MAX_UNIT_PRICE = 10_000_000_000;

/**
 * 元 with at most four decimals ("1.2345", "2", 2.5) → integer 1/10,000 元 (12345), strictly
 * positive. Parsed by the billing core's `parseUnitPrice`, so the API and the calculation agree;
 * a JSON number goes through its decimal text (0.1 + 0.2 has too many decimals and is refused).
 */
export const ZUnitPrice = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const r = parseUnitPrice(typeof v === 'number' ? String(v) : v);
  if (!r.ok || r.value > MAX_UNIT_PRICE) {
    ctx.addIssue({ code: 'custom', message: `invalid_price:${r.ok ? 'too_large' : r.error}` });
    return z.NEVER;
  }
  return r.value;
});

/** integer 1/10,000 元 → "1.2345" (always four decimals, the unit the price was set in) */
export const formatUnitPrice = (p: number) => unitPriceToDecimal(p);

/** an amount in 分: a positive safe integer */
export const ZAmount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const feeItemKindValues = ['periodic', 'metered', 'one_off', 'deposit'] as const;
export const ZFeeItemCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_code');

const ZLateFee = z.object({
  /** per day, parts per million of the overdue amount (0.5‰ → 500) */
  dailyRatePpm: z.number().int().min(1).max(100_000),
  graceDays: z.number().int().min(0).max(3650),
  /** cap as basis points of the overdue amount; null = uncapped */
  capBp: z.number().int().min(1).max(100_000).nullable(),
}).strict();

const feeItemFields = {
  name: z.string().trim().min(1).max(64),
  category: z.enum(feeItemKindValues),
  /** which 付费人 category (room_payers) decides who pays this item */
  feeCategory: z.enum(feeCategoryValues),
  taxRateBp: z.number().int().min(0).max(10_000),
  invoiceCategory: z.string().trim().min(1).max(64),
  defaultPayer: z.enum(payerValues),
  commonIncome: z.boolean(),
  /** null = no late fee on this item */
  lateFee: ZLateFee.nullable(),
  /** 空置优惠: basis points off a periodic bill of a room vacant the whole period (5000 = 50 %); null = none */
  vacancyDiscountBp: z.number().int().min(1).max(10_000).nullable(),
};

export const ZFeeItemCreate = z.object({ code: ZFeeItemCode, ...feeItemFields, commonIncome: z.boolean().default(false), lateFee: ZLateFee.nullable().default(null), vacancyDiscountBp: z.number().int().min(1).max(10_000).nullable().default(null) }).strict();
export const ZFeeItemUpdate = z.object(feeItemFields).partial().extend({ version: ZVersion, status: z.enum(['active', 'archived']).optional() }).strict();
export const ZFeeItem = z.object({
  id: ZId, code: z.string(), ...feeItemFields, lateFee: ZLateFee.nullable(), status: z.enum(['active', 'archived']), version: z.number().int(),
});
export const ZFeeItemQuery = z.object({ status: z.enum(['active', 'archived']).optional(), category: z.enum(feeItemKindValues).optional() }).strict();

export const standardKindValues = ['area', 'fixed', 'metered', 'shared'] as const;
export type StandardKind = (typeof standardKindValues)[number];

/** A charge rule as the API takes it: prices as decimal strings, amounts in 分. Typed, never a formula. */
export const ZRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), basis: z.enum(['building_area', 'inside_area']), unitPrice: ZUnitPrice }).strict(),
  z.object({ kind: z.literal('fixed'), per: z.enum(['room', 'household', 'parking_space']), amount: ZAmount }).strict(),
  z.object({
    kind: z.literal('metered'),
    /** ordered tiers; usage in thousandths of a unit up to `upTo` (inclusive), the last one open (null) */
    tiers: z.array(z.object({ upTo: z.number().int().positive().nullable(), unitPrice: ZUnitPrice }).strict()).min(1).max(10),
  }).strict().superRefine((r, ctx) => {
    r.tiers.forEach((t, i) => {
      const last = i === r.tiers.length - 1;
      if (last !== (t.upTo === null)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: last ? 'last_tier_must_be_open' : 'only_last_tier_open' });
      const prev = r.tiers[i - 1]?.upTo;
      if (t.upTo !== null && prev != null && t.upTo <= prev) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: 'tiers_not_ascending' });
    });
  }),
  z.object({ kind: z.literal('shared'), by: z.enum(['area', 'household']) }).strict(),
]);
export type RuleInput = z.output<typeof ZRuleInput>;

/** The same rule as stored (jsonb, integers only); billing reads it with this schema. */
const ZStoredPrice = z.number().int().positive();
export const ZRuleStored = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), basis: z.enum(['building_area', 'inside_area']), unitPrice: ZStoredPrice }),
  z.object({ kind: z.literal('fixed'), per: z.enum(['room', 'household', 'parking_space']), amount: ZStoredPrice }),
  z.object({ kind: z.literal('metered'), tiers: z.array(z.object({ upTo: z.number().int().positive().nullable(), unitPrice: ZStoredPrice })).min(1) }),
  z.object({ kind: z.literal('shared'), by: z.enum(['area', 'household']) }),
]);
export type StoredRule = z.output<typeof ZRuleStored>;

/** The rule as the API shows it: prices back as four-decimal strings. */
export const ZRuleView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), basis: z.enum(['building_area', 'inside_area']), unitPrice: z.string() }),
  z.object({ kind: z.literal('fixed'), per: z.enum(['room', 'household', 'parking_space']), amount: z.number().int() }),
  z.object({ kind: z.literal('metered'), tiers: z.array(z.object({ upTo: z.number().int().nullable(), unitPrice: z.string() })) }),
  z.object({ kind: z.literal('shared'), by: z.enum(['area', 'household']) }),
]);

export function ruleView(r: StoredRule): z.output<typeof ZRuleView> {
  if (r.kind === 'area') return { ...r, unitPrice: formatUnitPrice(r.unitPrice) };
  if (r.kind === 'metered') return { kind: 'metered', tiers: r.tiers.map((t) => ({ upTo: t.upTo, unitPrice: formatUnitPrice(t.unitPrice) })) };
  return r;
}

export const ZDay = z.iso.date();
const ZStandardCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_code');

export const ZStandardVersionCreate = z.object({
  /** the standard's version (optimistic lock: two people adding a version at once) */
  version: ZVersion,
  rule: ZRuleInput,
  validFrom: ZDay,
  /** inclusive last day; null = open */
  validTo: ZDay.nullable().default(null),
}).strict().refine((v) => v.validTo === null || v.validTo >= v.validFrom, { message: 'ends_before_start', path: ['validTo'] });

export const ZStandardCreate = z.object({
  feeItemId: ZId,
  /** null = company-wide (HQ); a project id = that project only */
  projectId: ZId.nullable(),
  code: ZStandardCode,
  name: z.string().trim().min(1).max(64),
  rule: ZRuleInput,
  validFrom: ZDay,
  validTo: ZDay.nullable().default(null),
}).strict().refine((v) => v.validTo === null || v.validTo >= v.validFrom, { message: 'ends_before_start', path: ['validTo'] });

export const ZStandardVersion = z.object({ id: ZId, seq: z.number().int(), rule: ZRuleView, validFrom: z.string(), validTo: z.string().nullable(), createdAt: z.string() });
export const ZStandard = z.object({
  id: ZId, feeItemId: ZId, feeItemName: z.string(), projectId: ZId.nullable(), code: z.string(), name: z.string(),
  kind: z.enum(standardKindValues), status: z.enum(['active', 'archived']), version: z.number().int(),
  /** the version in force today (Asia/Shanghai), if any */
  current: ZStandardVersion.nullable(),
});
export const ZStandardDetail = ZStandard.extend({ versions: z.array(ZStandardVersion) });
export const ZStandardQuery = ZPageQuery.extend({ feeItemId: ZId.optional(), projectId: ZId.optional(), kind: z.enum(standardKindValues).optional() }).strict();

export const ZBillingSettings = z.object({
  /** may project managers set standards for their own projects (else HQ only) */
  projectStandards: z.boolean(),
  /** 0 until first saved */
  version: z.number().int(),
});
export const ZBillingSettingsUpdate = z.object({ projectStandards: z.boolean(), version: z.number().int().min(0) }).strict();

/** Which rooms or spaces of a project an assignment covers. */
export const ZAssignTarget = z.discriminatedUnion('by', [
  z.object({ by: z.literal('project') }).strict(),
  z.object({ by: z.literal('building'), buildingIds: z.array(ZId).min(1).max(200) }).strict(),
  z.object({ by: z.literal('room_type'), roomTypes: z.array(z.enum(roomTypeValues)).min(1) }).strict(),
  z.object({ by: z.literal('rooms'), roomIds: z.array(ZId).min(1).max(10_000) }).strict(),
  z.object({ by: z.literal('parking'), parkingSpaceIds: z.array(ZId).min(1).max(10_000) }).strict(),
]);
export const ZAssignmentCreate = z.object({
  standardId: ZId,
  projectId: ZId,
  target: ZAssignTarget,
  from: ZDay,
  /** inclusive last day; null = open */
  to: ZDay.nullable().default(null),
}).strict().refine((v) => v.to === null || v.to >= v.from, { message: 'ends_before_start', path: ['to'] });
export const ZAssignmentPreview = z.object({
  /** rooms or spaces the target selects */
  matched: z.number().int(),
  /** of those, already carrying the same fee item on overlapping dates */
  conflicts: z.number().int(),
  /** a few of the conflicting codes, to show */
  conflictCodes: z.array(z.string()),
  /** what would be (or was) stored */
  assigned: z.number().int(),
  created: z.boolean(),
});
export const ZAssignment = z.object({
  id: ZId, projectId: ZId, standardId: ZId, standardCode: z.string(), standardName: z.string(), feeItemId: ZId, feeItemName: z.string(),
  roomId: ZId.nullable(), parkingSpaceId: ZId.nullable(), validFrom: z.string(), validTo: z.string().nullable(), version: z.number().int(),
});
export const ZAssignmentEnd = z.object({ version: ZVersion, to: ZDay }).strict();

// ── bills and the ledger ─────────────────────────────────────────────────────────────────────────
export const billKindValues = ['periodic', 'one_off', 'opening'] as const;
export const ledgerKindValues = ['charge', 'late_fee', 'waiver', 'payment', 'prepay_deposit', 'prepay_deduction', 'refund', 'reversal', 'opening_balance'] as const;
export const ledgerAccountValues = ['receivable', 'prepaid', 'deposit', 'common_income'] as const;
export const ledgerComponentValues = ['principal', 'late_fee'] as const;

/** 临时收费: one amount on one room or parking space (exactly one of the two), billed today. */
export const ZOneOffChargeCreate = z.object({
  roomId: ZId.optional(),
  parkingSpaceId: ZId.optional(),
  feeItemId: ZId,
  amountFen: ZAmount,
  dueDate: ZDay,
  description: z.string().trim().min(1).max(200),
}).strict().refine((v) => (v.roomId === undefined) !== (v.parkingSpaceId === undefined), { message: 'room_or_parking_space', path: ['roomId'] });

export const ZBillLine = z.object({
  seq: z.number().int(), periodFrom: z.string(), periodTo: z.string(), description: z.string(), quantity: z.string().nullable(),
  /** "1.2345" 元, or null for a fixed amount */
  unitPrice: z.string().nullable(), amountFen: z.number().int(), payer: z.enum(['owner', 'tenant']).nullable(), explanation: z.unknown().nullable(),
});
export const ZBill = z.object({
  id: ZId, projectId: ZId, roomId: ZId.nullable(), parkingSpaceId: ZId.nullable(), feeItemId: ZId, feeItemName: z.string(), runId: ZId.nullable(),
  kind: z.enum(billKindValues), periodFrom: z.string(), periodTo: z.string(), dueDate: z.string(), principalFen: z.number().int(),
  status: z.enum(['live', 'void']), voidReason: z.string().nullable(), createdAt: z.string(), version: z.number().int(), lines: z.array(ZBillLine),
});
export const ZLedgerEntry = z.object({
  id: ZId, kind: z.enum(ledgerKindValues), account: z.enum(ledgerAccountValues), component: z.enum(ledgerComponentValues), amountFen: z.number().int(), feeItemId: ZId.nullable(),
  billId: ZId.nullable(), reverses: ZId.nullable(), entryDate: z.string(), migrated: z.boolean(), note: z.string().nullable(), createdAt: z.string(),
  /** receivable balance after this entry (entries of other accounts leave it unchanged) */
  receivableBalanceFen: z.number().int(),
});
