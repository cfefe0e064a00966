// "Embed this view": copy-paste code for the view in its current state, so a course author can put
// exactly what they see into their own page. Two forms: PE Lab's embed script with a
// <pe-lab-view> element, which sizes itself to the view (web/embed.js), and a plain <iframe> of
// fixed height for pages that take no scripts.
import { element } from '../charts/figure.js';
import { copyText } from '../lib/clipboard.js';

// URL() has already percent-encoded quotes and markup in an address; a parameter's value is
// decoded text, so it needs the full escaping.
const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function iframeCode(url, name, height) {
  return (
    `<iframe src="${attribute(url.href)}" title="PE Lab: ${name} view" width="100%" height="${height}" ` +
    'style="border:0" loading="lazy" sandbox="allow-scripts"></iframe>'
  );
}

// embed.js is web/embed.js beside index.html, in the repository and in dist/ alike, so the page's
// own address finds it. HTML
// attribute names have no capitals: kvHeads is written kv-heads, which embed.js reads back.
function elementCode(url) {
  const attributes = [...url.searchParams]
    .map(([name, value]) => ` ${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}="${attribute(value)}"`)
    .join('');
  return `<script src="${attribute(new URL('web/embed.js', url).href)}"></script>\n<pe-lab-view${attributes}></pe-lab-view>`;
}

// One form: what it is, its code, and a button that copies it.
function codeBlock(form, explanation, rows) {
  const block = element('div', 'embed-code-form');
  const code = element('textarea', 'embed-code-text');
  code.readOnly = true;
  code.rows = rows;
  code.setAttribute('aria-label', `${form} code`);
  const copy = element('button', '', `Copy ${form} code`);
  copy.type = 'button';
  const status = element('span', 'embed-code-status');
  status.setAttribute('role', 'status');
  block.append(element('p', 'embed-code-explanation', explanation), code, copy, status);
  return { block, code, copy, status };
}

/**
 * Adds an "Embed this view" control after slot. embedUrl() returns the view's embed address for
 * its current state; the code is made when asked, so it always matches what is on screen.
 */
export function addEmbedControl(slot, name, embedUrl) {
  const panel = element('details', 'embed-code chrome');
  const summary = element('summary', '', 'Embed this view in your course page');
  const forms = [
    codeBlock(
      'element',
      'Self-sizing: the script once per page, then one element per view. The element takes the height ' +
        'of the view and follows it; attributes set the view (theme="dark", "light" or "auto" sets its colours).',
      3,
    ),
    codeBlock('iframe', 'Plain iframe, for pages that allow no scripts: its height is fixed at what the view needs now.', 3),
  ];
  const [scripted, plain] = forms;

  const refresh = () => {
    const url = new URL(embedUrl(), location.href);
    scripted.code.value = elementCode(url);
    plain.code.value = iframeCode(url, name, Math.ceil(slot.getBoundingClientRect().height) + 24);
  };
  panel.addEventListener('toggle', refresh);
  const fromDisk = location.protocol === 'file:';
  const hint = (copied) =>
    (copied ? 'Copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.') +
    (fromDisk ? ' This page was opened from disk: put your web address in place of the file:// one.' : '');
  for (const { code, copy, status } of forms) {
    copy.addEventListener('click', async () => {
      refresh();
      code.select();
      const copied = await copyText(code.value); // where refused, the text stays selected
      for (const form of forms) form.status.textContent = '';
      status.textContent = hint(copied);
    });
  }
  panel.append(summary, ...forms.map(({ block }) => block));
  slot.after(panel);
}
