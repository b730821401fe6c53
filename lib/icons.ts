/**
 * The icons a home page's links may name (serene's `links = [{ icon = "github", … }]`): drawn from Remix Icon,
 * as serene's own are, inlined as SVG in currentColor so that they take the theme and cost no request. The
 * names are serene's (its static/icon/ files) and a few more that personal sites link to.
 */
import fs from 'node:fs';
import path from 'node:path';

/** serene's icon name → Remix Icon's file, under node_modules/remixicon/icons/. */
const remixFiles: Readonly<Record<string, string>> = {
  github: 'Logos/github-line.svg',
  gitlab: 'Logos/gitlab-line.svg',
  codeberg: 'Development/git-repository-line.svg',
  email: 'Business/mail-line.svg',
  linkedin: 'Logos/linkedin-box-line.svg',
  twitter: 'Logos/twitter-x-line.svg',
  x: 'Logos/twitter-x-line.svg',
  mastodon: 'Logos/mastodon-line.svg',
  bluesky: 'Logos/bluesky-line.svg',
  threads: 'Logos/threads-line.svg',
  instagram: 'Logos/instagram-line.svg',
  facebook: 'Logos/facebook-circle-line.svg',
  youtube: 'Logos/youtube-line.svg',
  twitch: 'Logos/twitch-line.svg',
  telegram: 'Logos/telegram-line.svg',
  discord: 'Logos/discord-line.svg',
  reddit: 'Logos/reddit-line.svg',
  medium: 'Logos/medium-line.svg',
  'stack-overflow': 'Logos/stack-overflow-line.svg',
  dribbble: 'Logos/dribbble-line.svg',
  codepen: 'Logos/codepen-line.svg',
  spotify: 'Logos/spotify-line.svg',
  steam: 'Logos/steam-line.svg',
  weibo: 'Logos/weibo-line.svg',
  zhihu: 'Logos/zhihu-line.svg',
  bilibili: 'Logos/bilibili-line.svg',
  rss: 'Device/rss-line.svg',
  website: 'Map/globe-line.svg',
  link: 'Editor/link.svg',
  phone: 'Device/phone-line.svg',
  'file-text': 'Document/file-text-line.svg',
};

export const iconNames: readonly string[] = Object.keys(remixFiles).sort();

export function isIconName(name: string): boolean {
  return Object.hasOwn(remixFiles, name);
}

const iconFolder = path.join(process.cwd(), 'node_modules', 'remixicon', 'icons');
const drawn = new Map<string, string[]>();

/** The path data of an icon, on a 24×24 grid; undefined for a name that is not one of iconNames. */
export function iconPaths(name: string): string[] | undefined {
  if (!isIconName(name)) return undefined;
  let paths = drawn.get(name);
  if (!paths) {
    const svg = fs.readFileSync(path.join(iconFolder, remixFiles[name]!), 'utf8');
    // Remix Icon writes four decimals; a tenth of a unit on the 24-unit grid is under 0.1 px at 18 px, and the
    // shorter numbers halve what the icons add to a page.
    paths = [...svg.matchAll(/<path\b[^>]*\sd="([^"]+)"/g)].map((match) => match[1]!.replace(/\d*\.\d+/g, (number) => String(Math.round(Number(number) * 10) / 10)));
    drawn.set(name, paths);
  }
  return paths;
}
