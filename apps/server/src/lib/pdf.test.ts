import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatYuan, packagedFont, renderPdf, resolvePdfFont } from './pdf.ts';

/** the text of a pdfkit document: its ToUnicode maps turn the glyph ids of the content streams back into characters */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const s = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try { out.push(inflateSync(pdf.subarray(start, end)).toString('latin1')); } catch { /* not deflated */ }
    re.lastIndex = end;
  }
  return out;
}

const build = (w: import('./pdf.ts').PdfWriter) => w
  .title('收缴率报表', '2026年1月 — 2026年3月')
  .keyValues([['项目', '阳光花园'], ['打印时间', '2026-04-01 10:00']])
  .table([{ header: '楼栋', width: 2 }, { header: '应收（元）', width: 1, money: true }], [['1号楼', 123456], ['2号楼', -5]], ['合计', 123451]);

describe('pdf', () => {
  it('formats 分 as grouped 元', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-150)).toBe('-1.50');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
  });

  it('writes an A4 PDF with Chinese text in an embedded CJK font', async () => {
    const pdf = await renderPdf(build, { title: '收缴率' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    const font = resolvePdfFont();
    // booleans, not matchers on the bytes: a failing matcher would print a megabyte of PDF
    expect(/\/FontFile[23]/.test(raw)).toBe(true);
    expect(/\/BaseFont \/[A-Z]{6}\+Noto/.test(raw)).toBe(true);
    expect(raw.includes('/MediaBox [0 0 595.28 841.89]')).toBe(true);
    // the ToUnicode CMap lists the characters used: 收 (U+6536) and 缴 (U+7F34)
    const cmaps = streams(pdf).filter((t) => t.includes('begincmap')).join('\n').toLowerCase();
    expect(cmaps.includes('6536') && cmaps.includes('7f34')).toBe(true);
    expect(font.data.length).toBeGreaterThan(1_000_000);
  });

  it('the npm-shipped font alone sets Chinese (a machine without fonts-noto-cjk)', async () => {
    const pkg = packagedFont();
    expect(pkg).not.toBeNull();
    const data = fs.readFileSync(pkg!.file);
    const pdf = await renderPdf(build, { font: { file: pkg!.file, data } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/.test(pdf.toString('latin1'))).toBe(true);
    const cmaps = streams(pdf).filter((t) => t.includes('begincmap')).join('\n').toLowerCase();
    expect(cmaps.includes('6536')).toBe(true);
  });

  it('many rows break onto further pages with numbered footers', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`房间 ${i + 1}`, i * 100]);
    const pdf = await renderPdf((w) => w.title('欠费明细').table([{ header: '房间', width: 2 }, { header: '欠费', width: 1, money: true }], rows));
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(3);
  });
});
