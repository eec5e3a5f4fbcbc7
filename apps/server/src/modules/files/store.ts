import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';

/** Where file bytes live: local disk (default) or any S3-compatible object store. */
export interface FileStore {
  kind: 'local' | 's3';
  /** store a finished local file under `key` (content-addressed, so an existing key is left alone) */
  putFile(key: string, localPath: string, mime: string): Promise<void>;
  get(key: string): Promise<Readable>;
}

export class LocalStore implements FileStore {
  kind = 'local' as const;
  constructor(private root: string) {}

  private full(key: string) {
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep)) throw new Error('bad storage key');
    return p;
  }

  async putFile(key: string, localPath: string) {
    const dest = this.full(key);
    if (fs.existsSync(dest)) return;
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    await fsp.copyFile(localPath, dest);
  }

  async get(key: string) {
    return fs.createReadStream(this.full(key));
  }
}

export interface S3Config { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }

/** Path-style S3 API with SigV4 (MinIO, Aliyun OSS / Tencent COS S3 endpoints, AWS). */
export class S3Store implements FileStore {
  kind = 's3' as const;
  private client: AwsClient;
  constructor(private cfg: S3Config) {
    this.client = new AwsClient({ accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey, region: cfg.region, service: 's3' });
  }

  private url(key: string) {
    return `${this.cfg.endpoint.replace(/\/$/, '')}/${this.cfg.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  async putFile(key: string, localPath: string, mime: string) {
    const body = await fsp.readFile(localPath);
    const res = await this.client.fetch(this.url(key), { method: 'PUT', body, headers: { 'content-type': mime } });
    if (!res.ok) throw new Error(`object store PUT failed: ${res.status}`);
  }

  async get(key: string) {
    const res = await this.client.fetch(this.url(key));
    if (!res.ok || !res.body) throw new Error(`object store GET failed: ${res.status}`);
    return Readable.fromWeb(res.body as any);
  }
}
