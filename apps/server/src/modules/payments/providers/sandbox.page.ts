import QRCode from 'qrcode';
import { fenToYuanDecimal } from '@wuye/shared';
import { dayjs, BUSINESS_TZ } from '../../../lib/time.ts';
import type { sandboxPayOrders } from '../payments.table.ts';

/**
 * The sandbox provider's own pages (it stands in for WeChat Pay's cashier, so they are the provider's,
 * not the product's: server-rendered, self-contained, no script, every value escaped). Chinese, with
 * English in small print.
 */
type OrderRow = typeof sandboxPayOrders.$inferSelect;

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

/** no scripts, no outside resources; inline styles and the QR's data only */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;color:#111}
main{max-width:420px;margin:0 auto;padding:16px}.card{background:#fff;border-radius:12px;padding:20px;margin-bottom:12px}
.brand{display:flex;align-items:center;gap:8px;font-weight:600;color:#07c160}.brand small{color:#888;font-weight:400}
.amount{font-size:36px;font-weight:600;text-align:center;margin:16px 0 4px}.desc{text-align:center;color:#555;word-break:break-all}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;font-size:14px;margin:16px 0 0}dt{color:#888}dd{margin:0;word-break:break-all}
.qr{text-align:center}.qr svg{width:160px;height:160px}.hint{font-size:12px;color:#888;text-align:center}
button,.btn{display:block;width:100%;padding:14px;border:0;border-radius:8px;font-size:17px;text-align:center;text-decoration:none;margin-top:12px;cursor:pointer}
.pay{background:#07c160;color:#fff}.cancel{background:#f2f2f2;color:#111}
details{font-size:14px;margin-top:12px}summary{cursor:pointer;color:#576b95}label{display:flex;justify-content:space-between;align-items:center;padding:6px 0}
input[type=number]{width:90px;padding:4px}.en{display:block;font-size:11px;color:#999;font-weight:400}.state{font-size:20px;text-align:center;margin:8px 0}
`;

function layout(title: string, body: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>
<div class="brand">沙箱支付 <small>Sandbox Pay · 模拟微信支付 / simulated WeChat Pay</small></div>${body}</main></body></html>`;
}

const yuan = (fen: number) => `¥${fenToYuanDecimal(fen)}`;
const time = (d: Date) => dayjs(d).tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm:ss');

function facts(o: OrderRow) {
  return `<div class="amount">${escapeHtml(yuan(o.amountFen))}</div><div class="desc">${escapeHtml(o.description)}</div>
<dl><dt>收款方<span class="en">Payee</span></dt><dd>商户号 ${escapeHtml(o.merchantId)}</dd>
<dt>商户订单号<span class="en">Order no.</span></dt><dd>${escapeHtml(o.outTradeNo)}</dd>
<dt>有效期至<span class="en">Expires</span></dt><dd>${escapeHtml(time(o.expiresAt))}</dd></dl>`;
}

/** only http(s) addresses are followed (the order's returnUrl came from the merchant) */
export const safeReturnUrl = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);

export async function payPage(o: OrderRow, selfUrl: string, opts: { cancelled?: boolean } = {}): Promise<string> {
  const qr = await QRCode.toString(selfUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const back = safeReturnUrl(o.returnUrl);
  const cancelHref = back ?? `${selfUrl}?cancelled=1`;
  const path = `/sandbox/pay/${encodeURIComponent(o.outTradeNo)}`;
  return layout('沙箱支付 · 确认付款', `
<div class="card">${facts(o)}
${opts.cancelled ? '<p class="state" id="sandbox-cancelled">已取消付款<span class="en">Payment cancelled — the order stays unpaid</span></p>' : ''}
<form method="post" action="${escapeHtml(`${path}/pay`)}">
<button type="submit" class="pay" id="sandbox-pay">确认支付<span class="en">Confirm payment</span></button>
<details id="sandbox-options"><summary>测试选项 <small>Tester options</small></summary>
<label>重复通知次数 <small>duplicates (0–20)</small><input type="number" name="duplicates" min="0" max="20" value="0" id="sandbox-duplicates"></label>
<label>通知延迟秒数 <small>delay seconds (0–600)</small><input type="number" name="delaySeconds" min="0" max="600" value="0" id="sandbox-delay"></label>
<label>通知金额多 1 分 <small>wrong amount (+1 分)</small><input type="checkbox" name="wrongAmount" value="1" id="sandbox-wrong-amount"></label>
<label>首次通知签名错误 <small>bad signature (first attempt)</small><input type="checkbox" name="badSignature" value="1" id="sandbox-bad-signature"></label>
<label>不发通知 <small>silent (never notify)</small><input type="checkbox" name="silent" value="1" id="sandbox-silent"></label>
</details></form>
<a class="btn cancel" id="sandbox-cancel" href="${escapeHtml(cancelHref)}">取消<span class="en">Cancel</span></a>
</div>
<div class="card qr">${qr}<p class="hint">用手机扫码打开本页付款<span class="en">Scan to open this page on a phone</span></p></div>`);
}

export function resultPage(o: OrderRow, kind: 'paid' | 'closed' | 'already_paid'): string {
  const back = safeReturnUrl(o.returnUrl);
  const text = kind === 'paid' ? ['支付成功', 'Payment succeeded'] : kind === 'already_paid' ? ['订单已支付', 'This order is already paid']
    : ['订单已关闭或已过期，不能付款', 'This order is closed or expired and cannot be paid'];
  return layout(`沙箱支付 · ${text[0]}`, `<div class="card">${facts(o)}
<p class="state" id="sandbox-result" data-state="${kind}">${text[0]}<span class="en">${text[1]}</span></p>
${o.transactionId ? `<dl><dt>交易单号<span class="en">Transaction</span></dt><dd id="sandbox-transaction">${escapeHtml(o.transactionId)}</dd></dl>` : ''}
${back ? `<a class="btn pay" id="sandbox-return" href="${escapeHtml(back)}">返回商户<span class="en">Back to the merchant</span></a>` : ''}</div>`);
}

export function notFoundPage(): string {
  return layout('沙箱支付 · 订单不存在', '<div class="card"><p class="state" id="sandbox-result" data-state="not_found">订单不存在<span class="en">No such order</span></p></div>');
}
