// Which maps the attention panel shows: two of the trained schemes side by side, a layer and a
// head, all three in the link (pair, layer, head; layer and head counted from 1, as the panel
// names them). A choice the runs or the model no longer allow (a scheme unticked, a smaller
// model, a link's) falls back, and fitChoice says what changed, for a link's note. Pure.
import { SIZES } from './trainer-runs.js';

export const PREFERRED_PAIR = ['rope', 'learned'];

/** The two schemes shown by default: RoPE and learned if both run, else the first two (the one
 *  twice when only one runs). */
export function defaultPair(schemes) {
  if (PREFERRED_PAIR.every((name) => schemes.includes(name))) return [...PREFERRED_PAIR];
  return [schemes[0], schemes[1] ?? schemes[0]];
}

const counted = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The choice { pair, layer, head } of settings (the view's), made to fit its schemes and model
 * size: a scheme not trained is replaced by the default pair's in its place, a layer or head the
 * model does not have by the first. Returns { choice, notes }: notes say, in the link's words,
 * what was replaced (label(scheme) names a scheme).
 */
export function fitChoice(settings, label) {
  const { schemes, size, pair, layer, head } = settings;
  const fallback = defaultPair(schemes);
  const missing = [...new Set(pair.filter((scheme) => !schemes.includes(scheme)))];
  const fitted = missing.length ? pair.map((scheme, i) => (schemes.includes(scheme) ? scheme : fallback[i])) : pair;
  const notes = [];
  // The default pair falls back silently: only a pair someone wrote is worth a note.
  if (missing.length && pair.join() !== PREFERRED_PAIR.join()) {
    const shown = schemes.length < 2 ? `only ${label(fitted[0])} is` : `${label(fitted[0])} beside ${label(fitted[1])} are`;
    const verb = missing.length === 1 ? 'is' : 'are';
    notes.push(
      `The link’s pair "${pair.join(',')}" names ${missing.map(label).join(' and ')}, which ${verb} not among the schemes trained, so ${shown} shown.`,
    );
  }
  const model = SIZES[size];
  const within = (value, count, noun) => {
    if (value <= count) return value;
    notes.push(`The link’s ${noun} ${value} is past the ${size} model’s ${counted(count, noun)}, so ${noun} 1 is shown.`);
    return 1;
  };
  const choice = { pair: fitted, layer: within(layer, model.layers, 'layer'), head: within(head, model.heads, 'head') };
  return { choice, notes };
}
