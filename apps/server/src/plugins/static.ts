import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../lib/http.ts';

/** Serves the built console and the two phone apps; unknown paths fall back to each app's index. */
export async function registerStatic(app: App, dist: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    app.log.warn(`web build not found at ${dist}; run npm run build`);
    return false;
  }
  await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: true, index: ['index.html'] });
  for (const sub of ['m/staff', 'm/resident']) {
    const indexFile = `${sub}/index.html`;
    app.get(`/${sub}`, (_req, reply) => reply.redirect(`/${sub}/`));
    app.get(`/${sub}/*`, (req, reply) => {
      const rel = (req.url.split('?')[0] ?? '').slice(1);
      const file = path.join(dist, rel);
      if (rel !== `${sub}/` && file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(rel, { maxAge: rel.includes('/assets/') ? '365d' : 0 });
      }
      return reply.type('text/html').sendFile(indexFile, { maxAge: 0 });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api') && !path.extname(req.url.split('?')[0]!)) {
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    }
    return notFoundJson(reply);
  });
  return true;
}

export function notFoundJson(reply: any) {
  return reply.status(404).send({ error: { code: 'not_found', message: '接口不存在' } });
}
