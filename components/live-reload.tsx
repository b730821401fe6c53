'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Dev server only (scripts/dev.ts): re-renders the open page in place when content changes, so an edit
 * shows without a reload and the reader keeps their place. Never part of an exported page.
 */
export function LiveReload({ url }: { url: string }) {
  const router = useRouter();
  useEffect(() => {
    const events = new EventSource(url);
    // Marks the page as listening, for the author's tools and the end-to-end test.
    events.onopen = () => document.documentElement.setAttribute('data-live-reload', 'connected');
    events.onmessage = () => router.refresh();
    return () => events.close();
  }, [router, url]);
  return null;
}
