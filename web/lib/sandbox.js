// What a page can tell about the sandbox it may run in. A sandbox without allow-same-origin gives
// the page an opaque origin ('null') and no way to read the sandbox attribute itself, so the
// origin is the sign. A page opened from disk has the origin 'null' too, sandboxed or not
// (web/embed.js leaves the sandbox out for file://), so there nothing is concluded.

/** Whether this page runs, as far as it can tell, in a sandbox without allow-same-origin. */
export function inOpaqueSandbox() {
  return window.origin === 'null' && location.protocol !== 'file:';
}

/** The target of a link to open beside the page: a new tab, except in such a sandbox, where a
 *  click on a target="_blank" link does nothing unless the sandbox allows popups; there the link
 *  opens in the frame itself. */
export function externalLinkTarget() {
  return inOpaqueSandbox() ? '_self' : '_blank';
}
