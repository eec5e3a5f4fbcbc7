import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../lib/errors.ts';
import type { FileStore } from './store.ts';

/** What may be uploaded, judged by content (magic bytes), never by the name or the declared type. */
export const allowedTypes: Record<string, 'image' | 'document'> = {
  'image/jpeg': 'image', 'image/png': 'image', 'image/webp': 'image', 'image/gif': 'image', 'image/heic': 'image',
  'application/pdf': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/zip': 'document',
  'image/vnd.dwg': 'document',
};
export const sizeLimits = { image: 10 * 1024 * 1024, document: 50 * 1024 * 1024 };
export const MAX_UPLOAD = Math.max(...Object.values(sizeLimits));

/** Keeps a display name safe: no directories, no control characters, bounded length. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || 'file';
}

export interface StoredFile { kind: 'image' | 'document'; mime: string; size: number; sha256: string; storageKey: string; thumbKey: string | null }

/**
 * Streams the upload to a temporary file (hashing and counting as it goes, refusing past the
 * largest limit), checks the content type, strips image metadata where asked, writes a thumbnail,
 * and stores both under their content hash.
 */
export async function storeUpload(store: FileStore, stream: Readable & { truncated?: boolean }, opts: { stripMetadata: boolean; imagesOnly?: boolean }): Promise<StoredFile> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'wuye-up-'));
  const tmp = path.join(dir, randomBytes(8).toString('hex'));
  try {
    await pipeline(stream, fs.createWriteStream(tmp));
    if (stream.truncated) throw new AppError('payload_too_large', 413, `文件过大（上限 ${MAX_UPLOAD / 1024 / 1024} MB）`);
    const type = await fileTypeFromFile(tmp);
    const kind = type && allowedTypes[type.mime];
    if (!type || !kind) throw new AppError('unsupported_media_type', 415, '不支持的文件类型（仅限图片、PDF、Office 文档、图纸）', { detected: type?.mime ?? null });
    if (opts.imagesOnly && kind !== 'image') throw new AppError('unsupported_media_type', 415, '这里只能上传照片（JPEG、PNG、WebP、GIF、HEIC）', { detected: type.mime });
    let body = tmp;
    if (kind === 'image' && opts.stripMetadata && type.mime !== 'image/gif') {
      body = `${tmp}.clean`;
      await sharp(tmp).rotate().toFile(body); // re-encoding drops EXIF (GPS) unless asked to keep it
    }
    const size = (await fsp.stat(body)).size;
    if (size > sizeLimits[kind]) throw new AppError('payload_too_large', 413, `文件过大（${kind === 'image' ? '图片' : '文档'}上限 ${sizeLimits[kind] / 1024 / 1024} MB）`);
    const sha256 = await hashFile(body);
    const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
    await store.putFile(storageKey, body, type.mime);
    let thumbKey: string | null = null;
    if (kind === 'image') {
      const thumb = `${tmp}.thumb`;
      await sharp(body, { animated: false }).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toFile(thumb);
      thumbKey = `thumb/${sha256.slice(0, 2)}/${sha256}.webp`;
      await store.putFile(thumbKey, thumb, 'image/webp');
    }
    return { kind, mime: type.mime, size, sha256, storageKey, thumbKey };
  } catch (err: any) {
    if (err instanceof AppError) throw err;
    if (/unsupported image format|Input buffer|corrupt/i.test(String(err?.message))) {
      throw new AppError('unsupported_media_type', 415, '图片已损坏或格式无法识别');
    }
    throw err;
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(fs.createReadStream(file), new Transform({ transform(chunk, _e, cb) { h.update(chunk); cb(); } }));
  return h.digest('hex');
}
