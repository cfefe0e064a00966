// Classroom links: hide=NAME,NAME hides the named controls and figures in every view, as
// TensorFlow Playground's _hide flags do (an embed that shows only Play and one chart). A name is
// a view's data-control (a control, a panel or a figure, e.g. play, accuracy), a control's
// data-field (e.g. dim; its label goes too), or "controls" (every settings panel). Views that
// draw later (their code or data arriving on demand) are followed with a MutationObserver.

const NAME = /^[a-z][a-zA-Z0-9-]{0,39}$/;

/** The names in the link's hide=, and notes about the ones that cannot be names. */
export function readHidden(search) {
  if (!search.has('hide')) return { names: [], notes: [] };
  const words = search.get('hide').split(',').filter(Boolean);
  const names = words.filter((word) => NAME.test(word));
  const rejected = words.filter((word) => !NAME.test(word));
  const notes = rejected.length
    ? [
        `hide= names controls by their names (letters, digits, '-'); ${rejected.map((word) => `"${word.slice(0, 40)}"`).join(', ')} cannot be one, so nothing is hidden for it.`,
      ]
    : [];
  return { names, notes };
}

function matching(root, name) {
  if (name === 'controls') return [...root.querySelectorAll('.controls')];
  const controls = [...root.querySelectorAll(`[data-control="${name}"]`)];
  const fields = [...root.querySelectorAll(`[data-field="${name}"]`)].map((field) => field.closest('label.control') ?? field);
  return [...controls, ...fields];
}

/** Hides what names name inside root, now and whenever root's content changes. */
export function hideNamed(root, names) {
  if (!names.length) return;
  const apply = () => {
    for (const name of names) for (const node of matching(root, name)) if (!node.hidden) node.hidden = true;
  };
  apply();
  new MutationObserver(apply).observe(root, { childList: true, subtree: true });
}
