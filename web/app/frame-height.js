// In an iframe, tells the page around it how tall this page's content is whenever that changes,
// so web/embed.js on that page can make the iframe exactly as tall (no inner scrollbar, no gap).
// The height is the html element's, which depends on the content and the iframe's width but not
// on the iframe's height, so resizing the iframe to it cannot start a loop. The message types
// are web/embed.js's; a host script that loaded late asks with 'pe-lab:measure'.
// Called once the page is drawn (or has said why it cannot be): the frame keeps its first height
// while the page loads rather than shrinking to the loading line and growing back.
const HEIGHT = 'pe-lab:height';
const MEASURE = 'pe-lab:measure';

export function announceHeightToHost() {
  if (window.parent === window) return;
  let announced = null;
  const announce = () => {
    announced = Math.ceil(document.documentElement.getBoundingClientRect().height);
    // Any origin may host an embed, and a height is no secret: '*'.
    window.parent.postMessage({ type: HEIGHT, height: announced }, '*');
  };
  // Now, not only from the observer: a browser may hold an observer's reports back while the
  // frame is scrolled out of view.
  announce();
  new ResizeObserver(() => {
    if (Math.ceil(document.documentElement.getBoundingClientRect().height) !== announced) announce();
  }).observe(document.documentElement);
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === MEASURE) announce();
  });
}
