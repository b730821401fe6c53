// Copy buttons on pages with the `copy` flag. Why each part is so: README, "Code, contents, links".
(() => {
  const make = (tag, properties) => Object.assign(document.createElement(tag), properties);
  const status = make('p', { className: 'sr-only' });
  status.setAttribute('role', 'status');
  document.body.append(status);
  const announce = (message) => {
    status.textContent = '';
    setTimeout(() => (status.textContent = message), 50);
  };
  const label = (button, text) =>
    button.replaceChildren(text, ...(text === 'Copy' ? [make('span', { className: 'sr-only', textContent: ' code' })] : []));
  for (const code of document.querySelectorAll('main pre > code')) {
    const pre = code.parentElement;
    const block = make('div', { className: 'code-block' });
    const button = make('button', { type: 'button', className: 'copy-code' });
    pre.before(block);
    block.append(pre, button);
    label(button, 'Copy');
    let restore;
    button.addEventListener('click', async () => {
      clearTimeout(restore);
      try {
        // Not the newline the compiler ends a block with: a pasted command must not run at once.
        await navigator.clipboard.writeText(code.textContent.replace(/\n$/, ''));
        label(button, 'Copied');
        announce('Copied to clipboard');
      } catch {
        getSelection().selectAllChildren(code);
        label(button, 'Copy failed');
        announce('Copy failed. The code is selected for you to copy.');
      }
      restore = setTimeout(() => label(button, 'Copy'), 2000);
    });
  }
})();
