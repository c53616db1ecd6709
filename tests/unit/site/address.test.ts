import { describe, expect, it } from 'vitest';
import { siteAddress } from '../../../src/lib/site/address.ts';

describe('the site’s public address, from CAMNANG_SITE', () => {
  it('is the address given', () => {
    expect(siteAddress('https://camnang.example.vn')).toBe('https://camnang.example.vn/');
    expect(siteAddress(' https://ubkt.example.vn/camnang/ ')).toBe(
      'https://ubkt.example.vn/camnang/',
    );
  });

  it('is none when unset or empty, rather than a made-up one', () => {
    expect(siteAddress(undefined)).toBeNull();
    expect(siteAddress('  ')).toBeNull();
  });

  it('refuses what is not a web address, naming the variable', () => {
    for (const bad of ['camnang.example.vn', 'ftp://camnang.example.vn', 'https://a.vn/?x=1']) {
      expect(() => siteAddress(bad)).toThrow(/CAMNANG_SITE=".*" không phải địa chỉ trang web/);
    }
  });
});
