// The training lab's summary (web/views/train/run-summary.js): each sentence appears only when the
// runs' numbers support it, and says what they measured.
// Run: node --test tests/js/train-summary.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize } from '../../web/views/train/run-summary.js';

const SETTINGS = { norm: 'rms', start: 0, length: 4 };
const label = (scheme) => scheme;

// A run that ended at step 10, its accuracy by length 1..16 measured at its end.
function ended(scheme, { accuracyAt8 = 1, losses = [2, 1], heldOut = 0.1, ...rest } = {}) {
  const accuracy = Array.from({ length: 16 }, (_, i) => (i === 7 ? accuracyAt8 : 1));
  return {
    scheme,
    step: 10,
    steps: 10,
    finished: true,
    busy: false,
    divergedAt: null,
    losses,
    heldOut: [{ step: 10, loss: heldOut }],
    accuracy: { step: 10, accuracy },
    ...rest,
  };
}
const say = (runs, settings = SETTINGS, classes = 16) => summarize({ runs, settings: { ...SETTINGS, ...settings }, classes, label });

test('which schemes stayed above 90% at twice the length, once every run is measured at its end', () => {
  assert.deepEqual(say([ended('rope', { accuracyAt8: 0.97 }), ended('learned', { accuracyAt8: 0.5 })]), [
    'At twice the trained length (8), rope (97%) stayed above 90%; learned (50%) did not.',
  ]);
  assert.deepEqual(say([ended('none', { accuracyAt8: 0.2 })]), ['At twice the trained length (8), no scheme stayed above 90%.']);
  // A run still training, or measured before its end: nothing is said yet.
  assert.deepEqual(say([ended('rope'), { ...ended('none'), busy: true, finished: false, step: 5 }]), []);
  assert.deepEqual(say([{ ...ended('rope'), accuracy: { step: 5, accuracy: new Array(16).fill(1) } }]), []);
});

test('a diverged run is named with its step', () => {
  const sentences = say([ended('rope'), { ...ended('binary'), divergedAt: 7, accuracy: null }]);
  assert.deepEqual(sentences, [
    'At twice the trained length (8), rope (100%) stayed above 90%.',
    'binary diverged at step 7: its loss stopped being a number, so the run ended there.',
  ]);
});

test('integer like none under LayerNorm only when every loss is the same and the norm is LayerNorm', () => {
  const runs = [ended('none', { losses: [2.5, 2.25] }), ended('integer', { losses: [2.5, 2.25] })];
  const layer = say(runs, { norm: 'layer' });
  assert.match(layer[1], /^Under LayerNorm, integer positions trained exactly like none: all 10 losses the same/);
  assert.equal(say(runs).length, 1, 'not under RMSNorm');
  const differing = [ended('none', { losses: [2.5, 2.25] }), ended('integer', { losses: [2.5, 2.2500002] })];
  assert.equal(say(differing, { norm: 'layer' }).length, 1, 'one loss differs: not said');
});

test('integer positions from 200 under RMSNorm stuck at chance, only when the held-out loss is at ln(classes)', () => {
  const stuck = ended('integer', { heldOut: 2.77, accuracyAt8: 0.06 });
  const sentences = say([stuck], { start: 200 });
  assert.match(
    sentences[1],
    /^With positions from 200 under RMSNorm, integer positions learned nothing: the held-out loss ended at 2\.77, where ln 16 = 2\.77/,
  );
  assert.equal(say([stuck], { start: 0 }).length, 1, 'not from 0');
  assert.equal(say([ended('integer', { heldOut: 1.2 })], { start: 200 }).length, 1, 'a loss that fell: not said');
  assert.equal(say([stuck], { start: 200, norm: 'layer' }).length, 1, 'not under LayerNorm');
});
