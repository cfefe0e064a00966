// The two DOM helpers every chart uses. Text is always set with textContent, never parsed as markup.

/** Creates an element with a class and optional text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Sets node's text only when it changed: rewriting equal text still makes the browser lay the
 *  page out again, which charts redrawn on every keystroke cannot afford. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
