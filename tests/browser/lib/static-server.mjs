// A static file server on 127.0.0.1 (a free port), as a board's web host would serve the folder.
// A folder is never answered with its index.html: the site must link files by name so that it
// also works from disk. Every response is logged with its status and bytes sent.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startStaticServer(root) {
  const log = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path));
    const entry = { path, status: 404, bytes: 0 };
    log.push(entry);
    let size = -1;
    try {
      const stat = statSync(file);
      if (stat.isFile() && (file + sep).startsWith(normalize(root + sep))) size = stat.size;
    } catch { /* answered as 404 below */ }
    if (size < 0 || request.method !== 'GET' && request.method !== 'HEAD') {
      const body = `not found: ${path}\n`;
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      response.end(body);
      entry.bytes = Buffer.byteLength(body);
      return;
    }
    entry.status = 200;
    response.writeHead(200, {
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
    });
    if (request.method === 'HEAD') return response.end();
    entry.bytes = size;
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    log,
    close: () => new Promise(resolve => { server.closeAllConnections(); server.close(resolve); }),
  };
}
