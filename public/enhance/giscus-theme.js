// Keeps the giscus comments (components/giscus-comments.tsx) in the site's light or dark theme.
// Runs before giscus's own deferred script, so the first load already has the right theme.
(() => {
  const container = document.querySelector('.giscus');
  const loader = document.querySelector('script[src="https://giscus.app/client.js"]');
  if (!container || !loader) return;
  const root = document.documentElement;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  // The site's convention: data-theme on <html> wins; without it, the system's preference.
  const theme = () => {
    const chosen = root.getAttribute('data-theme');
    const dark = chosen === 'dark' || (chosen !== 'light' && systemDark.matches);
    return (dark ? container.dataset.themeDark : container.dataset.themeLight) || (dark ? 'dark' : 'light');
  };
  loader.setAttribute('data-theme', theme());
  const update = () => {
    const frame = container.querySelector('iframe.giscus-frame');
    frame?.contentWindow?.postMessage({ giscus: { setConfig: { theme: theme() } } }, 'https://giscus.app');
  };
  new MutationObserver(update).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  systemDark.addEventListener('change', update);
})();
