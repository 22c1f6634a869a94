import { describe, expect, it } from 'vitest';
import {
  CLIENT_IP_HEADER,
  CLIENT_PROTO_HEADER,
  isTrusted,
  normaliseAddress,
  parseTrustedProxies,
  resolveClient,
  stampClient,
} from './client-address';

const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');

describe('resolveClient', () => {
  it.each([
    // [what, peer, X-Forwarded-For, expected client]
    ['no proxy trusted: a spoofed header is ignored', '203.0.113.5', '10.43.1.1', '203.0.113.5'],
    ['no header from an untrusted peer', '203.0.113.5', undefined, '203.0.113.5'],
    ['through a trusted proxy: the hop it appended', '10.0.0.2', '198.51.100.7', '198.51.100.7'],
    ['a client prepending a fake hop is still itself', '10.0.0.2', '10.43.9.9, 198.51.100.7', '198.51.100.7'],
    ['chained trusted proxies are walked past', '10.0.0.2', '198.51.100.7, 192.168.1.5, 10.1.2.3', '198.51.100.7'],
    ['a trusted proxy without the header is itself the client', '10.0.0.2', undefined, '10.0.0.2'],
    ['a malformed hop stops at the last trusted proxy', '10.0.0.2', '198.51.100.7, not-an-ip', '10.0.0.2'],
    ['IPv4-mapped IPv6 peer reads as IPv4', '::ffff:10.0.0.2', '198.51.100.7', '198.51.100.7'],
    ['IPv6 proxy and client', 'fd12::1', '2001:db8::5', '2001:db8:0:0:0:0:0:5'],
    ['loopback is not trusted unless configured', '127.0.0.1', '10.43.1.1', '127.0.0.1'],
    ['no peer at all', undefined, '10.43.1.1', 'unknown'],
  ])('%s', (_what, peer, forwardedFor, client) => {
    expect(resolveClient({ peer, forwardedFor, encrypted: false, trusted: proxies }).address).toBe(client);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(resolveClient({ peer: '203.0.113.5', forwardedProto: 'https', encrypted: false, trusted: proxies }).proto).toBe('http');
    expect(resolveClient({ peer: '10.0.0.2', forwardedProto: 'https', encrypted: false, trusted: proxies }).proto).toBe('https');
    expect(resolveClient({ peer: '10.0.0.2', forwardedProto: 'gopher', encrypted: true, trusted: proxies }).proto).toBe('https');
  });
});

describe('parseTrustedProxies', () => {
  it('reads CIDRs and single addresses, and names a bad entry', () => {
    expect(parseTrustedProxies('')).toEqual([]);
    expect(parseTrustedProxies('127.0.0.1, ::1')).toHaveLength(2);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow('10.0.0.0/33');
    expect(() => parseTrustedProxies('10.0.0/8')).toThrow('10.0.0/8');
    expect(() => parseTrustedProxies('example.org')).toThrow('example.org');
  });

  it('matches by prefix', () => {
    const c = parseTrustedProxies('172.16.0.0/12');
    expect(isTrusted('172.31.255.255', c)).toBe(true);
    expect(isTrusted('172.32.0.1', c)).toBe(false);
    expect(isTrusted('::ffff:172.16.0.1', c)).toBe(true);
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['[::1]', '0:0:0:0:0:0:0:1'],
    ['256.0.0.1', null],
    ['1.2.3', null],
    ['::1::2', null],
  ])('%s → %s', (text, expected) => {
    expect(normaliseAddress(text)).toBe(expected);
  });
});

describe('stampClient', () => {
  it('overwrites whatever the client sent under the stamped names', () => {
    const req = {
      headers: { 'x-forwarded-for': '10.43.1.1', [CLIENT_IP_HEADER]: '1.1.1.1', [CLIENT_PROTO_HEADER]: 'https' } as Record<
        string,
        string | string[] | undefined
      >,
      socket: { remoteAddress: '203.0.113.5' },
    };
    stampClient(req, proxies);
    expect(req.headers[CLIENT_IP_HEADER]).toBe('203.0.113.5');
    expect(req.headers[CLIENT_PROTO_HEADER]).toBe('http');
    expect(req.headers['x-forwarded-for']).toBeUndefined();
  });

  it('passes the forwarded headers on from a trusted proxy only', () => {
    const headers = { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-host': 'viewer.example', 'x-forwarded-proto': 'https' };
    const fromProxy = { headers: { ...headers } as Record<string, string | string[] | undefined>, socket: { remoteAddress: '10.0.0.2' } };
    stampClient(fromProxy, proxies);
    expect(fromProxy.headers).toMatchObject({ ...headers, [CLIENT_IP_HEADER]: '198.51.100.7', [CLIENT_PROTO_HEADER]: 'https' });
    const fromClient = {
      headers: { ...headers } as Record<string, string | string[] | undefined>,
      socket: { remoteAddress: '203.0.113.5' },
    };
    stampClient(fromClient, proxies);
    expect(fromClient.headers['x-forwarded-host']).toBeUndefined();
    expect(fromClient.headers['x-forwarded-proto']).toBeUndefined();
  });
});
