/**
 * Bench-only: the platform exactly as `pariscall serve` composes it (startServer), plus a control port of the bench's
 * own (BENCH_CONTROL_PORT, loopback) whose `POST /reimport` runs importSite in this process, with the server's event
 * bus, the way an in-process use case changes the registry. On PGlite the data dir is locked by the server process,
 * so this is how the bench changes a supporter while the server runs. No route is added to the application.
 */
import http from 'node:http';
import { loadConfig } from '../src/app/config/config.js';
import { importSite } from '../src/site-import.js';
import { startServer } from '../src/main.js';

const controlPort = Number(process.env.BENCH_CONTROL_PORT);
if (!Number.isInteger(controlPort) || controlPort <= 0) throw new Error('BENCH_CONTROL_PORT must be set');

const app = await startServer(loadConfig());

const control = http.createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/reimport') {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', async () => {
    try {
      const { source } = JSON.parse(body) as { source: string };
      const report = await importSite(app.context.database, { source, actor: 'bench:stale-check', skipInvalid: true, events: app.context.events });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ added: report.added, updated: report.updated, durationMs: report.durationMs }));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.stack : String(error));
    }
  });
});
// startServer's SIGTERM/SIGINT handler closes the app and the database, then exits: the control port goes with it.
control.listen(controlPort, '127.0.0.1');
