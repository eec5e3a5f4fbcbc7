import type { z } from 'zod';
import type {
  ZFeeItem, ZFeeItemCreate, ZFeeItemUpdate, ZRuleView, ZStandard, ZStandardDetail, feeItemKindValues, standardKindValues,
} from '@wuye/shared';

// Type-only imports of the shared contracts: the web bundle gets their shapes without zod itself.
export type FeeItem = z.output<typeof ZFeeItem>;
export type FeeItemCreate = z.input<typeof ZFeeItemCreate>;
export type FeeItemUpdate = z.input<typeof ZFeeItemUpdate>;
export type Standard = z.output<typeof ZStandard>;
export type StandardDetail = z.output<typeof ZStandardDetail>;
export type RuleView = z.output<typeof ZRuleView>;
export type FeeItemKind = (typeof feeItemKindValues)[number];
export type StandardKind = (typeof standardKindValues)[number];

/** A rule as the forms send it (prices as the decimal strings typed). */
export type RuleInput =
  | { kind: 'area'; basis: 'building_area' | 'inside_area'; unitPrice: string }
  | { kind: 'fixed'; per: 'room' | 'household' | 'parking_space'; amount: number }
  | { kind: 'metered'; tiers: { upTo: number | null; unitPrice: string }[] }
  | { kind: 'shared'; by: 'area' | 'household' };

export interface StandardCreate {
  feeItemId: string;
  projectId: string | null;
  code: string;
  name: string;
  rule: RuleInput;
  validFrom: string;
  validTo: string | null;
}
export interface VersionCreate { version: number; rule: RuleInput; validFrom: string; validTo: string | null }

export const FEE_ITEM_KINDS = ['periodic', 'metered', 'one_off', 'deposit'] as const satisfies readonly FeeItemKind[];
export const STANDARD_KINDS = ['area', 'fixed', 'metered', 'shared'] as const satisfies readonly StandardKind[];
export const FEE_CATEGORIES = ['property_fee', 'water', 'electricity', 'gas', 'parking', 'heating', 'other'] as const;
/** common VAT rates in basis points (600 = 6 %) */
export const TAX_RATES_BP = [0, 100, 300, 500, 600, 900, 1300] as const;
