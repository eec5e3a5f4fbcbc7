import ExcelJS from 'exceljs';

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipart(name: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----wuyeTestBoundary' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An xlsx with one sheet: a header row and data rows, as a user fills in a template. */
export async function xlsx(headers: string[], rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet of an xlsx as arrays of cell text (header row first). */
export async function readXlsx(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as any);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { ws, rows: out };
}

/** an 18-digit resident ID with a correct check character */
export function validId(seq: number) {
  const body = `11010519800101${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** An xlsx with several named sheets (a header row and data rows each); Date values become date cells. */
export async function xlsxBook(sheets: Record<string, (string | number | Date | null)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every sheet of an xlsx by name, as arrays of cell text (header row first). */
export async function readXlsxBook(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as any);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    out[ws.name] = rows;
  }
  return out;
}
