/**
 * Issue 12, item 3: a form of the index secretariat answers an anonymous client before reading its body. A client
 * announces 24 MB and sends one kilobyte: the refusal must come back while the rest of the body is still unsent.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../test/helpers/app.js';

let t: ServedTestApp;
beforeAll(async () => {
  t = await serveTestApp();
});
afterAll(async () => t?.close());

/** Sends the headers and the first kilobyte of a body announced as `length` bytes; resolves with the status line. */
function statusBeforeBody(url: string, length: number): Promise<string> {
  const { hostname, port } = new URL(t.base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST ${url} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\n\r\n`,
      );
      socket.write(`--x\r\nContent-Disposition: form-data; name="iData"; filename="a.csv"\r\n\r\n${'a'.repeat(1024)}`);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer before the body was sent: the server waited for it'));
    }, 5_000);
    socket.once('data', (chunk) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(chunk.toString('latin1').split('\r\n')[0] ?? '');
    });
    socket.once('error', reject);
  });
}

describe('the index secretariat refuses before reading a body', () => {
  it.each(['config', 'publish', 'discard', 'data', 'withdraw'])('POST …/pilot/%s from an anonymous client is answered before its 24 MB arrive', async (action) => {
    const status = await statusBeforeBody(`/en/secretariat/index/pilot/${action}`, 24 * 1024 * 1024);
    expect(status).toMatch(/^HTTP\/1\.1 (303|401|403) /);
  });
});
