// "Embed this view": copy-paste code for the view in its current state, so a course author can put
// exactly what they see into their own page. Two forms: PE Lab's embed script with a
// <pe-lab-view> element, which sizes itself to the view (web/embed.js), and a plain <iframe> of
// fixed height for pages that take no scripts.
import { element } from '../charts/figure.js';
import { PRESS_TO_COPY, copyOrSelect } from '../lib/clipboard.js';

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
// own address finds it. HTML attribute names have no capitals: kvHeads is written kv-heads, which
// embed.js reads back.
function elementCode(url) {
  const attributes = [...url.searchParams]
    .map(([name, value]) => ` ${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}="${attribute(value)}"`)
    .join('');
  return `<script src="${attribute(new URL('web/embed.js', url).href)}"></script>\n<pe-lab-view${attributes}></pe-lab-view>`;
}

// body.embedded's padding (web/styles/page.css), above and below the view in an embed.
const EMBED_PADDING = 8;

// A margin that collapses out through the slot at one edge ('Top' or 'Bottom'): the largest of the
// margins of its first (last) shown descendants, down to one that keeps its children's margins in
// (padding or a border at that edge, or a layout of its own such as flex).
function outerMargin(slot, edge) {
  const shown = [...slot.children].filter((node) => getComputedStyle(node).display !== 'none');
  const node = edge === 'Top' ? shown[0] : shown.at(-1);
  if (!node) return 0;
  const style = getComputedStyle(node);
  const margin = parseFloat(style[`margin${edge}`]) || 0;
  const keepsIn =
    style.display !== 'block' ||
    style.overflow !== 'visible' ||
    parseFloat(style[`padding${edge}`]) ||
    parseFloat(style[`border${edge}Width`]);
  return Math.max(margin, keepsIn ? 0 : outerMargin(node, edge));
}

// The height the embedded page needs if its frame is as wide as the view is here: the view's box,
// the margins that collapse out of it here but stay inside the embed's padded page, and that
// padding.
function embedHeight(slot) {
  const view = slot.getBoundingClientRect().height;
  return Math.ceil(view + outerMargin(slot, 'Top') + outerMargin(slot, 'Bottom') + 2 * EMBED_PADDING);
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
    codeBlock(
      'iframe',
      'Plain iframe, for pages that allow no scripts: its height is fixed at what the view needs at the width it has on this page.',
      3,
    ),
  ];
  const [scripted, plain] = forms;

  const refresh = () => {
    const url = new URL(embedUrl(), location.href);
    scripted.code.value = elementCode(url);
    plain.code.value = iframeCode(url, name, embedHeight(slot));
  };
  panel.addEventListener('toggle', refresh);
  // The height follows the view while the panel is open (a view further down draws when reached).
  new ResizeObserver(() => panel.open && refresh()).observe(slot);
  const fromDisk = location.protocol === 'file:';
  const hint = (copied) =>
    (copied ? 'Copied.' : `Selected: ${PRESS_TO_COPY}.`) +
    (fromDisk ? ' This page was opened from disk: put your web address in place of the file:// one.' : '');
  for (const { code, copy, status } of forms) {
    copy.addEventListener('click', async () => {
      refresh();
      const copied = await copyOrSelect(code.value, code);
      for (const form of forms) form.status.textContent = '';
      status.textContent = hint(copied);
    });
  }
  panel.append(summary, ...forms.map(({ block }) => block));
  slot.after(panel);
}
