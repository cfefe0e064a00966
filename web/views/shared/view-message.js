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
    /** text: the sentence, or null to hide the line; level 'info' drops the error colours;
     *  action: { label, run } puts a button after the sentence that runs run() when pressed. */
    show(text, level = 'error', action = null) {
      message.hidden = !text;
      message.classList.toggle('error', level === 'error');
      if (!action) return setText(message, text ?? '');
      const button = element('button', 'view-message-action', action.label);
      button.type = 'button';
      button.addEventListener('click', action.run);
      message.replaceChildren(text, ' ', button);
    },
    /** What the line says now (without its button), or null while it is hidden. */
    text: () => (message.hidden ? null : (message.firstChild?.textContent ?? '')),
  };
}
