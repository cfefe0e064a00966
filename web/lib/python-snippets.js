// "Copy as code": NumPy and PyTorch snippets that rebuild what a view shows, written from the
// conventions of pe.js (and src/core) so they give the same numbers as pe.encode / pe.rotate /
// pe.ropeFrequencies up to the last bits of libm's sin, cos and pow:
//   encodingSnippet   the table pe.encode({ kind, start, count, dim, base, layout }) returns: P
//   rotationSnippet   pe.rotate({ data: rows, dim, start, base, pairing, scaling }): rotated
//   frequencySnippet  pe.ropeFrequencies({ dim, base, scaling }) and its wavelengths: theta
// Like the core, every snippet forms angles in float64 (p * theta at p = 2^31 - 1 needs it) and
// rounds the result to float32 once. library is 'numpy' or 'torch'. Nothing here touches the page.

export const LIBRARIES = [
  { name: 'numpy', label: 'NumPy' },
  { name: 'torch', label: 'PyTorch' },
];

// What differs between the two libraries; the snippets are otherwise the same lines.
const DIALECTS = {
  numpy: {
    imports: ['import numpy as np'],
    f64: 'np.float64',
    f32: 'np.float32',
    i64: 'np.int64',
    arange: (from, to, type) => `np.arange(${from}, ${to}, dtype=${type})`,
    array: (literal) => `np.array(${literal}, dtype=np.float32)`,
    empty: (rows, type) => `np.empty((${rows}, d), dtype=${type})`,
    zeros: (rows, type) => `np.zeros((${rows}, d), dtype=${type})`,
    cast: (value, type) => `${value}.astype(${type})`,
    emptyLike: 'np.empty_like',
    repeat: (column) => `np.repeat(${column}, d, axis=1)`,
    clip: (value) => `np.clip(${value}, 0, 1)`,
    fn: (name) => `np.${name}`,
  },
  torch: {
    imports: ['import torch'],
    f64: 'torch.float64',
    f32: 'torch.float32',
    i64: 'torch.int64',
    arange: (from, to, type) => `torch.arange(${from}, ${to}, dtype=${type})`,
    array: (literal) => `torch.tensor(${literal}, dtype=torch.float32)`,
    empty: (rows, type) => `torch.empty(${rows}, d, dtype=${type})`,
    zeros: (rows, type) => `torch.zeros(${rows}, d, dtype=${type})`,
    cast: (value, type) => `${value}.to(${type})`,
    emptyLike: 'torch.empty_like',
    repeat: (column) => `${column}.repeat(1, d)`,
    clip: (value) => `torch.clamp(${value}, 0, 1)`,
    fn: (name) => `torch.${name}`,
  },
};

const POSITION_BITS = 31; // positions are at most 2^31 - 1, so bit 31 and up are 0

function dialect(library) {
  const found = DIALECTS[library];
  if (!found) throw new TypeError(`library must be 'numpy' or 'torch'; received ${JSON.stringify(library)}`);
  return found;
}

/** A Python float literal that reads back as exactly x: 10000 -> 10000.0, 1e+30 stays. */
function pyFloat(x) {
  const text = String(x);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** The shortest decimal that reads back (as a double, then rounded to float32) as float32 value v. */
function float32Literal(v) {
  for (let digits = 1; digits < 9; digits += 1) {
    const text = v.toPrecision(digits);
    if (Math.fround(Number(text)) === v) return pyFloat(Number(text));
  }
  return pyFloat(Number(v.toPrecision(9)));
}

/** rows as a nested Python list, one row per line (wrapped every 8 values). */
function rowsLiteral(rows, dim) {
  const lines = [];
  for (let r = 0; r < rows.length / dim; r += 1) {
    const values = Array.from(rows.subarray(r * dim, (r + 1) * dim), float32Literal);
    const chunks = [];
    for (let i = 0; i < values.length; i += 8) chunks.push(values.slice(i, i + 8).join(', '));
    lines.push(`    [${chunks.join(',\n     ')}],`);
  }
  return `[\n${lines.join('\n')}\n]`;
}

function lastPosition(start, count) {
  return start + count - 1;
}

// --- Tables (pe.encode)

const ENCODING_HEADERS = {
  integer: () => ['Every column of row r holds its position start + r (exact in float32 up to 2^24).'],
  binary: () => [
    "Column i is bit i of the position: i = 0 is the least significant bit (LSB, the lecture's index 1),",
    'so column i flips every 2^i rows.',
  ],
  sinusoidal: ({ layout }) => [
    'w_k = base^(-2k/d); ' +
      (layout === 'split'
        ? 'layout split: [sin p w_0, ..., sin p w_(d/2-1), cos p w_0, ..., cos p w_(d/2-1)].'
        : "layout interleaved (the paper's): [sin p w_0, cos p w_0, sin p w_1, cos p w_1, ...]."),
    'Angles p * w_k in float64, rounded to float32 at the end.',
  ],
};

function integerBody(x) {
  return [`p = ${x.arange('start', 'start + count', x.i64)}[:, None]  # one position per row`, `P = ${x.cast(x.repeat('p'), x.f32)}`];
}

function binaryBody(x, { dim }) {
  const live = Math.min(dim, POSITION_BITS);
  const bits = x.cast(`((p >> ${x.arange(0, live === dim ? 'd' : live, x.i64)}) & 1)`, x.f32);
  const lines = [`p = ${x.arange('start', 'start + count', x.i64)}[:, None]  # one position per row`];
  if (live === dim) return [...lines, `P = ${bits}  # P[r, i] = bit i of position start + r`];
  return [
    ...lines,
    `P = ${x.zeros('count', x.f32)}  # positions are below 2^31: bits ${POSITION_BITS} and up stay 0`,
    `P[:, :${live}] = ${bits}  # P[r, i] = bit i of position start + r`,
  ];
}

function sinusoidalBody(x, { layout }) {
  const [sines, cosines] = layout === 'split' ? [':d // 2', 'd // 2:'] : ['0::2', '1::2'];
  return [
    `p = ${x.arange('start', 'start + count', x.f64)}[:, None]  # one position per row`,
    `w = base ** (-2.0 * ${x.arange(0, 'd // 2', x.f64)} / d)  # w_k, k = 0 .. d/2 - 1`,
    'angle = p * w  # float64, shape (count, d/2)',
    `P = ${x.empty('count', x.f32)}`,
    `P[:, ${sines}] = ${x.fn('sin')}(angle)  # ${layout === 'split' ? 'first half' : 'even columns'}: sin p w_k`,
    `P[:, ${cosines}] = ${x.fn('cos')}(angle)  # ${layout === 'split' ? 'second half' : 'odd columns'}: cos p w_k`,
  ];
}

const ENCODING_BODIES = { integer: integerBody, binary: binaryBody, sinusoidal: sinusoidalBody };

/**
 * Python that rebuilds pe.encode(settings).data as P, a float32 array of shape (count, dim).
 * settings: { kind: 'integer' | 'binary' | 'sinusoidal', start, count, dim, base, layout } (base
 * and layout for sinusoidal only; defaults 10000 and 'interleaved').
 */
export function encodingSnippet(library, { kind, start, count, dim, base = 10000, layout = 'interleaved' }) {
  const x = dialect(library);
  const body = ENCODING_BODIES[kind];
  if (!body) throw new TypeError(`kind must be 'integer', 'binary' or 'sinusoidal'; received ${JSON.stringify(kind)}`);
  const settings = { start, count, dim, base, layout };
  const sinusoidal = kind === 'sinusoidal';
  return [
    `# PE Lab's ${kind} positional encoding: positions ${start} to ${lastPosition(start, count)} (rows), d = ${dim}` +
      (sinusoidal ? `, base ${base}, layout ${layout}.` : '.'),
    ...ENCODING_HEADERS[kind](settings).map((line) => `# ${line}`),
    `# P: float32, shape (${count}, ${dim}), equal to pe.encode(...).data.`,
    ...x.imports,
    '',
    sinusoidal ? `start, count, d, base = ${start}, ${count}, ${dim}, ${pyFloat(base)}` : `start, count, d = ${start}, ${count}, ${dim}`,
    ...body(x, settings),
    'print(P)',
    '',
  ].join('\n');
}

// --- RoPE (pe.ropeFrequencies, pe.rotate)

function describeScaling(scaling) {
  if (!scaling) return 'no scaling';
  const s = withScalingDefaults(scaling);
  return s.type === 'llama3'
    ? `llama3 scaling (factor ${s.factor}, low_freq_factor ${s.lowFreqFactor}, high_freq_factor ${s.highFreqFactor}, original context ${s.originalContext})`
    : `yarn scaling (factor ${s.factor}, original context ${s.originalContext}, beta_fast ${s.betaFast}, beta_slow ${s.betaSlow})`;
}

// pe.ropeFrequencies' defaults for the fields a scaling object may leave out.
function withScalingDefaults(scaling) {
  const defaults =
    scaling.type === 'llama3' ? { lowFreqFactor: 1, highFreqFactor: 4, originalContext: 8192 } : { betaFast: 32, betaSlow: 1 };
  return { ...defaults, ...scaling };
}

// Lines that leave theta (float64, d/2 values) as pe.ropeFrequencies returns it.
function frequencyLines(x, scaling) {
  const plain = `theta = base ** (-2.0 * ${x.arange(0, 'd // 2', x.f64)} / d)  # theta_i = base^(-2i/d)`;
  if (!scaling) return [plain];
  const lines = [`${plain}, before scaling`];
  const s = withScalingDefaults(scaling);
  if (s.type === 'llama3') {
    return [
      ...lines,
      "# llama3 scaling (Meta's apply_scaling): wavelengths shorter than L / high_freq_factor are kept,",
      '# longer than L / low_freq_factor divided by factor, and blended in between.',
      `factor, low_freq_factor, high_freq_factor, L = ${pyFloat(s.factor)}, ${pyFloat(s.lowFreqFactor)}, ${pyFloat(s.highFreqFactor)}, ${pyFloat(s.originalContext)}`,
      'wavelength = math.tau / theta',
      'smooth = (L / wavelength - low_freq_factor) / (high_freq_factor - low_freq_factor)',
      `theta = ${x.fn('where')}(wavelength < L / high_freq_factor, theta,`,
      `        ${x.fn('where')}(wavelength > L / low_freq_factor, theta / factor,`,
      '                 (1 - smooth) * theta / factor + smooth * theta))',
    ];
  }
  if (s.type !== 'yarn') throw new TypeError(`scaling.type must be 'llama3' or 'yarn'; received ${JSON.stringify(s.type)}`);
  return [
    ...lines,
    "# yarn scaling (DeepSeek's ramp): pairs below low are kept, above high divided by factor, a linear",
    "# ramp in between; high is clamped to d - 1 as in DeepSeek's code.",
    `factor, L, beta_fast, beta_slow = ${pyFloat(s.factor)}, ${pyFloat(s.originalContext)}, ${pyFloat(s.betaFast)}, ${pyFloat(s.betaSlow)}`,
    'def correction_dim(rotations):  # the (fractional) pair that turns `rotations` times in L positions',
    '    return d * math.log(L / (rotations * math.tau)) / (2 * math.log(base))',
    'low = max(math.floor(correction_dim(beta_fast)), 0)',
    'high = min(math.ceil(correction_dim(beta_slow)), d - 1)',
    'if low == high:',
    '    high += 0.001',
    `ramp = ${x.clip(`(${x.arange(0, 'd // 2', x.f64)} - low) / (high - low)`)}`,
    'theta = theta * (1 - ramp) + (theta / factor) * ramp',
  ];
}

/**
 * Python that rebuilds pe.ropeFrequencies({ dim, base, scaling }) as theta (float64, dim / 2
 * values), with each pair's wavelength 2 pi / theta_i in positions.
 */
export function frequencySnippet(library, { dim, base = 10000, scaling = null }) {
  const x = dialect(library);
  return [
    `# PE Lab's RoPE frequencies: d = ${dim}, base ${base}, ${describeScaling(scaling)}.`,
    '# theta (float64, d/2 values) equals pe.ropeFrequencies(...); pair i turns theta_i radians per position.',
    'import math',
    ...x.imports,
    '',
    `d, base = ${dim}, ${pyFloat(base)}`,
    ...frequencyLines(x, scaling),
    'wavelength = math.tau / theta  # positions per full turn of each pair',
    'print(theta, wavelength)',
    '',
  ].join('\n');
}

/**
 * Python that rebuilds pe.rotate({ data: rows, dim, start, base, pairing, scaling }) as rotated
 * (float32, shape (rows, dim)): row r of x turned as position start + r. rows: a Float32Array of
 * whole rows; what, if given, names them in the comment (e.g. 'the query q').
 */
export function rotationSnippet(library, { rows, dim, start = 0, base = 10000, pairing = 'interleaved', scaling = null, what = '' }) {
  const x = dialect(library);
  const count = rows.length / dim;
  const [first, second] = pairing === 'half' ? [':d // 2', 'd // 2:'] : ['0::2', '1::2'];
  return [
    `# PE Lab's RoPE rotation: d = ${dim}, base ${base}, ${describeScaling(scaling)}.`,
    pairing === 'half'
      ? "# Pairing half: pair i is (x_i, x_(i+d/2)) (GPT-NeoX, Hugging Face's rotate_half)."
      : "# Pairing interleaved: pair i is (x_2i, x_(2i+1)) (RoFormer, Meta's Llama code).",
    `# ${count === 1 ? 'x' : 'Row r of x'}${what ? ` (${what})` : ''} is turned as position ${count === 1 ? `m = ${start}` : `m = start + r (${start} to ${lastPosition(start, count)})`}: each pair (a, b) by`,
    '# the angle m * theta_i to (a cos - b sin, a sin + b cos), in float64, rounded to float32: pe.rotate(...).',
    ...(scaling ? ['import math'] : []), // the scalings' rules need math.tau, log, floor, ceil
    ...x.imports,
    '',
    `d, base, start = ${dim}, ${pyFloat(base)}, ${start}`,
    `x = ${x.array(rowsLiteral(rows, dim))}`,
    ...frequencyLines(x, scaling),
    `m = ${x.arange('start', 'start + len(x)', x.f64)}[:, None]  # one position per row`,
    'angle = m * theta  # float64, shape (rows, d/2)',
    `cos, sin = ${x.fn('cos')}(angle), ${x.fn('sin')}(angle)`,
    `a, b = ${x.cast(`x[:, ${first}]`, x.f64)}, ${x.cast(`x[:, ${second}]`, x.f64)}  # ${pairing === 'half' ? 'first and second half' : 'even and odd channels'}`,
    `rotated = ${x.emptyLike}(x)`,
    `rotated[:, ${first}] = a * cos - b * sin`,
    `rotated[:, ${second}] = a * sin + b * cos`,
    'print(rotated)',
    '',
  ].join('\n');
}
