import { describe, expect, it } from 'vitest';
import { iconNames, iconPaths, isIconName } from './icons';

describe('the profile icons', () => {
  it('draws every name from a Remix Icon file, as path data of plain numbers and commands', () => {
    for (const name of iconNames) {
      const paths = iconPaths(name);
      expect(paths?.length, name).toBeGreaterThan(0);
      for (const d of paths ?? []) expect(d, name).toMatch(/^[MmLlHhVvCcSsQqTtAaZz0-9.\s,-]+$/);
    }
  });

  it("knows serene's names and refuses paths and unknown names", () => {
    for (const name of ['github', 'gitlab', 'email', 'linkedin', 'x', 'twitter', 'mastodon', 'bluesky', 'rss', 'facebook', 'instagram', 'threads']) expect(isIconName(name), name).toBe(true);
    for (const name of ['../github', 'github.svg', 'constructor', '__proto__', 'toString', '']) {
      expect(isIconName(name), name).toBe(false);
      expect(iconPaths(name)).toBeUndefined();
    }
  });
});
