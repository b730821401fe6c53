import { describe, expect, it } from 'vitest';
import { ContentErrors } from '@/lib/errors';
import { tempFolder } from '@/lib/testing/temp-folder';
import { readPages } from './pages';
import { homeProfile, postSettings } from './serene-fields';

/** The problems of a content folder, as `file:line: message` lines. */
async function problems(files: Record<string, string>): Promise<string[]> {
  const { errors } = await readPages(tempFolder('content', files));
  return errors.map((error) => `${error.location.file.split('/').at(-1)}:${error.location.line}: ${error.problem}`);
}

describe("serene's [extra] fields", () => {
  it('reads a home profile, with links, icons and the recent-posts settings', async () => {
    const { pages, errors } = await readPages(
      tempFolder('content', {
        '_index.md': '+++\ntemplate = "home.html"\n[extra]\nname = "Jane"\nid = "jane"\nbio = "writes"\nlinks = [\n  { name = "GitHub", icon = "github", url = "https://github.com/jane" },\n  { name = "Mail", icon = "email", url = "mailto:j@example.com", rel_me = true },\n]\nrecent = true\ndate_format = "%Y-%m-%d"\n+++\nHi.\n',
      }),
    );
    if (errors.length > 0) throw new ContentErrors(errors);
    const profile = homeProfile(pages[0]!.extra);
    expect(profile).toMatchObject({ name: 'Jane', id: 'jane', recent: true, date_format: '%Y-%m-%d' });
    expect(profile.links?.map((link) => link.icon)).toEqual(['github', 'email']);
  });

  it('names every mistake at its line: an unknown icon, an icon that is a path, a script link, a bad date format, an avatar that is not a picture or climbs out', async () => {
    expect(
      await problems({
        '_index.md': [
          '+++',
          'template = "home.html"',
          '[extra]',
          'avatar = "../../etc/passwd.png"',
          'date_format = "%b %Q"',
          'links = [',
          '  { name = "A", icon = "githubb", url = "https://a.example" },',
          '  { name = "B", icon = "../../x", url = "https://b.example" },',
          '  { name = "C", icon = "github", url = "javascript:alert(1)" },',
          ']',
          '+++',
          'Hi.',
        ].join('\n'),
      }),
    ).toEqual([
      expect.stringMatching(/^_index\.md:9: `extra\.links\.2\.url`: an https:\/\/, mailto: or \/site\/path address/),
    ]);
    const found = await problems({
      '_index.md': '+++\ntemplate = "home.html"\n[extra]\navatar = "../../etc/passwd.png"\ndate_format = "%b %Q"\nlinks = [\n  { name = "A", icon = "githubb", url = "https://a.example" },\n  { name = "B", icon = "../../x", url = "https://b.example" },\n]\n+++\nHi.\n',
    });
    expect(found).toEqual([
      expect.stringMatching(/^_index\.md:5: `extra\.date_format`: `%Q` is not a date directive/),
      expect.stringMatching(/^_index\.md:4: the avatar `\.\.\/\.\.\/etc\/passwd\.png` is not a path inside public\/ or content\//),
      expect.stringMatching(/^_index\.md:7: the link "A" names the icon `githubb`/),
      expect.stringMatching(/^_index\.md:8: the link "B" names the icon `\.\.\/\.\.\/x`/),
    ]);
    expect(await problems({ '_index.md': '+++\ntemplate = "home.html"\n[extra]\navatar = "notes.txt"\n+++\nHi.\n' })).toEqual([expect.stringMatching(/:4: the avatar `notes.txt` is not a picture/)]);
    expect(await problems({ '_index.md': '+++\ntemplate = "home.html"\n[extra]\navatar = "img/missing.webp"\n+++\nHi.\n' })).toEqual([expect.stringMatching(/:4: the avatar `img\/missing.webp` does not exist/)]);
  });

  it("checks a section's post defaults, and a one-letter slip in one of serene's keys", async () => {
    expect(await problems({ 'posts/_index.md': '+++\ntemplate = "blog.html"\n[extra]\noutdate_alert_days = "ten"\n+++\n' })).toEqual([expect.stringMatching(/:4: `extra\.outdate_alert_days`/)]);
    expect(await problems({ 'posts/_index.md': '+++\n[extra]\nbakc_to_tpo = true\n+++\n' })).toEqual([]);
    expect(await problems({ 'posts/_index.md': '+++\n[extra]\nback_to_to = true\n+++\n' })).toEqual([expect.stringMatching(/:3: unknown front-matter key `extra\.back_to_to`/)]);
  });

  it("leaves a profile's words alone on pages that are not serene's home page, and ignores site values of another type", async () => {
    expect(await problems({ 'team.md': '+++\ntitle = "Team"\n[extra]\nlinks = ["a", "b"]\nname = 3\n+++\nText.\n' })).toEqual([]);
    expect(await problems({ '_index.md': '+++\n[extra]\nfooter = "my own footer"\n+++\nText.\n' })).toEqual([]);
    expect(postSettings({ featured: 'yes', back_to_top: true })).toEqual({ back_to_top: true });
  });
});
