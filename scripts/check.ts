/**
 * `npm run check [-- --external]`: lints content/ without building anything. Prints `file:line: message`
 * lines grouped by file and exits 1 when there is any. External links are listed, and fetched only with
 * --external (where a network exists).
 */
import { checkContent, formatFindings, type Finding } from '@/lib/check';

const started = performance.now();
const { findings, externalLinks } = await checkContent();
const problems: Finding[] = [...findings];

if (externalLinks.length > 0) {
  if (process.argv.includes('--external')) {
    for (const link of externalLinks) {
      try {
        // A `//host/x` link (or a browser's spelling of it, `\\host/x`) takes the page's scheme: https.
        const response = await fetch(new URL(link.url, 'https://site.invalid/'), { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
        if (response.status >= 400) problems.push({ file: link.file, line: link.line, message: `${link.url} answers ${response.status}.` });
      } catch (error) {
        problems.push({ file: link.file, line: link.line, message: `${link.url} could not be reached (${error instanceof Error ? error.message : String(error)}).` });
      }
    }
  } else {
    console.log(`External links (not fetched; \`npm run check -- --external\` fetches them):`);
    for (const link of externalLinks) console.log(`  ${link.file}${link.line === undefined ? '' : `:${link.line}`}: ${link.url}`);
    console.log('');
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  console.error(formatFindings(problems));
  console.error(`\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} (${seconds} s).`);
  process.exit(1);
}
console.log(`Content checked: no problems (${seconds} s).`);
