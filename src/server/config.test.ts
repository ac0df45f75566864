import { describe, expect, it } from 'vitest';
import { parseOrigins, parseTrustProxy, readConfig } from './config';

describe('TRUST_PROXY', () => {
  it('is off unless set: X-Forwarded-For is then ignored', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy(' ')).toBe(false);
  });

  it('accepts true, a list of addresses or CIDRs, or a hop count', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    const twoHops = parseTrustProxy('2');
    expect(typeof twoHops).toBe('function');
    if (typeof twoHops !== 'function') return;
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});

describe('PUBLIC_ORIGIN', () => {
  it('reads comma-separated origins, normalised', () => {
    expect(parseOrigins('https://cchc.example.gov.vn/, http://10.0.0.5:8080')).toEqual(['https://cchc.example.gov.vn', 'http://10.0.0.5:8080']);
    expect(parseOrigins(undefined)).toEqual([]);
  });

  it('refuses what is not an origin', () => {
    expect(() => parseOrigins('cchc.example.gov.vn')).toThrow();
  });
});
