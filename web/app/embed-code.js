// "Embed this view": a copy-paste <iframe> for the view in its current state, so a course
// author can put exactly what they see into their own page.
import { element } from '../charts/figure.js';
import { copyText } from '../lib/clipboard.js';

function iframeCode(src, name, height) {
  // URL() has already percent-encoded quotes and markup; only & needs escaping in an attribute.
  return `<iframe src="${src.replaceAll('&', '&amp;')}" title="PE Lab: ${name} view" width="100%" height="${height}" ` +
    'style="border:0" loading="lazy" sandbox="allow-scripts"></iframe>';
}

/**
 * Adds an "Embed this view" control after slot. embedUrl() returns the view's embed address for
 * its current state; the code is made when asked, so it always matches what is on screen.
 */
export function addEmbedControl(slot, name, embedUrl) {
  const panel = element('details', 'embed-code chrome');
  const summary = element('summary', '', 'Embed this view in your course page');
  const code = element('textarea', 'embed-code-text');
  code.readOnly = true;
  code.rows = 3;
  code.setAttribute('aria-label', `iframe code for the ${name} view`);
  const copy = element('button', '', 'Copy embed code');
  copy.type = 'button';
  const status = element('span', 'embed-code-status');
  status.setAttribute('role', 'status');

  const refresh = () => {
    const height = Math.ceil(slot.getBoundingClientRect().height) + 24;
    code.value = iframeCode(new URL(embedUrl(), location.href).href, name, height);
  };
  panel.addEventListener('toggle', refresh);
  const fromDisk = location.protocol === 'file:';
  const hint = (copied) =>
    (copied ? 'Copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.') +
    (fromDisk ? ' This page was opened from disk: put your web address in place of the file:// one.' : '');
  copy.addEventListener('click', async () => {
    refresh();
    code.select();
    const copied = await copyText(code.value); // where refused, the text stays selected
    status.textContent = hint(copied);
  });
  panel.append(summary, code, copy, status);
  slot.after(panel);
}
