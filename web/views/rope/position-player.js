// The query position m: a slider, a number box and Play, which moves m on by one position a frame
// up to the last. A system that asks for reduced motion gets no Play, and a note that says why.
import { element } from '../../charts/figure.js';
import { formatWhole } from '../../lib/format.js';
import { readWhole, wholeNumberInput } from '../shared/control-parts.js';

/**
 * limits: { min: 0, max }; onPosition(m) runs on every new position, however it came; message
 * (view-message.js) says what is wrong with a number typed. Returns { row, note, playing(),
 * reducedMotion() }: row holds the slider, box and button; note is the reduced-motion note.
 */
export function createPositionPlayer({ position, limits, message, onPosition }) {
  const motion = matchMedia('(prefers-reduced-motion: reduce)');
  const slider = Object.assign(element('input'), { type: 'range', min: '0', max: String(limits.max), value: String(position) });
  slider.dataset.field = 'position';
  const box = wholeNumberInput(limits, position);
  const play = Object.assign(element('button', 'rope-play', 'Play'), { type: 'button' });
  const note = element('p', 'control-wide control-hint', 'Your system asks for reduced motion: nothing plays by itself; move the slider.');
  const row = element('div', 'rope-position');
  row.append(slider, box, play);
  let current = position;
  let frame = 0;

  function set(next) {
    current = next;
    slider.value = String(next);
    if (readWhole(box, limits) !== next) box.value = String(next);
    onPosition(next);
  }

  function stop() {
    cancelAnimationFrame(frame);
    frame = 0;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  }
  function tick() {
    // Asked on every frame too: a media change event may come late, or not at all.
    if (motion.matches) followMotion();
    else if (current >= limits.max) stop();
    else {
      set(current + 1);
      frame = requestAnimationFrame(tick);
    }
  }
  function followMotion() {
    if (motion.matches) stop();
    play.disabled = motion.matches;
    note.hidden = !motion.matches;
  }

  play.addEventListener('click', () => {
    if (frame) stop();
    else if (!motion.matches) {
      if (current >= limits.max) set(0);
      play.textContent = 'Pause';
      play.setAttribute('aria-pressed', 'true');
      frame = requestAnimationFrame(tick);
    }
  });
  motion.addEventListener('change', followMotion);
  followMotion();
  slider.addEventListener('input', () => set(Number(slider.value)));
  box.addEventListener('input', () => {
    const value = readWhole(box, limits);
    box.setAttribute('aria-invalid', String(value === null));
    message.show(value === null ? `The position m must be a whole number from 0 to ${formatWhole(limits.max)}.` : null);
    if (value !== null) set(value);
  });

  return { row, note, playing: () => frame !== 0, reducedMotion: () => motion.matches };
}
