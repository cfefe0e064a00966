// Copying text to the clipboard where the browser allows it. Inside <iframe sandbox> without a
// clipboard-write permission, or on some file:// pages, it does not; copyOrSelect then leaves the
// text selected in a text box for Ctrl+C instead, the one fallback every copy button uses.

/** Whether this document may write to the clipboard at all. Asked first: inside a sandboxed
 *  iframe Chrome refuses, and logs a console error even when the refusal is caught. */
function clipboardAllowed() {
  const policy = document.permissionsPolicy ?? document.featurePolicy;
  return Boolean(navigator.clipboard) && (!policy || policy.allowsFeature('clipboard-write'));
}

/** Writes text to the clipboard; resolves to whether it was copied (never rejects). */
export async function copyText(text) {
  if (!clipboardAllowed()) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // refused anyway, e.g. on some file:// pages
  }
}

/** What a reader is told to do with text left selected for them. */
export const PRESS_TO_COPY = 'press Ctrl+C (or ⌘C) to copy';

/** Copies text; where the clipboard is closed, puts it in box (a textarea; reveal() shows it
 *  first when it may be hidden), focused and selected, for the reader to copy by hand. Resolves
 *  to whether it was copied (never rejects). */
export async function copyOrSelect(text, box, reveal = () => {}) {
  if (await copyText(text)) return true;
  box.value = text;
  reveal();
  box.focus();
  box.select();
  return false;
}

/** Writes a picture (a PNG blob) to the clipboard; resolves to whether it was copied. */
export async function copyImage(blob) {
  if (!clipboardAllowed() || typeof ClipboardItem === 'undefined') return false;
  try {
    await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
    return true;
  } catch {
    return false;
  }
}
