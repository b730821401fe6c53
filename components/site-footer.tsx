import { site } from '@/lib/site';

/** The footer of every page: the site config's text (`© author` by default), and the engine's credit when asked for. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto max-w-3xl px-5 py-6 text-sm text-ink-muted">
        <p>
          {site.footer.text ?? `© ${site.author}`}
          {site.footer.credits && (
            <>
              {' · '}Built with <a href="https://nextjs.org" className="underline underline-offset-4">Next.js</a> and{' '}
              <a href="https://mdxjs.com" className="underline underline-offset-4">MDX</a>
            </>
          )}
        </p>
      </div>
    </footer>
  );
}
