// Reaction buttons (components/page-reactions.tsx) against the site's reactions endpoint.
// Protocol: lib/social/reactions.ts. Shows the buttons only once the counts have arrived.
(() => {
  const countsFrom = async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.json();
    if (!body || typeof body.counts !== 'object' || body.counts === null) throw new Error('no counts');
    return body.counts;
  };

  const setUp = async (section) => {
    const { endpoint, page } = section.dataset;
    const status = section.querySelector('[data-reaction-status]');
    const buttons = [...section.querySelectorAll('button[data-reaction]')];
    // What this visitor already reacted with, so a second press does not count twice.
    const storageKey = `reactions ${endpoint} ${page}`;
    let mine = [];
    try {
      mine = JSON.parse(localStorage.getItem(storageKey) || '[]');
    } catch {}
    const show = (counts) => {
      for (const button of buttons) {
        const count = counts[button.dataset.reaction];
        button.querySelector('[data-count]').textContent = String(Number.isInteger(count) && count >= 0 ? count : 0);
        button.setAttribute('aria-pressed', String(mine.includes(button.dataset.reaction)));
      }
    };
    try {
      const query = `${endpoint.includes('?') ? '&' : '?'}page=${encodeURIComponent(page)}`;
      show(await countsFrom(await fetch(endpoint + query, { headers: { Accept: 'application/json' }, credentials: 'omit' })));
    } catch {
      return; // No counts, no buttons: the page reads as if reactions were off.
    }
    section.hidden = false;
    for (const button of buttons) {
      button.addEventListener('click', async () => {
        const reaction = button.dataset.reaction;
        const label = button.querySelector('.sr-only')?.textContent.replace(/:$/, '') || reaction;
        if (mine.includes(reaction) || button.getAttribute('aria-busy') === 'true') return;
        button.setAttribute('aria-busy', 'true');
        try {
          const counts = await countsFrom(
            await fetch(endpoint, {
              method: 'POST',
              headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
              body: JSON.stringify({ page, reaction }),
              credentials: 'omit',
            }),
          );
          mine = [...mine, reaction];
          try {
            localStorage.setItem(storageKey, JSON.stringify(mine));
          } catch {}
          show(counts);
          status.textContent = `Thank you: your “${label}” is counted.`;
        } catch {
          status.textContent = 'Your reaction could not be saved. Please try again later.';
        } finally {
          button.removeAttribute('aria-busy');
        }
      });
    }
  };

  for (const section of document.querySelectorAll('[data-reactions]')) setUp(section);
})();
