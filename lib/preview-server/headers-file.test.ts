import { describe, expect, it } from 'vitest';
import { HeadersFileError, headersForPath, parseHeadersFile } from './headers-file';

const deployFile = `# Every page
/*
  X-Frame-Options: DENY
  Content-Security-Policy: default-src 'self'
  Link: </a.css>; rel=preload
  link: </b.css>; rel=preload

# Hashed assets
/_next/static/*
  Cache-Control: public, max-age=31536000, immutable

/about/
  Content-Security-Policy: default-src 'self'; img-src 'self' data:
/notes/:slug/print
  X-Robots-Tag: noindex
https://example.org/*
  X-Other-Host: yes
`;

describe('parseHeadersFile', () => {
  it('reads rules, their headers and their lines; repeated names in a rule become a list', () => {
    const rules = parseHeadersFile(deployFile, 'out/_headers');
    expect(rules.map((rule) => [rule.pattern, rule.line])).toEqual([
      ['/*', 2],
      ['/_next/static/*', 9],
      ['/about/', 12],
      ['/notes/:slug/print', 14],
      ['https://example.org/*', 16],
    ]);
    expect(rules[0]?.headers).toEqual({
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'self'",
      Link: '</a.css>; rel=preload, </b.css>; rel=preload',
    });
  });

  it('accepts CRLF, a BOM and unindented header lines, as Netlify does', () => {
    const rules = parseHeadersFile('\uFEFF/*\r\nX-A: 1\r\n  X-B: a: b\r\n', '_headers');
    expect(rules[0]?.headers).toEqual({ 'X-A': '1', 'X-B': 'a: b' });
  });

  it.each([
    ['  X-Frame-Options: DENY\n', 1, 'comes before any path pattern'],
    ['/*\n  just words\n', 2, 'expected a path pattern'],
    ['/*\n  Bad Name: x\n', 2, '"Bad Name" is not a valid header name'],
    ['/*\n  X-Empty:\n', 2, 'has no value'],
    ['/*\n  : value\n', 2, '"" is not a valid header name'],
    ['/*\n  X-Price: 5 €\n', 2, 'beyond Latin-1'],
    ['/*\n  X-Bell: a\u0007b\n', 2, 'control character'],
  ])('names the file and line of a problem: %j', (text, line, message) => {
    const parse = () => parseHeadersFile(text, 'out/_headers');
    expect(parse).toThrow(HeadersFileError);
    expect(parse).toThrow(new RegExp(`^out/_headers:${line}: .*${message.replace(/[()]/g, '\\$&')}`));
  });
});

describe('headersForPath', () => {
  const rules = parseHeadersFile(deployFile, '_headers');

  it('applies every matching rule in order, later ones replacing a header of the same name', () => {
    expect(headersForPath(rules, ['/about/'])).toEqual({
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:",
      Link: '</a.css>; rel=preload, </b.css>; rel=preload',
    });
    expect(headersForPath(rules, ['/_next/static/css/app.css'])).toMatchObject({
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  it('matches as Netlify does: * across slashes, :name one segment, optional trailing slash, any case', () => {
    expect(headersForPath(rules, ['/'])).toHaveProperty('X-Frame-Options');
    expect(headersForPath(rules, ['/about'])).toHaveProperty('Content-Security-Policy', "default-src 'self'; img-src 'self' data:");
    expect(headersForPath(rules, ['/ABOUT/'])).toHaveProperty('Content-Security-Policy', "default-src 'self'; img-src 'self' data:");
    expect(headersForPath(rules, ['/about/me/'])).toHaveProperty('Content-Security-Policy', "default-src 'self'");
    expect(headersForPath(rules, ['/_next/static'])).toHaveProperty('Cache-Control');
    expect(headersForPath(rules, ['/_next/staticx/a.css'])).not.toHaveProperty('Cache-Control');
    expect(headersForPath(rules, ['/notes/queues/print'])).toHaveProperty('X-Robots-Tag', 'noindex');
    expect(headersForPath(rules, ['/notes/a/b/print'])).not.toHaveProperty('X-Robots-Tag');
  });

  it('never applies rules for another host, and treats pattern text literally', () => {
    expect(headersForPath(rules, ['/anything'])).not.toHaveProperty('X-Other-Host');
    const literal = parseHeadersFile('/a.b/(x)+\n  X-Hit: 1\n', '_headers');
    expect(headersForPath(literal, ['/a.b/(x)+'])).toEqual({ 'X-Hit': '1' });
    expect(headersForPath(literal, ['/axb/xx'])).toEqual({});
  });

  it('matches any of the ways a path is written (within the folder, with the base path)', () => {
    const based = parseHeadersFile('/docs/about/\n  X-Based: 1\n/about/\n  X-Folder: 1\n', '_headers');
    expect(headersForPath(based, ['/about/', '/docs/about/'])).toEqual({ 'X-Based': '1', 'X-Folder': '1' });
  });
});
