import type { InvoiceLine } from '@wuye/shared';

/**
 * The e-invoice adapter (电子发票服务平台): the sandbox inside the product, or a real provider
 * (a 税务 digital-invoice platform / 百望 / 航信 / 诺诺 …) behind the same three calls. Every call is
 * keyed by our invoice id (the provider's 请求流水号), so asking twice for one invoice issues once.
 */
export interface EInvoiceRequest {
  /** our invoice id: the request serial the provider deduplicates on */
  id: string;
  kind: 'blue' | 'red';
  seller: { name: string; taxId: string };
  buyer: { type: 'personal' | 'company'; name: string; taxId: string | null; email: string | null };
  /** tax included, per fee item; negative on a red invoice */
  lines: InvoiceLine[];
  amountFen: number;
  taxFen: number;
  /** 备注 (project and room) */
  remark: string;
}

export interface EInvoiceResult {
  /** pending = accepted, not finished: ask again with `query(providerRef)` */
  status: 'issued' | 'pending' | 'failed';
  invoiceNo: string | null;
  checkCode: string | null;
  /** the layout file (版式文件) of an issued invoice */
  pdf: Buffer | null;
  providerRef: string | null;
  failReason: string | null;
  issuedAt?: Date;
}

export interface EInvoiceProvider {
  readonly name: string;
  issue(invoice: EInvoiceRequest): Promise<EInvoiceResult>;
  /** red-letter (红字) invoice reversing `blue` in full */
  red(invoice: EInvoiceRequest, blue: { invoiceNo: string; issuedAt: Date | null }): Promise<EInvoiceResult>;
  query(providerRef: string): Promise<EInvoiceResult>;
}
