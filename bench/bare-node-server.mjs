// The ceiling of one Node.js process for bench/http.ts: node:http alone (no framework, no cache lookup, no rate limit)
// answering each URL with the gzip bytes and the header list our server sent for it, written as our cache front writes
// a hit (writeHead with a flat list built once). Given a JSON file of { urlPath, headers, gzipBase64 }, a port, and a
// number of processes (node:cluster workers sharing the listening socket, accepted by the kernel as our web fronts do).
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';

const [file, port, processes = '1'] = process.argv.slice(2);
if (Number(processes) > 1 && cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  for (let i = 0; i < Number(processes); i++) cluster.fork();
} else serve();

function serve() {
  const answers = new Map();
  for (const { urlPath, headers, gzipBase64 } of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const body = Buffer.from(gzipBase64, 'base64');
    const head = [];
    for (const [name, value] of Object.entries(headers)) head.push(name, String(value));
    head.push('content-encoding', 'gzip', 'content-length', String(body.length));
    answers.set(urlPath, { head, body });
  }
  http
    .createServer((request, response) => {
      const answer = answers.get(request.url);
      if (!answer) {
        response.writeHead(404);
        response.end();
        return;
      }
      response.writeHead(200, answer.head);
      response.end(answer.body);
    })
    .listen(Number(port), '127.0.0.1');
}
