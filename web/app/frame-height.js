// In an iframe, tells the page around it how tall this page's content is whenever that changes,
// so web/embed.js on that page can make the iframe exactly as tall (no inner scrollbar, no gap).
// The height is the html element's, which depends on the content and the iframe's width but not
// on the iframe's height, so resizing the iframe to it cannot start a loop. The message types
// are web/embed.js's; a host script that loaded late asks with 'pe-lab:measure'.
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
  new ResizeObserver(() => {
    if (Math.ceil(document.documentElement.getBoundingClientRect().height) !== announced) announce();
  }).observe(document.documentElement);
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === MEASURE) announce();
  });
}
