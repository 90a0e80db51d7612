// Runs from <head> (a same-origin classic script, allowed by the CSP), before the app's code has arrived. On a
// device where the guide is not saved yet (a first visit), it starts fetching the guide's index at once, so that
// download runs beside the app's own code instead of after it; loader.ts takes the answer. Once the guide is
// saved (loader.ts sets 'mlsd-pocket:guide-saved'), the index is read from IndexedDB and this does nothing.
(function () {
  try {
    if (localStorage.getItem('mlsd-pocket:guide-saved')) return;
  } catch (e) {
    // Storage refused: fetch, as a first visit does.
  }
  if (!window.fetch) return;
  window.__mlsdGuideIndex = fetch('/content/manifest.json')
    .then(function (r) {
      return r.ok ? r.json() : null;
    })
    .catch(function () {
      return null;
    });
})();
