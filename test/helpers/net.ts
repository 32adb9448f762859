import net from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now, so a server's public URL (used in e-mail links) is known before it starts.
 * Another process may take it before it is bound: good enough for tests.
 */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
