import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/lib/cert/canonical.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the object was built in', () => {
    const one = { examId: 'thi', answers: { q2: 'b', q1: ['a', 'c'] } };
    const two = { answers: { q1: ['a', 'c'], q2: 'b' }, examId: 'thi' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('keeps array order and Vietnamese text as written', () => {
    expect(canonicalJson(['Đảng', 'kỷ luật', 'a"b\\c\n'])).toBe(
      '["Đảng","kỷ luật","a\\"b\\\\c\\n"]',
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"Z":3,"z":2,"é":1}',
    );
  });

  it('leaves out undefined fields and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 0 })).toBe('{"b":0}');
    expect(canonicalJson(-0)).toBe('0');
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson([undefined])).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});
