// The numbers behind the grid, all from the C++ core. The range's structure (bits that change
// between neighbouring rows, codes that repeat) comes in one call per setting: a few bytes per
// row. The bits themselves are asked for only for the rows on screen plus a margin, so a range
// of 65,536 rows is never encoded as a whole while scrolling.
//
// Rows are 0-based offsets into the range: row r is position start + r. Index i is 0-based
// (the lecture's index i + 1), i = 0 the least significant bit.

/** Throws the core's RangeError/TypeError when the range is not allowed (e.g. past 2^31 - 1). */
export function createGridData(pe, { start, count, dim }) {
  const structure = pe.binaryStructure({ start, count, dim });
  let window = { first: 0, end: 0, data: null }; // rows [first, end) of pe.encode's table

  return {
    start,
    count,
    dim,
    repeatsFrom: structure.repeatsFrom,
    hamming: structure.hamming,
    flipPeriods: structure.flipPeriods,

    /** Makes rows first..last (inclusive) readable, fetching a new window when they are not. */
    ensureRows(first, last) {
      if (first >= window.first && last < window.end) return;
      const margin = Math.max(64, 2 * (last - first + 1));
      const from = Math.max(0, first - margin);
      const end = Math.min(count, last + 1 + margin);
      const { data } = pe.encode({ kind: 'binary', start: start + from, count: end - from, dim });
      window = { first: from, end, data };
    },

    /** Bit i of row r; r must lie in the last ensureRows() range. */
    bit(r, i) {
      return window.data[(r - window.first) * dim + i];
    },

    /** Row r written as the lecture writes it, most significant bit first. */
    binaryString(r) {
      let text = '';
      for (let i = dim - 1; i >= 0; i -= 1) text += window.data[(r - window.first) * dim + i];
      return text;
    },

    /** Bits that change from row r to row r + 1; null for the last row. */
    jumpAfter(r) {
      return r + 1 < count ? structure.hamming[r] : null;
    },

    /** The smallest position with the same code as row r (itself unless the code repeats). */
    sameCodeAs(r) {
      return structure.sameCodeAs[r];
    },

    /** The grid as a table (lib/figure-data.js) of its first maxRows rows, MSB on the left as drawn. */
    table(maxRows) {
      const n = Math.min(count, maxRows);
      const { data: bits } = pe.encode({ kind: 'binary', start, count: n, dim });
      const indices = Array.from({ length: dim }, (_, c) => dim - c); // the lecture's index k is bit k - 1
      const name = (k) => `index ${k} = bit ${k - 1}${k === 1 ? ' (LSB)' : ''}${k === dim ? ' (MSB)' : ''}`;
      return {
        name: 'binary-grid',
        settings: { start, count, dim },
        columns: ['position', ...indices.map(name), 'bits flipped to the next position', 'same code as position'],
        rows: Array.from({ length: n }, (_, r) => [
          start + r,
          ...indices.map((k) => bits[r * dim + k - 1]),
          r + 1 < count ? structure.hamming[r] : null,
          structure.sameCodeAs[r],
        ]),
        rowCount: count,
      };
    },
  };
}
