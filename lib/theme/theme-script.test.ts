import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { themeScript, themeStorageKey, themeToggleId } from './theme-script';

type Listener = (event: { key?: string | null; target?: unknown }) => void;

/** Just enough of a browser for the script: <html>, one toggle button, localStorage and the media query. */
function browser({ stored, systemDark, storageThrows = false }: { stored?: string; systemDark: boolean; storageThrows?: boolean }) {
  const entries: Record<string, string> = stored === undefined ? {} : { [themeStorageKey]: stored };
  // Storage is used through properties (localStorage.theme); a blocked one throws on any access.
  const localStorage = storageThrows
    ? new Proxy(entries, {
        get: () => { throw new Error('SecurityError'); },
        set: () => { throw new Error('SecurityError'); },
        deleteProperty: () => { throw new Error('SecurityError'); },
      })
    : entries;
  const windowListeners = new Map<string, Listener>();
  let parsed = false;
  const button = { attributes: new Map<string, string>(), setAttribute(name: string, value: unknown) { this.attributes.set(name, String(value)); } };
  const html = { dataset: {} as Record<string, string | undefined> };
  const media: { matches: boolean; onchange: (() => void) | null } = { matches: systemDark, onchange: null };
  const document = {
    documentElement: html,
    // The script runs in <head>: the button exists only once the body is parsed.
    getElementById: (id: string) => (id === themeToggleId && parsed ? button : null),
  };
  const run = new Function('document', 'localStorage', 'matchMedia', 'addEventListener', themeScript);
  run(document, localStorage, () => media, (type: string, listener: Listener) => windowListeners.set(type, listener));
  const inside = { closest: (selector: string) => (selector === `#${themeToggleId}` ? button : null) };
  const outside = { closest: () => null };
  return {
    html,
    storage: entries,
    pressed: () => button.attributes.get('aria-pressed'),
    loaded: () => {
      parsed = true;
      windowListeners.get('DOMContentLoaded')?.({});
    },
    clickToggle: () => windowListeners.get('click')?.({ target: inside }),
    clickElsewhere: () => windowListeners.get('click')?.({ target: outside }),
    otherTabStores: (value: string | undefined) => {
      if (value === undefined) delete entries[themeStorageKey];
      else entries[themeStorageKey] = value;
      windowListeners.get('storage')?.({ key: themeStorageKey });
    },
    systemTurns: (dark: boolean) => {
      media.matches = dark;
      media.onchange?.();
    },
  };
}

describe('the inline theme script', () => {
  it('follows the system when nothing is stored, and says so with data-theme="system"', () => {
    const page = browser({ systemDark: true });
    expect(page.html.dataset.theme).toBe('system');
    page.loaded();
    expect(page.pressed()).toBe('true');
  });

  it('applies a stored choice before the body exists', () => {
    expect(browser({ stored: 'dark', systemDark: false }).html.dataset.theme).toBe('dark');
    expect(browser({ stored: 'light', systemDark: true }).html.dataset.theme).toBe('light');
  });

  it('ignores a stored value that is not a theme', () => {
    expect(browser({ stored: 'purple', systemDark: false }).html.dataset.theme).toBe('system');
  });

  it('toggles, remembers the choice, and forgets it when the choice is the system’s own theme again', () => {
    const page = browser({ systemDark: false });
    page.loaded();
    expect(page.pressed()).toBe('false');
    page.clickToggle();
    expect(page.html.dataset.theme).toBe('dark');
    expect(page.storage[themeStorageKey]).toBe('dark');
    expect(page.pressed()).toBe('true');
    page.clickToggle();
    expect(page.html.dataset.theme).toBe('system');
    expect(themeStorageKey in page.storage).toBe(false);
    expect(page.pressed()).toBe('false');
  });

  it('leaves other clicks alone', () => {
    const page = browser({ systemDark: false });
    page.clickElsewhere();
    expect(page.html.dataset.theme).toBe('system');
  });

  it('still toggles for the visit when storage is blocked', () => {
    const page = browser({ systemDark: false, storageThrows: true });
    expect(page.html.dataset.theme).toBe('system');
    page.loaded();
    page.clickToggle();
    expect(page.html.dataset.theme).toBe('dark');
    expect(page.pressed()).toBe('true');
  });

  it('follows a choice made in another tab', () => {
    const page = browser({ systemDark: false });
    page.loaded();
    page.otherTabStores('dark');
    expect(page.html.dataset.theme).toBe('dark');
    expect(page.pressed()).toBe('true');
    page.otherTabStores(undefined);
    expect(page.html.dataset.theme).toBe('system');
  });

  it('updates the button’s state when the system setting changes under "system"', () => {
    const page = browser({ systemDark: false });
    page.loaded();
    page.systemTurns(true);
    expect(page.html.dataset.theme).toBe('system');
    expect(page.pressed()).toBe('true');
  });

  it('stays a few hundred bytes, since every page carries it', () => {
    expect(zlib.gzipSync(themeScript, { level: 9 }).length).toBeLessThan(400);
  });
});
