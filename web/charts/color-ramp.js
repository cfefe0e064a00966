// The diverging scale of palette.js as a lookup table of RGB bytes: charts that colour thousands
// of cells on every keystroke write pixels from here instead of interpolating (and parsing) one
// colour string per cell.
import { divergingColor } from './palette.js';

const STEPS_PER_SIDE = 128; // finer than the eye can tell apart on a 0..1 lightness ramp
const RAMP = Array.from({ length: 2 * STEPS_PER_SIDE + 1 }, (_, k) => divergingColor(k - STEPS_PER_SIDE, STEPS_PER_SIDE));
const RAMP_RGB = Uint8Array.from(RAMP.flatMap((color) => color.match(/\d+/g).map(Number)));

/** Writes the colour of value on the diverging scale for [-limit, limit] (the colour
 *  divergingColor gives) as opaque RGBA into pixels at offset. */
export function writeRampPixel(pixels, offset, value, limit) {
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  const k = 3 * (Math.round(t * STEPS_PER_SIDE) + STEPS_PER_SIDE);
  pixels[offset] = RAMP_RGB[k];
  pixels[offset + 1] = RAMP_RGB[k + 1];
  pixels[offset + 2] = RAMP_RGB[k + 2];
  pixels[offset + 3] = 255;
}

/** A CSS linear-gradient of the scale for legends: left (-limit) to right (+limit), or with
 *  signed false only its upper half, 0 to +limit, for a quantity that is never negative. */
export function rampGradient({ signed = true } = {}) {
  const first = signed ? 0 : STEPS_PER_SIDE;
  const stops = [];
  for (let k = 0; k <= 8; k += 1) {
    stops.push(`${RAMP[first + ((2 * STEPS_PER_SIDE - first) * k) / 8]} ${k * 12.5}%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
