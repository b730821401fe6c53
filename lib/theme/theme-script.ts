/**
 * The theme choice, as one inline script in <head> (components/theme-script.tsx renders it).
 *
 * It runs before the body is parsed, so the first paint already has the visitor's theme: no flash of the
 * wrong one. It sets `data-theme` on <html> to "light" or "dark" (a choice made with the toggle and kept in
 * localStorage) or "system" (no choice: the system setting rules, through app/globals.css's `dark` variant).
 * Without JavaScript there is no `data-theme` at all; the system setting rules and the toggle stays hidden.
 *
 * The toggle is a two-state button (aria-pressed: "Dark theme" on or off). Switching back to the theme the
 * system asks for forgets the stored choice, so the page follows the system again (e.g. its automatic
 * switch at sunset) without a third "system" state to explain. Other open tabs follow through the
 * `storage` event; a change of the system setting updates the button's state.
 *
 * Written by hand, small: every page carries it in its HTML and it counts toward the page budget
 * (lib/export/page-weight.ts). It must stay valid for the browsers in package.json's browserslist.
 */

/** localStorage key holding "light" or "dark" when the visitor chose a theme (an identifier: the script reads it as a property). */
export const themeStorageKey = 'theme';

/** The id of the toggle button (components/theme-toggle.tsx); the script finds it by this. */
export const themeToggleId = 'theme-toggle';

// `localStorage.theme` rather than getItem/setItem: the same Storage entry, fewer bytes. Access can throw
// (storage disabled), so it is wrapped; window listeners also hear DOMContentLoaded and clicks, which bubble.
export const themeScript = [
  '(()=>{',
  "let r=document.documentElement,m=matchMedia('(prefers-color-scheme:dark)'),",
  // d: is theme t dark? s: show theme t (anything but light/dark means the system's); g: the stored choice.
  "d=t=>t=='dark'||t!='light'&&m.matches,",
  "s=t=>{r.dataset.theme=t=t=='dark'||t=='light'?t:'system';",
  `document.getElementById('${themeToggleId}')?.setAttribute('aria-pressed',d(t))},`,
  `g=()=>{try{return localStorage.${themeStorageKey}}catch{}},`,
  'u=()=>s(r.dataset.theme);',
  "s(g());m.onchange=u;addEventListener('DOMContentLoaded',u);addEventListener('storage',()=>s(g()));",
  "addEventListener('click',e=>{if(e.target.closest?.('#" + themeToggleId + "')){",
  // The choice is the system's own theme again: forget it, so the page follows the system from now on.
  "let t=d(r.dataset.theme)?'light':'dark',y=t==(m.matches?'dark':'light');",
  `try{y?delete localStorage.${themeStorageKey}:localStorage.${themeStorageKey}=t}catch{}s(y?0:t)}})`,
  '})()',
].join('');
