// A function's options checked and completed from its declaration, as the core exports it
// (core.requests(): for each option its name, JS type, default or required or optional, allowed
// values and doc; src/core/options.hpp). pe.js checks only JS types here and fills in defaults;
// every range is checked by the core, so each limit and its message live in one place.

/**
 * @typedef {object} OptionDeclaration
 * @property {string} name
 * @property {'number' | 'string' | 'boolean' | 'Float32Array' | 'number[]' | 'object'} type
 * @property {unknown} [default] the value a left-out option takes
 * @property {boolean} [required] no default: the caller must give it
 * @property {boolean} [optional] may be left out, or null, and is then not given at all
 * @property {string} allowed the values it allows, as messages word them
 * @property {{ minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number, multipleOf?: number }} [range]
 *   the same limit as numbers, where it has bounds
 * @property {string} doc
 * @property {string[]} [choices] the names a string option allows
 * @property {OptionDeclaration[]} [options] an object's own options
 * @property {string} [example] an object's shape, for messages
 */

/** How a received value reads in a message: `string "x"`, `number 7`, `a Float64Array`, ... */
export function describe(value) {
  if (value === undefined) return 'nothing (undefined)';
  if (typeof value === 'string') return `string "${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `${/^[AEIOU]/.test(value.constructor.name) ? 'an' : 'a'} ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function rejectUnknownKeys(options, known, what) {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`unknown ${what} "${key}"; allowed ${what}s: ${known.join(', ')}`);
  }
}

// value's JS type against the declared one: a typeof name, the class Float32Array, or an array
// of numbers (its values' limits are the core's to check).
function hasType(value, type) {
  if (type === 'Float32Array') return value instanceof Float32Array;
  if (type === 'number[]') return Array.isArray(value) && value.every((item) => typeof item === 'number');
  return typeof value === type;
}

function typeError(name, type, value) {
  const wanted = type === 'number[]' ? 'an array of numbers' : `a ${type}`;
  return new TypeError(`${name} must be ${wanted}; received ${describe(value)}`);
}

/**
 * An object-valued option (RoPE's scaling): null where that is its default, else a plain object
 * of its own options, each of the declared type; a left-out key is not given (the core decides
 * which ones the object's kind needs).
 * @param {unknown} value
 * @param {OptionDeclaration} declaration
 */
function checkObject(value, { name, default: fallback, example, options }) {
  if (value === null && fallback === null) return;
  if (!isPlainObject(value)) {
    throw new TypeError(`${name} must be ${fallback === null ? 'null or ' : ''}an object like ${example}; received ${describe(value)}`);
  }
  rejectUnknownKeys(
    value,
    options.map((option) => option.name),
    `${name} option`,
  );
  for (const option of options) {
    const item = value[option.name];
    if ((item !== undefined || option.required) && !hasType(item, option.type))
      throw typeError(`${name}.${option.name}`, option.type, item);
  }
}

/**
 * The complete request: rejects anything that is not a plain options object with only the
 * declared keys, fills in the defaults (a key given as undefined takes its default, as a
 * destructuring default would), then checks each value's JS type in the declared order. An
 * optional key left out or null is left out of the request.
 * @param {unknown} options
 * @param {readonly OptionDeclaration[]} declaration
 * @returns {any} the request, keyed by the declared names
 */
export function readOptions(options, declaration) {
  const known = declaration.map((option) => option.name);
  if (!isPlainObject(options)) {
    throw new TypeError(`options must be an object like { ${known.join(', ')} }; received ${describe(options)}`);
  }
  rejectUnknownKeys(options, known, 'option');
  const defaults = declaration.filter((option) => 'default' in option).map((option) => [option.name, option.default]);
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  const request = { ...Object.fromEntries(defaults), ...Object.fromEntries(given) };
  for (const option of declaration) {
    const value = request[option.name];
    if (option.type === 'object') {
      checkObject(value, option);
    } else if (option.optional && value == null) {
      delete request[option.name];
    } else if (!hasType(value, option.type)) {
      throw typeError(option.name, option.type, value);
    }
  }
  return request;
}

/** A raw core result, or the TypeError or RangeError of its { error, message }. */
export function unwrap(result) {
  if (result?.error === 'TypeError') throw new TypeError(result.message);
  if (result?.error === 'RangeError') throw new RangeError(result.message);
  return result;
}

/**
 * A function made from a declaration (pe.requests' entry { options, echo }) and the raw call it
 * wraps: options checked and completed, the raw result unwrapped, and with echo the options as
 * used beside the result (encode's { kind, start, count, dim, base, layout, data }). Options may
 * be left out when every option may. A module's functions and a stateful object's methods alike.
 * @param {{ options: readonly import('./options.js').OptionDeclaration[], echo: boolean }} declaration
 * @param {(request: object) => unknown} call
 */
export function fromDeclaration({ options: declaration, echo }, call) {
  const optional = declaration.every((option) => !option.required);
  return (options) => {
    const request = readOptions(options === undefined && optional ? {} : options, declaration);
    const result = unwrap(call(request));
    return echo ? { ...request, ...result } : result;
  };
}
