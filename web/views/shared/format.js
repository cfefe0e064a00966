// How numbers are written in the sentence views: readouts show a value to float32's precision,
// tables and prose round to what a reader can compare at a glance.

const EXACT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 7 }); // float32 holds ~7
const SHORT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const TWO_DIGITS = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
const FIXED3 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

// −0 would print as "-0"; a value that is zero is written as zero.
const tidy = (value) => (Object.is(value, -0) ? 0 : value);

/** A matrix entry as float32 stores it, e.g. 0.02130127, 200.0213, 1,000,003. */
export function formatExact(value) {
  return EXACT.format(tidy(value)).replace('-', '−');
}

/** Three significant digits: 0.0566, 2.83, 566; a distance of exactly 0 stays "0". */
export function formatShort(value) {
  return SHORT.format(tidy(value)).replace('-', '−');
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
  return FIXED3.format(tidy(value)).replace('-', '−');
}

/** A position or a count with thousands separators: 1,000,003. */
export function formatWhole(value) {
  return WHOLE.format(value);
}

/** How many times longer: two significant digits, so 9,923 reads "9,900" and 2.46 reads "2.5". */
export function formatTimes(ratio) {
  return TWO_DIGITS.format(ratio);
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
