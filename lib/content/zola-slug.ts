import anyAscii from 'any-ascii';

/**
 * A taxonomy term's URL segment, as Zola's default `slugify` makes it (the `slug` crate): transliterated to
 * ASCII, lower case, every run of other characters one `-`, none at either end. `C++` → `c`, `Él Niño` →
 * `el-nino` (any-ascii in place of Zola's deunicode: the two agree on Latin
 * scripts, and may differ elsewhere, `日本語` → `ribenyu` here). A term with no letter or digit at all gets its own text's code points,
 * so that it still has a page.
 */
export function zolaSlug(text: string): string {
  const slug = anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  return [...text].map((character) => (character.codePointAt(0) ?? 0).toString(16)).join('-');
}
