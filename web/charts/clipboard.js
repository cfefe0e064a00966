// Copying text where the page may not be allowed to: inside a sandboxed iframe the browser
// refuses the clipboard (and logs an error even when the refusal is caught), so ask first, and
// leave the text selected for Ctrl+C when copying is not possible.

/** True when the clipboard API is there and the frame's permissions policy lets it write. */
export function clipboardAllowed() {
  const policy = document.permissionsPolicy ?? document.featurePolicy;
  return Boolean(navigator.clipboard) && (!policy || policy.allowsFeature('clipboard-write'));
}

/** Selects the text of field (a textarea) and copies it if allowed; resolves to true if copied. */
export async function copyField(field) {
  field.select();
  if (!clipboardAllowed()) return false;
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    return false; // refused anyway (for example on some file:// pages): the text stays selected
  }
}

/** Copies a PNG blob if the clipboard allows it; resolves to true if copied. */
export async function copyImage(blob) {
  if (!clipboardAllowed() || typeof ClipboardItem === 'undefined') return false;
  try {
    await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
    return true;
  } catch {
    return false;
  }
}
