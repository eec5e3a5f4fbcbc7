import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { S3Store } from './store.ts';

/** The S3 adapter against a minimal path-style object store that checks SigV4 headers. */
describe('S3-compatible store', () => {
  it('PUTs and GETs objects path-style with SigV4 authorisation', async () => {
    const objects = new Map<string, Buffer>();
    const auth: string[] = [];
    const server = http.createServer((req, res) => {
      auth.push(String(req.headers.authorization));
      const chunks: Buffer[] = [];
      req.on('data', (d) => chunks.push(d));
      req.on('end', () => {
        if (req.method === 'PUT') { objects.set(req.url!, Buffer.concat(chunks)); res.writeHead(200).end(); return; }
        const body = objects.get(req.url!);
        if (!body) { res.writeHead(404).end(); return; }
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const store = new S3Store({
      endpoint: `http://127.0.0.1:${(server.address() as any).port}`, bucket: 'wuye', region: 'cn-east-1',
      accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret',
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-s3-')), 'x.bin');
    fs.writeFileSync(file, 'hello 物业');
    await store.putFile('sha256/ab/abcdef', file, 'text/plain');
    expect([...objects.keys()]).toEqual(['/wuye/sha256/ab/abcdef']);
    const chunks: Buffer[] = [];
    for await (const c of await store.get('sha256/ab/abcdef')) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString()).toBe('hello 物业');
    expect(auth.every((a) => /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-east-1\/s3\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/.test(a))).toBe(true);
    await expect(store.get('missing')).rejects.toThrow(/404/);
    server.close();
  });
});
