// The guided page's step for the training lab: what it shows, in words that hold whatever a run
// measures; the run's own findings are written by the view from its numbers (run-summary.js).
export const step = {
  anchor: 'train',
  title: 'Train it yourself: does the model care which encoding it gets?',
  html: `
<p>
  Everything above is arithmetic on fixed tables. Here a small transformer learns, in this page,
  once for every scheme you tick: the same task, the same data and the same starting weights,
  only the positions differ. Press Play and watch the losses fall, or stay where they are.
</p>
<p>
  The runs train on sequences up to the training length and are then tested on held-out sequences
  up to four times as long. A scheme that only learned the positions it saw falls off past the
  shaded range; a scheme that learned offsets can carry them further. Which does which depends on
  the task, the norm and the first position: the summary below the charts says what this run
  measured, and nothing it did not.
</p>
`,
};
