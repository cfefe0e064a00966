// Play/Pause, Step and Reset, as in TensorFlow Playground, and the line that says where the runs
// are. Each button carries data-control (play, step, reset) for hide=.
import { element, setText } from '../../charts/figure.js';

function button(text, control) {
  const node = element('button', `train-button train-${control}`, text);
  node.type = 'button';
  node.dataset.control = control;
  return node;
}

/** actions: { play, pause, step, reset }. Returns { element, update({ playing, done, status }) }. */
export function createTransport(actions) {
  const play = button('Play', 'play');
  const step = button('Step', 'step');
  const reset = button('Reset', 'reset');
  step.title = 'One training step of every run';
  reset.title = 'Start every run again from its first step (the same seed gives the same run)';
  const status = element('p', 'train-status');
  status.setAttribute('aria-live', 'polite');
  let playing = false;
  play.addEventListener('click', () => (playing ? actions.pause() : actions.play()));
  step.addEventListener('click', actions.step);
  reset.addEventListener('click', actions.reset);
  const bar = element('div', 'train-transport');
  bar.append(play, step, reset, status);
  return {
    element: bar,
    update(next) {
      playing = next.playing;
      play.textContent = playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(playing));
      play.disabled = step.disabled = next.done;
      setText(status, next.status);
    },
  };
}
