import { describe, expect, it } from 'vitest';
import { isWebKitBrowser } from '../../src/install/install.ts';

describe('which browsers evict storage after 7 days', () => {
  it('names Safari and WebKit browsers, not Chromium or Firefox', () => {
    const ua = {
      safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1',
      webkitGtk: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
      chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
    };
    expect(isWebKitBrowser(ua.safariIphone)).toBe(true);
    expect(isWebKitBrowser(ua.webkitGtk)).toBe(true);
    // Every browser on iOS is WebKit underneath, Chrome included.
    expect(isWebKitBrowser(ua.chromeIos)).toBe(true);
    expect(isWebKitBrowser(ua.chromeAndroid)).toBe(false);
    expect(isWebKitBrowser(ua.firefox)).toBe(false);
  });
});
