// Reference vector arithmetic for the tests, in double precision from the rows' float32 values,
// written from the definitions so that the core's results can be checked against it.

/** The cosine similarity of x and y, 0 when either is all zeros (the core's rule). */
export function cosine(x, y) {
  let dot = 0;
  let xx = 0;
  let yy = 0;
  for (let k = 0; k < x.length; k += 1) {
    dot += x[k] * y[k];
    xx += x[k] * x[k];
    yy += y[k] * y[k];
  }
  const lengths = Math.sqrt(xx * yy);
  return lengths === 0 ? 0 : dot / lengths;
}
