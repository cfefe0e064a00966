// What this run measured, in sentences written from its numbers only: each is shown when the
// runs' own numbers support it, and none is written in advance. Pure, so node tests feed it runs.
import { formatShort, formatWhole } from '../../lib/format.js';

const HOLDS = 0.9; // "stays above 90%"
const CHANCE_SHARE = 0.95; // a held-out loss within 5% of ln(classes) learned nothing

const percent = (value) => `${Math.round(100 * value)}%`;
const list = (words) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

// Once every run has ended and been measured at its end: who holds 90% at twice the length.
function generalization(runs, settings, label) {
  const measured = runs.filter((run) => !run.divergedAt);
  if (!measured.length || measured.some((run) => run.busy || run.accuracy?.step !== run.steps)) return [];
  const twice = 2 * settings.length;
  const at = (run) => run.accuracy.accuracy[twice - 1];
  const holding = measured.filter((run) => at(run) > HOLDS);
  const named = (group) => list(group.map((run) => `${label(run.scheme)} (${percent(at(run))})`));
  if (!holding.length) return [`At twice the trained length (${twice}), no scheme stayed above 90%.`];
  const rest = measured.filter((run) => !holding.includes(run));
  return [`At twice the trained length (${twice}), ${named(holding)} stayed above 90%${rest.length ? `; ${named(rest)} did not` : ''}.`];
}

function divergences(runs, label) {
  return runs
    .filter((run) => run.divergedAt)
    .map(
      (run) =>
        `${label(run.scheme)} diverged at step ${formatWhole(run.divergedAt)}: its loss stopped being a number, so the run ended there.`,
    );
}

// Under LayerNorm an integer position adds p to every dimension, which is all mean: subtracted.
function integerUnderLayerNorm(runs, settings) {
  const [integer, none] = ['integer', 'none'].map((scheme) => runs.find((run) => run.scheme === scheme));
  if (settings.norm !== 'layer' || !integer || !none || integer.step === 0 || integer.step !== none.step) return [];
  const same = integer.losses.length === none.losses.length && integer.losses.every((loss, i) => loss === none.losses[i]);
  if (!same) return [];
  return [
    `Under LayerNorm, integer positions trained exactly like none: all ${formatWhole(integer.step)} losses the same, to the last bit. ` +
      'An integer position adds the same number p to every dimension, which is all mean, and LayerNorm subtracts the mean.',
  ];
}

// From 200 on, an integer position dwarfs the token it is added to: a loss stuck at chance.
function integerDrowned(runs, settings, classes) {
  const integer = runs.find((run) => run.scheme === 'integer');
  if (settings.norm !== 'rms' || settings.start < 200 || !integer?.finished || integer.divergedAt || !integer.heldOut.length) return [];
  const { loss } = integer.heldOut[integer.heldOut.length - 1];
  const chance = Math.log(classes);
  if (!(loss >= CHANCE_SHARE * chance)) return [];
  return [
    `With positions from ${formatWhole(settings.start)} under RMSNorm, integer positions learned nothing: the held-out loss ended at ` +
      `${formatShort(loss)}, where ln ${classes} = ${formatShort(chance)} is guessing among ${classes} answers. Every dimension of the position ` +
      `is at least ${formatWhole(settings.start)}, and the token's own numbers drown in it.`,
  ];
}

/** Sentences about the runs: runs (training-run.js), settings (the view's), classes: the task's
 *  answers, label(scheme): its name. Empty while nothing is supported yet. */
export function summarize({ runs, settings, classes, label }) {
  return [
    ...generalization(runs, settings, label),
    ...divergences(runs, label),
    ...integerUnderLayerNorm(runs, settings),
    ...integerDrowned(runs, settings, classes),
  ];
}
