import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cssVariable } from '../../../src/lib/offline/manifest.ts';

const css = readFileSync('src/styles/global.css', 'utf8');

describe('the manifest colours', () => {
  it("are read from the light theme's variables, not the dark theme's", () => {
    expect(cssVariable(css, '--accent')).toBe('#9b1c1c');
    expect(cssVariable(css, '--bg')).toBe('#fbfaf8');
    expect(cssVariable(':root { --accent-text: #fff; --accent: red }', '--accent')).toBe('red');
    expect(cssVariable(':root { --bg: #fff }', '--accent')).toBeUndefined();
  });
});
