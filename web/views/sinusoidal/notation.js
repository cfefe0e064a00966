// How the sinusoidal view writes its symbols: w₃ for pair 3's frequency, PE(1,000) for a position's
// vector, R₅ for the rotation by an offset of 5, and very small or very large numbers as readable
// powers of ten (a base of 10^300 makes wavelengths of 10^281 positions).
import { formatShort, formatWhole, superscript } from '../../lib/format.js';

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> "₁₂" (thousands separators dropped). */
function subscript(value) {
  return [...String(value)].map((digit) => SUBSCRIPT_DIGITS[digit] ?? digit).join('');
}

export const w = (j) => `w${subscript(j)}`;
export const pe = (p) => `PE(${formatWhole(p)})`;
export const rotation = (k) => `R${subscript(k)}`;

/** A positive amount such as a wavelength: three significant digits (6.28, 35,300), from a million
 *  on as a power of ten (6.28 × 10²⁸¹). */
export function formatLarge(value) {
  if (value < 1e6) return formatShort(value);
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${Number(mantissa)} × 10${superscript(Number(exponent))}`;
}
