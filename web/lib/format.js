// How numbers and tokens are written on the page: readouts show a value to float32's precision,
// tables and prose round to what a reader can compare at a glance.
//
// d3-format rather than Intl.NumberFormat: creating the first Intl formatter loads ICU's locale
// data, ~50 ms of the page's first render. d3-format rounds the stored double (9.995 is
// 9.99499..., so 3 digits give 9.99), writes the minus sign as U+2212 and drops the sign of a
// value that rounds to zero.
import { format } from 'd3-format';

const EXACT = format(',.7~r'); // float32 holds ~7 significant digits
const SHORT = format(',.3~r');
const WHOLE = format(',.0f');
const TWO_DIGITS = format(',.2~r');
const FIXED3 = format(',.3f');

/** A matrix entry as float32 stores it, e.g. 0.02130127, 200.0213, 1,000,003. */
export function formatExact(value) {
  return EXACT(value);
}

/** Three significant digits: 0.0566, 2.83, 566; a distance of exactly 0 stays "0". */
export function formatShort(value) {
  return SHORT(value);
}

/** A cosine similarity with three decimals (0.912, −0.054, 1.000), or as many more as it takes
 *  to show that a value just below 1 is not 1 (0.99989). Gaps under 1e-9 are rounding in the
 *  sums, not a difference between the vectors. */
export function formatCosine(value) {
  const gap = 1 - Math.abs(value);
  if (gap > 1e-9 && gap < 0.0005) {
    const digits = Math.min(12, Math.ceil(-Math.log10(gap)) + 1);
    return value.toFixed(digits).replace('-', '−');
  }
  return FIXED3(value);
}

/** The cosine similarity of two rows known to differ, never written as if it were exactly 1:
 *  as formatCosine, or when that would read 1.000, as its distance from ±1 (1 − 3.1 × 10⁻¹³);
 *  rows of one direction (a cosine of exactly 1 in double precision) read "1 (to 16 digits)". */
export function formatDistinctCosine(value) {
  const gap = 1 - Math.abs(value);
  if (gap > 1e-9) return formatCosine(value);
  const one = value < 0 ? '−1' : '1';
  return gap <= 0 ? `${one} (to 16 digits)` : `${one} ${value < 0 ? '+' : '−'} ${formatSmall(gap)}`;
}

/** A position or a count with thousands separators: 1,000,003. */
export function formatWhole(value) {
  return WHOLE(value);
}

/** "8.58 GiB", "70.3 KiB", "512 bytes", "1 byte". */
export function formatBytes(bytes) {
  const unit = Math.min(4, Math.floor(Math.log2(Math.max(1, bytes)) / 10));
  return unit ? `${SHORT(bytes / 1024 ** unit)} ${' KMGT'[unit]}iB` : `${WHOLE(bytes)} byte${bytes === 1 ? '' : 's'}`;
}

/** How many times longer: two significant digits, so 9,923 reads "9,900" and 2.46 reads "2.5". */
export function formatTimes(ratio) {
  return TWO_DIGITS(ratio);
}

const SIGNIFICANT = [2, 3, 4, 5, 6, 7].map((digits) => format(`,.${digits}~r`));

/** A ratio as formatTimes writes it, but with as many more digits (up to float32's 7) as it takes
 *  to keep a ratio that is not 1 from reading "1": 1.04 reads "1.04", 0.9996 "0.9996". */
export function formatRatio(ratio) {
  for (const write of SIGNIFICANT) {
    const text = write(ratio);
    if (text !== '1' || ratio === 1) return text;
  }
  return SIGNIFICANT[SIGNIFICANT.length - 1](ratio);
}

const PLAIN_DIGITS = new Map();

/** value with digits significant digits and thousands separators: 10,000,070, 0.999925. */
export function writeSignificant(value, digits) {
  if (!PLAIN_DIGITS.has(digits)) PLAIN_DIGITS.set(digits, format(`,.${digits}~r`));
  return PLAIN_DIGITS.get(digits)(value);
}

/** As writeSignificant from 0.001 up to a million, else as a power of ten (3.16 × 10⁻²⁶³), where
 *  a row of digits or zeros would be hard to count. */
export function writeScientific(value, digits) {
  const size = Math.abs(value);
  if (value === 0 || (size >= 0.001 && size < 1e6)) return writeSignificant(value, digits);
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${Number(mantissa)} × 10${superscript(Number(exponent))}`.replace('-', '−');
}

/** Two amounts with three significant digits, or as many more (up to 17) as it takes for two that
 *  differ to read differently, and for the difference of what is written to be theirs within a
 *  tenth: a range of lengths "10,000,000 to 10,000,070", not "10,000,000 to 10,000,000", nor
 *  "10,000,000 to 10,000,100" (ends that differ, rounded to a spread of 100 for 70). write is
 *  writeSignificant or writeScientific. */
export function formatApart(a, b, write = writeSignificant) {
  const rounded = (value, digits) => Number(value.toPrecision(digits));
  const blurred = (digits) =>
    write(a, digits) === write(b, digits) || Math.abs(rounded(b, digits) - rounded(a, digits) - (b - a)) > 0.1 * Math.abs(b - a);
  let digits = 3;
  while (digits < 17 && a !== b && blurred(digits)) digits += 1;
  return [write(a, digits), write(b, digits)];
}

/** "1 number", "2 numbers": count written whole, with the noun's plural unless it is 1. */
export function countOf(count, noun, plural = `${noun}s`) {
  return `${formatWhole(count)} ${count === 1 ? noun : plural}`;
}

/** How a token is written on the page: a BPE token's piece ("␣dog"), else its text. */
export function tokenText(token) {
  return token.piece ?? token.text;
}

/** A token inside a sentence: quoted, and isolated so a right-to-left word cannot reorder the
 *  English around it (Unicode first-strong isolate). */
export function quoteToken(text) {
  return `“\u2068${text}\u2069”`;
}

/** "0 and 4", "0, 3 and 7". */
export function listPositions(positions) {
  const written = positions.map(formatWhole);
  return written.length < 2 ? written.join('') : `${written.slice(0, -1).join(', ')} and ${written[written.length - 1]}`;
}

const SUPERSCRIPT_DIGITS = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** A whole number as an exponent: -9 -> "⁻⁹", 281 -> "²⁸¹". */
export function superscript(whole) {
  return [...String(whole)].map((character) => SUPERSCRIPT_DIGITS[character]).join('');
}

/** "10⁵", "10⁻⁷", "1": a power of ten as an axis label. */
export function powerOfTen(exponent) {
  return exponent === 0 ? '1' : `10${superscript(exponent)}`;
}

/** A small positive or negative amount, three significant digits from 0.001 up (0.328), two
 *  digits times a power of ten below (2.5 × 10⁻⁹), where a row of zeros is hard to count. */
export function formatSmall(value) {
  if (value === 0 || Math.abs(value) >= 0.001) return SHORT(value);
  const [mantissa, exponent] = value.toExponential(1).split('e');
  return `${mantissa.replace('-', '−')} × 10${superscript(Number(exponent))}`;
}

/** A token as the charts label it: its text, with * when the table of word vectors in use lacks it
 *  (the view's note says what it got instead). */
export function tokenLabel(token) {
  return token.oov ? `${tokenText(token)}*` : tokenText(token);
}
