// One colour per scheme, fixed by the scheme's place in pe.schemes (so RoPE keeps its colour when
// other schemes are left out): Okabe & Ito's palette, colour-blind safe (charts/palette.js).
import { CATEGORY_COLORS } from '../../charts/palette.js';

/** Returns colorOf(scheme). */
export function schemeColors(schemes) {
  const names = schemes.map(({ name }) => name);
  return (scheme) => CATEGORY_COLORS[names.indexOf(scheme) % CATEGORY_COLORS.length];
}
