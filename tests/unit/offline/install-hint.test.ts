import { describe, expect, it } from 'vitest';
import { isIosSafari, showInstallHint } from '../../../src/lib/offline/install-hint.ts';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
/** iPadOS Safari asks for desktop sites. */
const IPAD_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1';
/** Edge writes Safari's "Version/" too. */
const IPHONE_EDGE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/126.2592.56 Mobile/15E148 Safari/605.1.15';
const IPHONE_ZALO =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/486';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const DESKTOP_CHROMIUM =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const iphone = {
  userAgent: IPHONE_SAFARI,
  maxTouchPoints: 5,
  standalone: false,
  displayModeStandalone: false,
  dismissed: false,
};

describe('the "add to home screen" hint', () => {
  it('recognises Safari on iPhone, and on iPad, which reads as a Mac with a touch screen', () => {
    expect(isIosSafari(IPHONE_SAFARI, 5)).toBe(true);
    expect(isIosSafari(IPAD_SAFARI, 5)).toBe(true);
    // The same text on a real Mac, which has no touch screen.
    expect(isIosSafari(IPAD_SAFARI, 0)).toBe(false);
  });

  it('is not for other browsers, on iOS or elsewhere, whose menus differ', () => {
    for (const agent of [
      IPHONE_CHROME,
      IPHONE_EDGE,
      IPHONE_ZALO,
      ANDROID_CHROME,
      DESKTOP_CHROMIUM,
    ]) {
      expect(isIosSafari(agent, 5)).toBe(false);
    }
  });

  it('shows in iPhone Safari until the site is added to the home screen or the hint dismissed', () => {
    expect(showInstallHint(iphone)).toBe(true);
    expect(showInstallHint({ ...iphone, standalone: undefined })).toBe(true);
    expect(showInstallHint({ ...iphone, standalone: true })).toBe(false);
    expect(showInstallHint({ ...iphone, displayModeStandalone: true })).toBe(false);
    expect(showInstallHint({ ...iphone, dismissed: true })).toBe(false);
    expect(showInstallHint({ ...iphone, userAgent: DESKTOP_CHROMIUM, maxTouchPoints: 0 })).toBe(
      false,
    );
  });
});
