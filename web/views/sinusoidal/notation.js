// How the sinusoidal view writes its symbols: w₃ for pair 3's frequency, PE(1,000) for a position's
// vector, R₅ for the rotation by an offset of 5, and small numbers as readable powers of ten.
import { formatSmall, formatWhole } from '../shared/format.js';

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> "₁₂" (thousands separators dropped). */
export function subscript(value) {
  return [...String(value)].map((digit) => SUBSCRIPT_DIGITS[digit] ?? digit).join('');
}

export const w = (j) => `w${subscript(j)}`;
export const pe = (p) => `PE(${formatWhole(p)})`;
export const rotation = (k) => `R${subscript(k)}`;

/** A deviation in a title: "0" or "6.4 × 10⁻⁸". */
export const formatDeviation = (value) => formatSmall(value);
