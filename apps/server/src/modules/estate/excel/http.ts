import { AppError, badRequest } from '../../../lib/errors.ts';
import type { FastifyReply, FastifyRequest } from '../../../lib/http.ts';
import { XLSX_MIME } from './workbook.ts';

/** An xlsx download (a template, an export) under its Chinese name. */
export const sendXlsx = (reply: FastifyReply, name: string, data: Buffer) => reply
  .type(XLSX_MIME)
  .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
  .header('cache-control', 'no-store')
  .send(data);

/** The one file of an import upload (multipart field `file`), whole in memory; checked by the import's `checkUpload`. */
export async function uploadedFile(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 415, '请使用 multipart/form-data 上传文件');
  const part = await req.file();
  if (!part) throw badRequest('缺少文件', [{ path: 'body.file', message: 'required' }]);
  const data = await part.toBuffer();
  if (part.file.truncated) throw new AppError('payload_too_large', 413, '文件过大');
  return { name: part.filename || 'import.xlsx', data };
}
