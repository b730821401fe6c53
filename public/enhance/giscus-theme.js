// Keeps giscus (components/giscus-comments.tsx) in the site's theme: data-theme on <html> wins, else the system's.
// Runs before giscus's deferred script, so the first load has the right theme; later switches are posted to it.
(() => {
  const box = document.querySelector('.giscus');
  const loader = document.querySelector('script[src$="giscus.app/client.js"]');
  if (!box || !loader) return;
  const html = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const theme = () => {
    const chosen = html.dataset.theme;
    return chosen == 'dark' || (chosen != 'light' && system.matches) ? box.dataset.themeDark : box.dataset.themeLight;
  };
  loader.dataset.theme = theme();
  const update = () =>
    box.querySelector('iframe')?.contentWindow.postMessage({ giscus: { setConfig: { theme: theme() } } }, 'https://giscus.app');
  new MutationObserver(update).observe(html, { attributeFilter: ['data-theme'] });
  system.onchange = update;
})();
