// The line under a view's controls that says what is wrong with its input or, for an empty text
// box, what to do next; hidden while there is nothing to say. The view keeps its last good
// figures (or hides them) itself.
import { element, setText } from '../../charts/figure.js';

/** Returns { element, show(text, level), text() }. */
export function createViewMessage() {
  const message = element('p', 'view-message');
  message.setAttribute('role', 'status');
  message.hidden = true;
  return {
    element: message,
    /** text: the sentence, or null to hide the line; level 'info' drops the error colours. */
    show(text, level = 'error') {
      message.hidden = !text;
      setText(message, text ?? '');
      message.classList.toggle('error', level === 'error');
    },
    /** What the line says now, or null while it is hidden. */
    text: () => (message.hidden ? null : message.textContent),
  };
}
