import { themeToggleId } from '@/lib/theme/theme-script';

/**
 * The light/dark switch in the header: a two-state button, pressed when the dark theme shows. The inline
 * theme script (lib/theme/theme-script.ts) sets its state and handles its clicks; without JavaScript it is
 * hidden but keeps its place (app/globals.css, .theme-toggle), so the header lays out the same either way.
 * Its icon, a half-filled disc drawn in CSS, costs no markup on every page.
 */
export function ThemeToggle() {
  return (
    <button
      type="button"
      id={themeToggleId}
      className="theme-toggle"
      aria-label="Dark theme"
      aria-pressed="false"
      // The script sets aria-pressed before React would hydrate (only when clientRuntime keeps React).
      suppressHydrationWarning
    />
  );
}
