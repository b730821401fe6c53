import { expect, fixtureUrl, test } from './fixtures';

/**
 * The hostile pages that build (e2e/fixture-site/content/hostile/): their hostile parts are neutralised.
 * In a real browser, nothing from them may run: no dialog, no script, no handler, no javascript: or
 * data: URL, no frame. (The pages the engine refuses are in lib/markdown/hostile-content.corpus.ts.)
 */
const hostilePages = ['/hostile/raw-html/', '/hostile/front-matter/', '/hostile/allowed/', '/hostile/diagrams/'];

/** What on the page could run script or load another document, as the browser parsed it. */
function executablePartsInPage() {
  const found: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (!script.hasAttribute('data-enhancement')) found.push(`script: ${script.outerHTML.slice(0, 80)}`);
  }
  for (const element of document.querySelectorAll('iframe, frame, object, embed, svg script, base, form, meta[http-equiv="refresh" i]')) {
    found.push(`element: ${element.tagName.toLowerCase()}`);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`handler: <${element.tagName.toLowerCase()} ${attribute.name}>`);
      if (attribute.name === 'srcdoc') found.push(`srcdoc on <${element.tagName.toLowerCase()}>`);
    }
  }
  for (const element of document.querySelectorAll('[href], [src], [action], [formaction]')) {
    for (const name of ['href', 'src', 'action', 'formaction']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      // The browser's own URL parser decides the scheme, with every trick (tabs, case, entities) undone.
      const protocol = new URL(value, document.baseURI).protocol;
      if (protocol === 'javascript:' || protocol === 'data:' || protocol === 'vbscript:') found.push(`${name}=${protocol} on <${element.tagName.toLowerCase()}>`);
    }
  }
  return found;
}

for (const path of hostilePages) {
  test(`${path}: nothing from the content runs`, async ({ page, problems }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(fixtureUrl(path));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Give the page the chances a reader would: hover and focus every link, open every disclosure.
    for (const link of await page.getByRole('article').getByRole('link').all()) {
      await link.focus();
      await link.hover();
    }
    for (const summary of await page.locator('summary').all()) await summary.click();
    expect(await page.evaluate(executablePartsInPage)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('raw HTML in Markdown is dropped, the words around it stay', async ({ page, problems }) => {
  await page.goto(fixtureUrl('/hostile/raw-html/'));
  const article = page.getByRole('article');
  await expect(article.getByText('An image with a handler: (gone).')).toBeVisible();
  await expect(article.getByText('A new-tab link without rel (its tag is gone, its words stay).')).toBeVisible();
  await expect(article.getByRole('link', { name: 'new-tab link without rel' })).toHaveCount(0);
  await expect(article.getByRole('img')).toHaveCount(0);
  await expect(article.getByRole('code').filter({ hasText: 'in a code block' })).toHaveText('<script>alert("in a code block: shown, not run")</script>');
  // The link whose title tried to become an attribute has that text as its title, nothing more.
  const titled = article.getByRole('link', { name: 'A link whose title tries to break out' });
  await expect(titled).toHaveAttribute('title', 't" onmouseover=alert(\'title\'))');
  expect(problems).toEqual([]);
});

test('markup in front matter shows as text in the title, the heading and the description', async ({ page, problems }) => {
  await page.goto(fixtureUrl('/hostile/front-matter/'));
  await expect(page).toHaveTitle("<script>alert('title')</script> · Fixture site");
  await expect(page.getByRole('heading', { level: 1, name: "<script>alert('title')</script>" })).toBeVisible();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', "<img src=x onerror=alert('description')>");
  expect(problems).toEqual([]);
});

test('allowed MDX renders, and its new-tab link gives the new page no handle on this one', async ({ page, context, problems }) => {
  await page.goto(fixtureUrl('/hostile/allowed/'));
  await expect(page.getByText('HTML works, and so do comments and literals such as this string.')).toBeVisible();
  await page.getByText('A disclosure').click();
  await expect(page.getByText('Hidden text.')).toBeVisible();
  const [opened] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open the raw HTML page in a new tab' }).click()]);
  await opened.waitForLoadState();
  // Reverse tabnabbing needs window.opener; a target=_blank link must not hand it over.
  expect(await opened.evaluate(() => window.opener)).toBeNull();
  await opened.close();
  expect(problems).toEqual([]);
});

test('diagrams whose settings try to reach past the drawing are drawn plainly, under a policy that names no other site', async ({ page, problems }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.isNavigationRequest()) requests.push(request.url());
  });
  await page.goto(fixtureUrl('/hostile/diagrams/'));
  await expect(page.getByRole('img', { name: 'Flowchart diagram' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Sequence diagram' })).toBeVisible();
  await expect(page.locator('script')).toHaveCount(1);
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(policy).not.toContain('evil');
  expect(policy).toMatch(/^default-src 'none'; script-src 'self' 'sha256-[^' ]+'; style-src 'self'/);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => url.includes('evil'))).toEqual([]);
  expect(problems).toEqual([]);
});

test('the check above finds what it looks for', async ({ page }) => {
  await page.setContent(
    '<p><a href="java&#9;script:void(0)">a</a><img src="data:," onerror="void 0"><iframe srcdoc="x"></iframe><script>void 0</script><script data-enhancement>void 0</script></p>',
  );
  expect(await page.evaluate(executablePartsInPage)).toEqual([
    'script: <script>void 0</script>',
    'element: iframe',
    'handler: <img onerror>',
    'srcdoc on <iframe>',
    'href=javascript: on <a>',
    'src=data: on <img>',
  ]);
});
