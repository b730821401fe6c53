import { describe, expect, it } from 'vitest';
import { resolveRequestPath } from './request-path';

describe('resolveRequestPath', () => {
  it('splits a plain path into decoded names', () => {
    expect(resolveRequestPath('/notes/%C3%BCber%20uns/?x=1#top', '')).toEqual({
      kind: 'site-path',
      segments: ['notes', 'über uns'],
      trailingSlash: true,
      sitePath: '/notes/über uns/',
      fullPath: '/notes/über uns/',
      rawPath: '/notes/%C3%BCber%20uns/',
      query: '?x=1',
    });
    expect(resolveRequestPath('/', '')).toMatchObject({ kind: 'site-path', segments: [], trailingSlash: true, sitePath: '/' });
    expect(resolveRequestPath('/about', '')).toMatchObject({ segments: ['about'], trailingSlash: false, sitePath: '/about' });
    // A lone % that is not an escape decodes to itself only when sent encoded.
    expect(resolveRequestPath('/100%25', '')).toMatchObject({ segments: ['100%'] });
  });

  it.each([
    ['/../etc/passwd', 'dot segment'],
    ['/a/../../etc/passwd', 'dot segment'],
    ['/./index.html', 'dot segment'],
    ['/%2e%2e/etc/passwd', 'dot segment'],
    ['/%2E%2E/%2E%2E/etc/passwd', 'dot segment'],
    ['/.%2e/etc/passwd', 'dot segment'],
    ['/..%2fetc%2fpasswd', 'encoded path separator'],
    ['/%2fetc%2fpasswd', 'encoded path separator'],
    ['/..\\etc\\passwd', 'backslash'],
    ['/%5c..%5cetc%5cpasswd', 'encoded path separator'],
    ['/..%5Cwin.ini', 'encoded path separator'],
    ['/%252e%252e/etc/passwd', 'double percent-encoding'],
    ['/%252e%252e%252fetc', 'double percent-encoding'],
    ['/%25%32%65%25%32%65/x', 'double percent-encoding'],
    ['/index.html%00.txt', 'control character'],
    ['/%00', 'control character'],
    ['/a%0d%0aSet-Cookie:%20x', 'control character'],
    ['//etc/passwd', '//'],
    ['/a//b', '//'],
    ['/C:/Windows/win.ini', 'colon'],
    ['/C%3a/Windows', 'colon'],
    ['/index.html::$DATA', 'colon'],
    ['/%c0%ae%c0%ae/etc/passwd', 'malformed percent-encoding'],
    ['/%E0%A4%A', 'malformed percent-encoding'],
    ['/..%u2215etc', 'malformed percent-encoding'],
    ['http://127.0.0.1/../etc/passwd', 'must be a path'],
    ['*', 'must be a path'],
    ['etc/passwd', 'must be a path'],
  ])('refuses %s (%s)', (target, reason) => {
    const resolved = resolveRequestPath(target, '');
    expect(resolved.kind).toBe('bad-request');
    expect(resolved.kind === 'bad-request' && resolved.reason).toContain(reason);
  });

  it('keeps look-alikes that are plain names (fullwidth dots, a dash after the folder name)', () => {
    expect(resolveRequestPath('/%EF%BC%8E%EF%BC%8E/secret.txt', '')).toMatchObject({ kind: 'site-path', segments: ['．．', 'secret.txt'] });
    expect(resolveRequestPath('/-secret/secret.txt', '')).toMatchObject({ kind: 'site-path', segments: ['-secret', 'secret.txt'] });
  });

  it('hides dotfiles and deploy-config files but serves .well-known', () => {
    for (const target of ['/.env', '/..;/x', '/.git/config', '/%2eenv', '/notes/.draft.html', '/_headers', '/_redirects', '/.well-known/.secret']) {
      expect(resolveRequestPath(target, '').kind, target).toBe('hidden');
    }
    expect(resolveRequestPath('/.well-known/security.txt', '')).toMatchObject({ kind: 'site-path', segments: ['.well-known', 'security.txt'] });
    // Only the root's _headers configures the host; one deeper is an ordinary file name.
    expect(resolveRequestPath('/notes/_headers', '').kind).toBe('site-path');
  });

  describe('under a base path', () => {
    it('strips the base path and keeps it in fullPath', () => {
      expect(resolveRequestPath('/docs/about/', '/docs')).toMatchObject({
        kind: 'site-path',
        segments: ['about'],
        sitePath: '/about/',
        fullPath: '/docs/about/',
      });
      expect(resolveRequestPath('/docs/', '/docs')).toMatchObject({ kind: 'site-path', segments: [], sitePath: '/' });
      expect(resolveRequestPath('/a/b/x/', '/a/b')).toMatchObject({ kind: 'site-path', segments: ['x'] });
    });

    it('redirects the base path without its slash, keeping the query', () => {
      expect(resolveRequestPath('/docs', '/docs')).toEqual({ kind: 'base-path-without-slash', location: '/docs/' });
      expect(resolveRequestPath('/docs?q=1', '/docs')).toEqual({ kind: 'base-path-without-slash', location: '/docs/?q=1' });
    });

    it('says 404 for paths outside it, including names that only start like it', () => {
      for (const target of ['/', '/about/', '/docsx/', '/doc/', '/docs-secret/x', '/x/docs/']) {
        expect(resolveRequestPath(target, '/docs').kind, target).toBe('outside-base-path');
      }
    });

    it('still refuses escapes first', () => {
      expect(resolveRequestPath('/docs/../out-secret/secret.txt', '/docs').kind).toBe('bad-request');
      expect(resolveRequestPath('/docs/%2e%2e/secret.txt', '/docs').kind).toBe('bad-request');
      expect(resolveRequestPath('/docs/_headers', '/docs').kind).toBe('hidden');
    });
  });
});
