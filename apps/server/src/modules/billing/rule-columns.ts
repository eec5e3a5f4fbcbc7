import { ZRuleStored, type RuleInput, type StoredRule } from '@wuye/shared';
import type { chargeStandardVersions } from './billing.table.ts';

type VersionRow = typeof chargeStandardVersions.$inferSelect;
type RuleColumns = Pick<VersionRow, 'basis' | 'unitPrice' | 'amount' | 'tiers'>;

/** A typed rule spread over the version's columns (see chargeStandardVersions). */
export function ruleColumns(rule: RuleInput): RuleColumns {
  switch (rule.kind) {
    case 'area': return { basis: rule.basis, unitPrice: rule.unitPrice, amount: null, tiers: null };
    case 'fixed': return { basis: rule.per, unitPrice: null, amount: rule.amount, tiers: null };
    case 'metered': return { basis: null, unitPrice: null, amount: null, tiers: rule.tiers };
    case 'shared': return { basis: rule.by, unitPrice: null, amount: null, tiers: null };
  }
}

/** Back from the columns, checked by the stored schema: a row that does not parse is a bug, not input. */
export function ruleOf(kind: StoredRule['kind'], v: RuleColumns): StoredRule {
  const raw = kind === 'area' ? { kind, basis: v.basis, unitPrice: v.unitPrice }
    : kind === 'fixed' ? { kind, per: v.basis, amount: v.amount }
      : kind === 'metered' ? { kind, tiers: v.tiers }
        : { kind, by: v.basis };
  return ZRuleStored.parse(raw);
}
