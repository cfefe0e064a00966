// Saving a figure's file: a download, or where downloads are blocked (a sandboxed iframe without
// allow-downloads), the file's content offered to copy, with why.
import { PRESS_TO_COPY, copyImage, copyOrSelect } from '../lib/clipboard.js';
import { inOpaqueSandbox } from '../lib/sandbox.js';
import { element } from './dom.js';
import { PNG_SCALE } from './figure-picture.js';

/** Why a download from this page would be refused, or null when it would not or cannot be told:
 *  a frame whose sandbox leaves out allow-downloads. A sandboxed frame without allow-same-origin
 *  cannot read its own attribute (web/lib/sandbox.js says what it can tell); in a page opened
 *  from disk nothing can be told, so the download is simply tried. */
export function downloadsBlockedBecause() {
  if (window.top === window) return null;
  const frame = (() => {
    try {
      return window.frameElement;
    } catch {
      return null;
    }
  })();
  const fix = ' (the embedding page can add allow-downloads to its sandbox attribute).';
  if (frame) {
    // The parent's element, of the parent's realm: instanceof would not recognise it.
    const sandbox = frame.tagName === 'IFRAME' ? /** @type {HTMLIFrameElement} */ (frame).sandbox : null;
    return frame.hasAttribute('sandbox') && !sandbox?.contains('allow-downloads')
      ? `Downloads are blocked here: this page runs in a sandboxed frame without allow-downloads${fix}`
      : null;
  }
  return inOpaqueSandbox()
    ? `Downloads are most likely blocked here: this page runs in a frame with no origin of its own, as a sandbox gives it, and a sandbox blocks downloads unless it allows them${fix}`
    : null;
}

/** Downloads blob as a file called name. */
export function download(blob, name) {
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function readAsDataUrl(blob) {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(reader.result));
    reader.readAsDataURL(blob);
  });
}

/**
 * Shows the file (format, blob, name) in fallback to copy, with reason, why it is not downloaded.
 * parts: { fallback, button(text), title (the figure's), back (the control focused on closing) }.
 */
export async function offerCopy({ fallback, button, title, back }, { format, blob, name, reason }) {
  const why = element('p', 'figure-copy-why', reason);
  const status = element('span', 'figure-copy-status');
  status.setAttribute('role', 'status');
  const copy = button(format === 'png' ? 'Copy the picture' : `Copy the ${format.toUpperCase()}`);
  const retry = button('Try to download anyway');
  retry.addEventListener('click', () => download(blob, name));
  const close = button('Close');
  close.addEventListener('click', () => {
    fallback.hidden = true;
    back.focus();
  });
  let content;
  if (format === 'png') {
    content = element('img', 'figure-copy-image');
    // Shown at its CSS size: the file's pixels are PNG_SCALE times as many.
    content.addEventListener(
      'load',
      () => {
        content.width = Math.round(content.naturalWidth / PNG_SCALE);
      },
      { once: true },
    );
    content.src = await readAsDataUrl(blob);
    content.alt = `${title} (the PNG to copy)`;
    copy.addEventListener('click', async () => {
      status.textContent = (await copyImage(blob))
        ? 'Copied.'
        : 'The clipboard is not allowed here: right-click the picture (or press and hold it) and choose Copy image or Save image.';
    });
  } else {
    content = element('textarea', 'figure-copy-text');
    content.readOnly = true;
    content.rows = 6;
    content.value = await blob.text();
    content.setAttribute('aria-label', `${name}, to copy`);
    copy.addEventListener('click', async () => {
      status.textContent = (await copyOrSelect(content.value, content)) ? 'Copied.' : `Selected: ${PRESS_TO_COPY}.`;
    });
  }
  const actions = element('div', 'figure-copy-actions');
  actions.append(copy, retry, close, status);
  fallback.replaceChildren(why, element('p', 'figure-copy-name', name), content, actions);
  fallback.hidden = false;
  copy.focus();
}
