/**
 * Addresses the platform must never be made to reach (SSRF): loopback, private, carrier-grade NAT, link-local (cloud
 * metadata at 169.254.169.254), documentation, benchmarking, multicast and reserved ranges, unique-local IPv6.
 * IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address they carry. Used by the safe fetcher
 * (safe-fetch.ts) before each request and again at connection time.
 */
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['100::', 64], ['2001::', 32], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** True for an address the platform must not reach, and for anything that is not an IP address (refuse rather than guess). */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return blocked.check(address, 'ipv4');
  if (version !== 6) return true;
  let embedded: string | null;
  try {
    embedded = embeddedIPv4(address);
  } catch {
    return true; // a zone id (`fe80::1%eth0`) or anything the URL parser refuses
  }
  return embedded ? blocked.check(embedded, 'ipv4') : blocked.check(address, 'ipv6');
}

/** The IPv4 address inside `::ffff:a.b.c.d` (mapped) or `64:ff9b::a.b.c.d` (NAT64), else null. */
function embeddedIPv4(address: string): string | null {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1); // compresses, and writes a.b.c.d as hex
  const [head = '', tail = ''] = canonical.split('::');
  const left = head ? head.split(':') : [];
  const right = canonical.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((g) => parseInt(g, 16));
  const prefix = groups.slice(0, 6).join(':');
  if (prefix !== '0:0:0:0:0:65535' && prefix !== '100:65435:0:0:0:0') return null;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
