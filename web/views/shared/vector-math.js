// Arithmetic on the rows of pe.analyze's matrices: Float32Array(n * dim), row-major, so row r is
// data[r * dim .. r * dim + dim). Sums run in double precision; identical rows give exactly 0.

/** Euclidean length of row r. */
function rowNorm(data, dim, r) {
  let sum = 0;
  for (let i = r * dim, end = i + dim; i < end; i += 1) sum += data[i] * data[i];
  return Math.sqrt(sum);
}

/** L2 distance between row a and row b of the same matrix. */
export function rowDistance(data, dim, a, b) {
  let sum = 0;
  for (let i = 0; i < dim; i += 1) {
    const difference = data[a * dim + i] - data[b * dim + i];
    sum += difference * difference;
  }
  return Math.sqrt(sum);
}

/** Dot product of rows a and b. */
function rowDot(data, dim, a, b) {
  let dot = 0;
  for (let i = 0; i < dim; i += 1) dot += data[a * dim + i] * data[b * dim + i];
  return dot;
}

// dot / (|a| |b|), clamped: rounding can push equal rows to 1.0000000000000002.
function cosine(dot, lengths) {
  return lengths > 0 ? Math.max(-1, Math.min(1, dot / lengths)) : 0;
}

/** Cosine similarity of rows a and b; 0 when either row is all zeros (as scikit-learn defines it). */
export function rowCosine(data, dim, a, b) {
  return cosine(rowDot(data, dim, a, b), rowNorm(data, dim, a) * rowNorm(data, dim, b));
}

/** Every row's norm: Float64Array(n). */
export function rowNorms(data, dim, n) {
  const norms = new Float64Array(n);
  for (let r = 0; r < n; r += 1) norms[r] = rowNorm(data, dim, r);
  return norms;
}

/** Cosine similarity of every pair of rows: Float64Array(n * n), entry [a * n + b]. */
export function cosineMatrix(data, dim, n) {
  const norms = rowNorms(data, dim, n);
  const matrix = new Float64Array(n * n);
  for (let a = 0; a < n; a += 1) {
    for (let b = a; b < n; b += 1) {
      const value = cosine(rowDot(data, dim, a, b), norms[a] * norms[b]);
      matrix[a * n + b] = value;
      matrix[b * n + a] = value;
    }
  }
  return matrix;
}
