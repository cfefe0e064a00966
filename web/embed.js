// PE Lab's script for course pages: include it once, as a classic script (no dependencies), then
//   <pe-lab-view view="grid" start="64" count="12" theme="dark"></pe-lab-view>
// or, for an iframe written by hand, <iframe data-pe-lab src="https://…/index.html?view=grid">.
// Either way the iframe is as tall as the view inside it and follows it as the view grows or
// shrinks. The view announces its height with postMessage (web/app/frame-height.js); only
// messages from the iframes this script manages are believed.
//
// The element makes a lazy-loading iframe of the index.html one folder up (this script is
// web/embed.js, in the repository and in dist/ alike), or of its src attribute, sandboxed to
// allow-scripts; not from file://, where Chromium lets a sandboxed page load no files, its own
// scripts included. Each of its other attributes becomes a link parameter
// (kv-heads="4" for kvHeads=4, as HTML attribute names have no capitals), and changing one
// reloads the view with it.
(() => {
  'use strict';
  const HEIGHT = 'pe-lab:height';
  const MEASURE = 'pe-lab:measure';
  const MANAGED = 'iframe[data-pe-lab], pe-lab-view > iframe';
  const MAX_HEIGHT = 20000; // px: a taller claim is cut to this rather than trusted
  const PLACEHOLDER_HEIGHT = '480px'; // until the view says how tall it is
  const home = new URL('../index.html', document.currentScript?.src || location.href).href;
  // Attributes about the element itself rather than the view.
  const OWN = ['src', 'title', 'id', 'class', 'style', 'hidden', 'slot', 'lang', 'dir', 'tabindex'];
  const isOwn = (name) => OWN.includes(name) || name.startsWith('data-') || name.startsWith('aria-');
  const paramName = (attribute) => attribute.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

  function managedFrame(source) {
    return [...document.querySelectorAll(MANAGED)].find((frame) => frame.contentWindow === source) ?? null;
  }

  // The iframe's CSS height for content this tall: with border-box sizing, its border and
  // padding come on top.
  function frameHeight(frame, content) {
    const style = getComputedStyle(frame);
    if (style.boxSizing !== 'border-box') return content;
    const sides = ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'];
    return content + sides.reduce((sum, side) => sum + (parseFloat(style[side]) || 0), 0);
  }

  addEventListener('message', (event) => {
    const { data } = event;
    if (data?.type !== HEIGHT || typeof data.height !== 'number' || !(data.height >= 0)) return;
    const frame = managedFrame(event.source);
    if (frame) frame.style.height = `${frameHeight(frame, Math.min(Math.ceil(data.height), MAX_HEIGHT))}px`;
  });

  class PeLabView extends HTMLElement {
    connectedCallback() {
      if (!this.frame) {
        this.frame = document.createElement('iframe');
        this.frame.setAttribute('loading', 'lazy');
        Object.assign(this.frame.style, { display: 'block', width: '100%', height: PLACEHOLDER_HEIGHT, border: '0' });
        new MutationObserver(() => this.update()).observe(this, { attributes: true });
      }
      if (getComputedStyle(this).display === 'inline') this.style.display = 'block';
      this.update();
      if (this.frame.parentNode !== this) this.append(this.frame);
    }

    update() {
      const url = new URL(this.getAttribute('src') || home, location.href);
      for (const { name, value } of this.attributes) if (!isOwn(name)) url.searchParams.set(paramName(name), value);
      if (this.frame.src !== url.href) {
        if (url.protocol === 'file:') this.frame.removeAttribute('sandbox');
        else this.frame.setAttribute('sandbox', 'allow-scripts');
        this.frame.src = url.href;
      }
      const view = this.getAttribute('view');
      this.frame.title = this.getAttribute('title') || (view ? `PE Lab: ${view} view` : 'PE Lab');
    }
  }
  if (!customElements.get('pe-lab-view')) customElements.define('pe-lab-view', PeLabView);

  // A hand-written frame takes its container's width rather than the browser's 300 px, and no
  // border, like the element's frame, unless its author set them: :where() weighs nothing, so a
  // width attribute (excluded by :not) or any rule of the page's own styles wins. An adopted
  // sheet, as a <style> element may be refused by the page's content security policy.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':where(iframe[data-pe-lab]:not([width])) { display: block; width: 100%; border: 0; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  // Views that loaded before this script announced their height to no one: ask them again.
  for (const frame of document.querySelectorAll(MANAGED)) frame.contentWindow?.postMessage({ type: MEASURE }, '*');
})();
