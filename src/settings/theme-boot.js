// Runs in <head> before the first paint (a same-origin classic script, allowed by the CSP):
// applies the saved theme, text size, spacing and font so a dark reader never sees a light flash.
// It mirrors applySettings() in reader-settings.ts; tests/unit/theme-boot.test.ts keeps the two equal.
(function () {
  var root = document.documentElement;
  var s = {};
  try {
    s = JSON.parse(localStorage.getItem('mlsd-pocket:reader-settings') || '{}') || {};
  } catch (e) {
    s = {};
  }
  var sizes = [15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32];
  var leading = { compact: 1.45, normal: 1.6, relaxed: 1.75 };
  var theme = ['system', 'light', 'sepia', 'dark'].indexOf(s.theme) >= 0 ? s.theme : 'system';
  var dark = theme === 'dark' || (theme === 'system' && window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches);
  root.setAttribute('data-theme', theme);
  root.setAttribute('data-scheme', dark ? 'dark' : theme === 'sepia' ? 'sepia' : 'light');
  root.setAttribute('data-font', s.font === 'sans' ? 'sans' : 'serif');
  var step = typeof s.fontStep === 'number' && s.fontStep % 1 === 0 && s.fontStep >= 0 && s.fontStep < sizes.length ? s.fontStep : 3;
  root.style.setProperty('--reader-size', sizes[step] + 'px');
  root.style.setProperty('--reader-leading', String(leading[s.spacing] || 1.6));
})();
