// Reaction buttons (components/page-reactions.tsx); protocol in lib/social/reactions.ts.
// The buttons stay hidden unless the endpoint answers with counts.
(() => {
  const counts = async (response) => {
    const body = response.ok && (await response.json());
    if (typeof body?.counts != 'object' || !body.counts) throw 0;
    return body.counts;
  };
  for (const box of document.querySelectorAll('[data-reactions]')) {
    const { endpoint, page } = box.dataset;
    const key = `reactions ${endpoint} ${page}`;
    const buttons = box.querySelectorAll('button');
    let mine = [];
    try {
      mine = JSON.parse(localStorage[key] || '[]');
    } catch {}
    const show = (counted) => {
      for (const button of buttons) {
        const n = counted[button.dataset.reaction];
        button.lastChild.textContent = Number.isInteger(n) && n > 0 ? n : 0;
        button.ariaPressed = mine.includes(button.dataset.reaction);
      }
    };
    fetch(`${endpoint}${endpoint.includes('?') ? '&' : '?'}page=${encodeURIComponent(page)}`, { credentials: 'omit' })
      .then(counts)
      .then((counted) => {
        show(counted);
        box.hidden = false;
      }, () => {});
    for (const button of buttons) {
      button.onclick = async () => {
        const reaction = button.dataset.reaction;
        // One reaction of each kind per visitor; a press while one is on its way does nothing.
        if (mine.includes(reaction) || button.ariaBusy) return;
        button.ariaBusy = 'true';
        const status = box.querySelector('[role=status]');
        try {
          const counted = await counts(
            await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page, reaction }), credentials: 'omit' }),
          );
          mine.push(reaction);
          try {
            localStorage[key] = JSON.stringify(mine);
          } catch {}
          show(counted);
          status.textContent = `Thank you: your ${button.querySelector('.sr-only').textContent.slice(0, -1)} is counted.`;
        } catch {
          status.textContent = 'Your reaction could not be saved. Please try again later.';
        }
        button.ariaBusy = null;
      };
    }
  }
})();
