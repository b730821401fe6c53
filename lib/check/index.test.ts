import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { checkContent, formatFindings, largePhoto } from './index';

/** A small picture of one colour, in the format asked for. */
const picture = (format: 'png' | 'jpeg', width = 40, height = 30) => sharp({ create: { width, height, channels: 3, background: '#3a6' } })[format]().toBuffer();
const png = await picture('png');
const jpeg = await picture('jpeg');

/** A content folder with one of each problem `npm run check` knows, and a public/ folder beside it. */
function fixture() {
  const root = tempFolder('check', {
    'public/cat.png': png,
    'content/index.md': '# Home\n\nSee [about](/about/) and [notes](/notes/#queues).\n',
    'content/about.md': [
      '---', // 1
      'title: About', // 2
      '---', // 3
      '', // 4
      '## Who', // 5
      '', // 6
      'Links: [missing page](/nowhere/), [bad fragment](#whom), [good fragment](#who), [other page](/notes/#nope).', // 7
      '', // 8
      '![](/cat.png) and ![A dog](/dog.png)', // 9
      '', // 10
      'The energy is $E = mc^2$ but it costs $5 and $10.', // 11
      '', // 12
      '#### Too deep', // 13
      '', // 14
      'Read [the draft](/secret/) and [the web](https://example.com/x).', // 15
    ].join('\n'),
    'content/notes.md': '---\ntitle: Notes\nmath: true\n---\n\n## Queues\n\nMath is on: $E = mc^2$, [back](../about/#who).\n',
    'content/secret.md': '---\ntitle: Secret\ndraft: true\n---\n\nNot yet.\n',
    'content/untitled.md': 'No heading and no title.\n',
  });
  return checkContent(path.join(root, 'content'), path.join(root, 'public'));
}

describe('npm run check', () => {
  it('follows Zola’s @/ links to their pages and headings, and knows the files a page bundle carries', async () => {
    const root = tempFolder('check', {
      'content/posts/_index.md': '+++\ntitle = "Posts"\npaginate_by = 1\ngenerate_feeds = true\n+++\n',
      'content/posts/second.md': '+++\ntitle = "Second"\n+++\n',
      'content/posts/first.md': '+++\ntitle = "First"\n+++\n\n## Installing\n',
      'content/posts/draft.md': '+++\ntitle = "Draft"\ndraft = true\n+++\n',
      'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n![A photo](photo.jpg) ![Gone](gone.jpg)\n',
      'content/trip/photo.jpg': jpeg,
      'content/links.md': '# Links\n\n[a](@/posts/first.md#installing) [b](@/posts/_index.md) [c](@/posts/first.md#nope) [d](@/posts/draft.md) [e](@/nowhere.md)\n\n[Older](/posts/page/2/) [feed](/posts/atom.xml)\n',
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map((finding) => `${path.basename(finding.file)}:${finding.line}: ${finding.message}`)).toEqual([
      expect.stringMatching(/^links\.md:3: links to #nope, but \/posts\/first\/ has no heading with that id\./),
      'links.md:3: links to @/posts/draft.md, a draft; it will not be published.',
      'links.md:3: links to @/nowhere.md, but content/nowhere.md is not a page.',
      expect.stringMatching(/^index\.md:5: the picture gone\.jpg does not exist beside the page \(as \/trip\/gone\.jpg\)\. Put it at \S+\/content\/trip\/gone\.jpg, or in public\/ and write its path from the root\.$/),
    ]);
  });

  it('finds each problem at its line in the content file', async () => {
    const { findings } = await fixture();
    const about = (line: number) => findings.filter((finding) => finding.file.endsWith('about.md') && finding.line === line).map((finding) => finding.message);
    expect(about(7)).toEqual([
      'links to /nowhere/, but there is no such page or file.',
      'links to #whom, but this page has no heading with that id. Ids: who, too-deep.',
      'links to #nope, but /notes/ has no heading with that id. Ids: queues.',
    ]);
    expect(about(9)).toEqual([
      'image /cat.png has no alt text: describe it in ![…](/cat.png), for readers who cannot see it.',
      "the picture /dog.png does not exist in public/ (as public/dog.png). Put it at public/dog.png, or write the picture's own path.",
    ]);
    expect(about(11)).toEqual([
      '`$E = mc^2$` looks like math, but math is off for this page, so it shows as dollar signs. Set `math: true`.',
    ]);
    expect(about(13)).toEqual(['heading level skips from h2 to h4; use h3.']);
    expect(about(15)).toEqual([expect.stringMatching(/^links to \/secret\/, a draft \(.*secret\.md\); it will not be published\.$/)]);
  });

  it('reports pictures without alt text however they are shown: Markdown, an MDX <img> without alt, a figure', async () => {
    const root = tempFolder('check', {
      'public/a.png': png,
      'content/shown.mdx': [
        '---', // 1
        'title: Shown', // 2
        '---', // 3
        '', // 4
        '<img src="/a.png" />', // 5
        '', // 6
        '<img src="/a.png" alt="" /> <img src="/a.png" alt="A square" />', // 7
        '', // 8
        '<Figure src="/a.png" caption="Green" />', // 9
      ].join('\n'),
      'content/zola.md': '+++\ntitle = "Zola"\n+++\n\n{{ figure(src="/a.png", caption="Green") }}\n\n{{ figure(src="/a.png", alt="A green square") }}\n',
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map(({ file, line, message }) => `${path.basename(file)}:${line}: ${message}`)).toEqual([
      'shown.mdx:5: image /a.png has no alt text: describe it in its alt="…", for readers who cannot see it.',
      'shown.mdx:9: image /a.png has no alt text: describe it in the figure\'s alt="…", for readers who cannot see it.',
      'zola.md:5: image /a.png has no alt text: describe it in the figure\'s alt="…", for readers who cannot see it.',
    ]);
  });

  it('reports a missing picture of an MDX <img> or a figure as the build does, at its line', async () => {
    const root = tempFolder('check', {
      'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n{{ figure(src="gone.jpg", alt="Gone") }}\n',
      'content/gallery.mdx': '# Gallery\n\n<img src="/lost.png" alt="Lost" />\n',
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map(({ file, line, message }) => `${path.basename(file)}:${line}: ${message.split(' Put it')[0]}`)).toEqual([
      'gallery.mdx:3: the picture /lost.png does not exist in public/ (as public/lost.png).',
      'index.md:5: the picture gone.jpg does not exist beside the page (as /trip/gone.jpg).',
    ]);
  });

  it('reports photos the build would refuse, with the build’s words, at every line that shows them', async () => {
    const root = tempFolder('check', {
      'content/trip/index.md': [
        '+++', // 1
        'title = "Trip"', // 2
        '+++', // 3
        '', // 4
        '![Empty](empty.jpg)', // 5
        '', // 6
        '![Broken](broken.jpg)', // 7
        '', // 8
        '![Named wrong](named-wrong.png)', // 9
        '', // 10
        '![Fine](fine.jpg) ![A drawing](drawing.svg)', // 11
      ].join('\n'),
      'content/trip/empty.jpg': '',
      'content/trip/broken.jpg': 'not a picture at all',
      'content/trip/named-wrong.png': jpeg,
      'content/trip/fine.jpg': jpeg,
      'content/trip/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'content/again.md': '# Again\n\n![Empty again](/trip/empty.jpg)\n',
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map(({ file, line, message }) => `${path.basename(file)}:${line}: ${message}`)).toEqual([
      'again.md:3: empty.jpg is empty (0 bytes). Replace it with the picture, or remove the reference to it.',
      'index.md:5: empty.jpg is empty (0 bytes). Replace it with the picture, or remove the reference to it.',
      expect.stringMatching(/^index\.md:7: broken\.jpg is not a picture the build can read \(.+\)\. Open it in an image editor and export it again as JPEG, PNG, WebP or AVIF\.$/),
      'index.md:9: named-wrong.png is a JPEG file, not what .png says. Rename it to end in .jpg, or export it again as PNG.',
    ]);
  });

  it('reports an original over 20 megapixels or 25 MB with its size, and what to do', async () => {
    // 25 megapixels of one colour: a few hundred KB of PNG.
    const root = tempFolder('check', {
      'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n{{ figure(src="wide.png", alt="A green field") }}\n\n![A small photo](small.jpg)\n',
      'content/trip/wide.png': await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#3a6' } }).png({ palette: true }).toBuffer(),
      'content/trip/small.jpg': jpeg,
    });
    const folders = [path.join(root, 'content'), path.join(root, 'public')] as const;
    const { findings } = await checkContent(...folders);
    expect(findings).toEqual([
      {
        file: expect.stringMatching(/trip\/index\.md$/),
        line: 5,
        message: expect.stringMatching(
          /^wide\.png is \d+ KB \(5000 × 5000, 25 megapixels\), more than a web page needs \(over 20 megapixels or 25 MB\): no page shows more than \d+ pixels of it across, and every cold build decodes all of it\. Export a copy about 3000 pixels wide and show that instead\.$/,
        ),
      },
    ]);
    // The size in bytes, without writing 25 MB: a limit of a few hundred bytes.
    const bytes = await checkContent(...folders, { ...largePhoto, bytes: jpeg.length - 1 });
    expect(bytes.findings.map(({ line, message }) => [line, message.split(',')[0]])).toEqual([
      [5, expect.stringMatching(/^wide\.png is \d+ KB \(5000 × 5000$/)],
      [7, `small.jpg is 1 KB (40 × 30`],
    ]);
  });

  it('reports a mermaid fence on a page with mermaid off, and not on a page with it on', async () => {
    const fence = '```mermaid\nflowchart LR\n  a --> b\n```\n';
    const root = tempFolder('check', {
      'content/off.md': `---\ntitle: Off\n---\n\n${fence}`,
      'content/on.md': `---\ntitle: On\nmermaid: true\n---\n\n${fence}`,
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map((finding) => [path.basename(finding.file), finding.line, finding.message])).toEqual([
      ['off.md', 5, expect.stringContaining('mermaid is off for this page, so it shows as code. Set `mermaid: true`')],
    ]);
  });

  it('reports a page without a title, and nothing on pages without problems', async () => {
    const { findings } = await fixture();
    expect(findings.filter((finding) => finding.file.endsWith('untitled.md')).map((finding) => finding.message)).toEqual([
      expect.stringContaining('page has no title.'),
    ]);
    expect(findings.filter((finding) => finding.file.endsWith('notes.md') || finding.file.endsWith('index.md'))).toEqual([]);
    expect(findings).toHaveLength(9);
  });

  it('names a page nested too deep to read instead of crashing, and checks the others', { timeout: 30_000 }, async () => {
    const root = tempFolder('check', {
      'content/deep.md': `# Deep\n\n${'>'.repeat(10_000)} quoted\n`,
      'content/fine.md': '# Fine\n\n[Missing](/nowhere/)\n',
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map((finding) => [path.basename(finding.file), finding.line, finding.message.slice(0, 45)])).toEqual([
      ['deep.md', 1, 'the page is nested too deep to read (lists, q'],
      ['fine.md', 3, expect.any(String)],
    ]);
  });

  it('names MDX that does not parse at its line, and checks the other pages', async () => {
    const root = tempFolder('check', {
      'content/broken.mdx': '---\ntitle: Broken\n---\n\nText\n\n<!-- a comment -->\n',
      'content/fine.md': '# Fine\n\n[Missing](/nowhere/)\n',
    });
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings.map((finding) => [path.basename(finding.file), finding.line, finding.message.slice(0, 46)])).toEqual([
      ['broken.mdx', 7, 'the page cannot be read as MDX: Unexpected cha'],
      ['fine.md', 3, expect.any(String)],
    ]);
  });

  it('lists external links without fetching them', async () => {
    const { externalLinks } = await fixture();
    expect(externalLinks).toEqual([{ file: expect.stringMatching(/about\.md$/), line: 15, url: 'https://example.com/x' }]);
  });

  it('lists links to other hosts as browsers read them: //host, and in MDX JSX \\\\host and /\\host', async () => {
    const root = tempFolder('check', {
      'content/a.mdx': [
        '---', // 1
        'title: A', // 2
        '---', // 3
        '', // 4
        '[relative](//other.example/a) <a href="\\\\other.example/x">b</a>', // 5
        '', // 6
        '<a href="/\\other.example">c</a> <a href="mailto:me@other.example">d</a> <a href="/gone/">e</a>', // 7
      ].join('\n'),
      // Markdown percent-encodes a backslash (`/%5Cother.example`): a path of this site, which does not exist.
      'content/b.md': '# B\n\n[f](/\\\\other.example)\n',
    });
    const { externalLinks, findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(externalLinks.map(({ line, url }) => [line, url])).toEqual([
      [5, '//other.example/a'],
      [5, '\\\\other.example/x'],
      [7, '/\\other.example'],
    ]);
    expect(findings.map(({ file, line, message }) => [path.basename(file), line, message])).toEqual([
      ['a.mdx', 7, 'links to /gone/, but there is no such page or file.'],
      ['b.md', 3, 'links to /\\other.example, but there is no such page or file.'],
    ]);
  });

  it('reports links out of public/, and a linked public/', async () => {
    const root = tempFolder('check', { 'content/a.md': '# A\n', 'secret.txt': 'key', 'public/ok.txt': 'ok' });
    fs.symlinkSync('../secret.txt', path.join(root, 'public', 'key.txt'));
    const { findings } = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
    expect(findings).toEqual([
      {
        file: expect.stringMatching(/\/public\/key\.txt$/),
        line: undefined,
        message: 'is a symbolic link to ../secret.txt, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published. Copy the file into public/ instead of linking to it.',
      },
    ]);
    const linked = tempFolder('check', { 'content/a.md': '# A\n' });
    fs.symlinkSync(path.join(root, 'public'), path.join(linked, 'public'));
    expect((await checkContent(path.join(linked, 'content'), path.join(linked, 'public'))).findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^is a symbolic link to .*; the build reads public\/ only as a folder of the project/),
    ]);
  });

  it('prints file:line: message lines grouped by file', () => {
    const text = formatFindings([
      { file: 'content/a.md', line: 3, message: 'one' },
      { file: 'content/a.md', line: 9, message: 'two' },
      { file: 'content/b.md', line: undefined, message: 'three' },
    ]);
    expect(text).toBe('content/a.md\n  content/a.md:3: one\n  content/a.md:9: two\n\ncontent/b.md\n  content/b.md: three');
  });

  it('passes the shipped content', async () => {
    expect((await checkContent()).findings).toEqual([]);
  });
});
