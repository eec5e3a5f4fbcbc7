import type { EInvoiceProvider } from './provider.ts';
import { sandboxEInvoice } from './sandbox.ts';

/**
 * Which e-invoice platform this instance issues through: `EINVOICE_PROVIDER` = `sandbox` (default)
 * or `platform` (a real one, see ./platform.ts). The seller's tax id printed on invoices is
 * `EINVOICE_SELLER_TAX_ID` (the companies table has no column for it yet).
 * These two variables belong in config.ts (owned by the lead); until then they are read here.
 */
export interface EInvoiceSetup { provider: EInvoiceProvider; sellerTaxId: string }

let current: EInvoiceSetup | null = null;

export function einvoiceSetup(env: NodeJS.ProcessEnv = process.env): EInvoiceSetup {
  if (current) return current;
  const kind = env.EINVOICE_PROVIDER ?? 'sandbox';
  if (kind !== 'sandbox') throw new Error(`EINVOICE_PROVIDER=${kind}: only the sandbox is implemented (see einvoice/platform.ts for what a real platform needs)`);
  current = { provider: sandboxEInvoice(), sellerTaxId: env.EINVOICE_SELLER_TAX_ID ?? '91310000MA1SANDBOX' };
  return current;
}

/** tests swap the provider (a failing or pending one) */
export function setEInvoiceProvider(setup: EInvoiceSetup | null) {
  current = setup;
}
