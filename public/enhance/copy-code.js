// Copy buttons for code blocks, on pages with the `copy` flag (linked from app/[[...slug]]/page.tsx only
// where a page has the flag and code). Progressive enhancement: without JavaScript there is no button,
// and the code can be selected and copied as always.
(() => {
  const blocks = document.querySelectorAll('main pre > code');
  if (blocks.length === 0) return;

  // One polite live region for the page, present before anything is announced in it.
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  document.body.append(status);
  let clearStatus;
  const announce = (message) => {
    clearTimeout(clearStatus);
    // Emptied first, so that a second "Copied" is announced again.
    status.textContent = '';
    setTimeout(() => {
      status.textContent = message;
      clearStatus = setTimeout(() => (status.textContent = ''), 5000);
    }, 50);
  };

  // "Copy" reads "Copy code" to screen readers; the other states say all there is.
  const label = (button, text) => {
    const hidden = document.createElement('span');
    hidden.className = 'sr-only';
    hidden.textContent = ' code';
    button.replaceChildren(text, ...(text === 'Copy' ? [hidden] : []));
  };

  for (const code of blocks) {
    const pre = code.parentElement;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.before(wrapper);
    wrapper.append(pre);

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    label(button, 'Copy');
    let restore;
    button.addEventListener('click', async () => {
      // The compiler ends every block with a newline the author did not write; a pasted command should not run itself.
      const text = code.textContent.replace(/\n$/, '');
      clearTimeout(restore);
      try {
        await navigator.clipboard.writeText(text);
        label(button, 'Copied');
        announce('Copied to clipboard');
      } catch {
        // No clipboard access (an insecure origin, a denied permission): select the code for the reader to copy.
        getSelection().selectAllChildren(code);
        label(button, 'Copy failed');
        announce('Copy failed. The code is selected: copy it with your keyboard or menu.');
      }
      restore = setTimeout(() => label(button, 'Copy'), 2000);
    });
    wrapper.append(button);
  }
})();
