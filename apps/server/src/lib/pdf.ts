import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fenToYuanDecimal } from '@wuye/shared';

/**
 * A4 PDFs with Chinese text (reports, account statements, receipts). pdfkit's built-in fonts have
 * no CJK glyphs, so every document gets a CJK font, looked for in this order:
 *   1. `PDF_FONT` (a .ttf/.otf/.ttc path; for a .ttc also `PDF_FONT_FAMILY`, its PostScript name)
 *   2. the system Noto Sans CJK (Debian/Ubuntu fonts-noto-cjk)
 *   3. Noto Sans SC shipped by the npm package @expo-google-fonts/noto-sans-sc, so a plain
 *      `npm install && npm start` prints readable Chinese on a machine without CJK fonts.
 * pdfkit embeds only the glyphs used (a subset), so a document stays small whichever font it is.
 */

export const PDF_MIME = 'application/pdf';

export interface FontSource { file: string; family?: string; data: Buffer }

const SYSTEM_FONTS: { file: string; family?: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

export function packagedFont(): { file: string } | null {
  try {
    const req = createRequire(import.meta.url);
    const dir = path.dirname(req.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    return { file: path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf') };
  } catch {
    return null;
  }
}

let cached: FontSource | null = null;

/** The font every PDF is set in; read once (the file is a few MB) and kept. */
export function resolvePdfFont(env: NodeJS.ProcessEnv = process.env): FontSource {
  if (cached && env === process.env) return cached;
  const candidates: { file: string; family?: string }[] = [];
  if (env.PDF_FONT) candidates.push({ file: env.PDF_FONT, family: env.PDF_FONT_FAMILY || (env.PDF_FONT.endsWith('.ttc') ? 'NotoSansCJKsc-Regular' : undefined) });
  candidates.push(...SYSTEM_FONTS);
  const pkg = packagedFont();
  if (pkg) candidates.push(pkg);
  for (const c of candidates) {
    if (!fs.existsSync(c.file)) continue;
    const found = { ...c, data: fs.readFileSync(c.file) };
    if (env === process.env) cached = found;
    return found;
  }
  throw new Error('没有可用的中文字体：请设置 PDF_FONT，或安装 fonts-noto-cjk，或重新 npm install');
}

/** 123456 分 → "1,234.56" (元, grouped thousands; negative keeps its sign). */
export function formatYuan(fen: number): string {
  const s = fenToYuanDecimal(fen);
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

export interface PdfColumn {
  header: string;
  /** relative width: the columns share the page width in proportion */
  width: number;
  /** an integer 分 amount shown as 元 with 2 decimals, right-aligned */
  money?: boolean;
  align?: 'left' | 'right' | 'center';
}

export type PdfCell = string | number | null | undefined;

const MARGIN = 40;
const FONT = 'cjk';
const BODY_SIZE = 9;

/** Writes onto one document; everything is laid out top to bottom with page breaks as needed. */
export class PdfWriter {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  private get width() { return this.doc.page.width - MARGIN * 2; }
  private get bottom() { return this.doc.page.height - MARGIN; }

  title(text: string, subtitle?: string) {
    const d = this.doc;
    d.fontSize(16).text(text, MARGIN, d.y, { width: this.width, align: 'center' });
    if (subtitle) d.moveDown(0.2).fontSize(10).fillColor('#555').text(subtitle, { width: this.width, align: 'center' }).fillColor('black');
    d.moveDown(0.8).fontSize(BODY_SIZE);
    return this;
  }

  /** label：value pairs, two per line (e.g. project, period, printed at). */
  keyValues(pairs: [string, string][]) {
    const d = this.doc;
    const half = this.width / 2;
    d.fontSize(BODY_SIZE + 1);
    for (let i = 0; i < pairs.length; i += 2) {
      const y = d.y;
      let h = 0;
      for (let j = 0; j < 2 && i + j < pairs.length; j++) {
        const [k, v] = pairs[i + j]!;
        const s = `${k}：${v}`;
        h = Math.max(h, d.heightOfString(s, { width: half - 8 }));
        d.text(s, MARGIN + j * half, y, { width: half - 8 });
      }
      d.x = MARGIN;
      d.y = y + h + 2;
    }
    d.moveDown(0.6).fontSize(BODY_SIZE);
    return this;
  }

  paragraph(text: string) {
    this.doc.fontSize(BODY_SIZE).text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
    return this;
  }

  /** A ruled table; the header repeats on each new page. `totals` is a bold last row. */
  table(columns: PdfColumn[], rows: PdfCell[][], totals?: PdfCell[]) {
    const d = this.doc;
    const sum = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / sum) * this.width);
    const pad = 3;
    const cellText = (c: PdfColumn, v: PdfCell) => (v == null || v === '' ? '' : c.money && typeof v === 'number' ? formatYuan(v) : String(v));
    const align = (c: PdfColumn) => c.align ?? (c.money ? 'right' : 'left');
    const heightOf = (cells: string[]) => Math.max(...cells.map((s, i) => d.heightOfString(s || ' ', { width: widths[i]! - pad * 2 }))) + pad * 2;

    const drawRow = (cells: string[], opts: { header?: boolean; bold?: boolean } = {}) => {
      const h = heightOf(cells);
      const y = d.y;
      if (opts.header) d.rect(MARGIN, y, this.width, h).fill('#eeeeee').fillColor('black');
      let x = MARGIN;
      cells.forEach((s, i) => {
        d.text(s, x + pad, y + pad, { width: widths[i]! - pad * 2, align: opts.header ? 'center' : align(columns[i]!), lineBreak: true });
        x += widths[i]!;
      });
      d.moveTo(MARGIN, y + h).lineTo(MARGIN + this.width, y + h).lineWidth(opts.header || opts.bold ? 0.8 : 0.3).strokeColor('#999').stroke();
      d.x = MARGIN;
      d.y = y + h;
    };

    const header = columns.map((c) => c.header);
    d.fontSize(BODY_SIZE);
    if (d.y + heightOf(header) * 2 > this.bottom) d.addPage();
    drawRow(header, { header: true });
    const all = totals ? [...rows, totals] : rows;
    all.forEach((r, idx) => {
      const cells = columns.map((c, i) => cellText(c, r[i]));
      if (d.y + heightOf(cells) > this.bottom) {
        d.addPage();
        drawRow(header, { header: true });
      }
      drawRow(cells, { bold: totals !== undefined && idx === all.length - 1 });
    });
    d.moveDown(0.8);
    return this;
  }
}

export interface PdfOptions {
  /** document metadata title */
  title?: string;
  landscape?: boolean;
  /** another font than resolvePdfFont's (tests) */
  font?: FontSource;
}

/** Builds an A4 document with the CJK font and returns its bytes. */
export function renderPdf(build: (w: PdfWriter) => void, opts: PdfOptions = {}): Promise<Buffer> {
  const font = opts.font ?? resolvePdfFont();
  const doc = new PDFDocument({
    size: 'A4', layout: opts.landscape ? 'landscape' : 'portrait', margin: MARGIN, bufferPages: true,
    info: { Title: opts.title ?? '', Producer: '物业管理系统', Creator: '物业管理系统' },
  });
  doc.registerFont(FONT, font.data, font.family as string);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    build(new PdfWriter(doc));
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // the bottom margin would push text written there onto a new page
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.fontSize(8).fillColor('#777').text(`第 ${i + 1} / ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 12, { width: doc.page.width - MARGIN * 2, align: 'center' });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
  } catch (e) {
    doc.end();
    return Promise.reject(e);
  }
  return done;
}
