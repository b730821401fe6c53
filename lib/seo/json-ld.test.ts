import { describe, expect, it } from 'vitest';
import { isAboutPage, jsonLdText, profilePageJsonLd } from './json-ld';
import { seoPageFor } from './seo-page';
import { testSite, underDocs } from './test-site';

describe('isAboutPage', () => {
  it('is true for pages whose first address segment is about or starts with about- or about_', () => {
    for (const slug of [['about'], ['about-me'], ['about_us'], ['About'], ['about', 'team']]) expect(isAboutPage({ slug }), slug.join('/')).toBe(true);
    for (const slug of [[], ['aboutface'], ['notes', 'about'], ['education']]) expect(isAboutPage({ slug }), slug.join('/')).toBe(false);
  });
});

describe('profilePageJsonLd', () => {
  it('describes the page as a ProfilePage whose main entity is the site’s author', () => {
    const site = testSite({ authorProfiles: ['https://github.com/jane'] });
    const page = { ...seoPageFor(undefined, site), url: '/about/', slug: ['about'], title: 'About', description: 'Who I am', updated: '2024-02-03' };
    expect(profilePageJsonLd(page, site, underDocs)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://jane.example/docs/about/',
      name: 'About',
      description: 'Who I am',
      inLanguage: 'en',
      dateModified: '2024-02-03T00:00:00Z',
      mainEntity: { '@type': 'Person', name: 'Jane Doe', url: 'https://jane.example/docs/', sameAs: ['https://github.com/jane'] },
    });
  });
});

describe('jsonLdText', () => {
  it('escapes what could end the script element or open markup, and still parses to the same data', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & -->', line: 'a\u2028b' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
