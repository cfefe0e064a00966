// Typed URL parameters. Each view declares its state as a schema of these; values read from a
// link are validated, and anything unusable falls back to the default with a note that says
// what was wrong, so a bad link still opens a working page.

/** An integer in [min, max]. */
export function integerParam(defaultValue, min, max) {
  return {
    defaultValue,
    parse(raw) {
      // Digits only: Number() would also take '0x10', '1e3', '+64' and ' 8'.
      const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
      if (!(value >= min && value <= max)) return { error: `must be a whole number from ${min} to ${max}` };
      return { value };
    },
    format: String,
  };
}

/** A whole number whose limits arrive later than the link is read (the training lab's come with
 *  the trainer's module): the view checks it against them. */
export function wholeParam(defaultValue) {
  return {
    defaultValue,
    parse(raw) {
      const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
      return Number.isSafeInteger(value) ? { value } : { error: `must be a whole number such as ${defaultValue}` };
    },
    format: String,
  };
}

/** A decimal number (digits, an optional fraction and exponent) that check(value) accepts; check
 *  returns null or what is wrong, e.g. the core's own message. */
export function numberParam(defaultValue, check) {
  return {
    defaultValue,
    parse(raw) {
      const value = /^-?\d{1,16}(\.\d{1,16})?(e[+-]?\d{1,3})?$/i.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(value)) return { error: 'must be a number such as 10000 or 0.5' };
      const problem = check(value);
      return problem ? { error: problem } : { value };
    },
    format: String,
  };
}

/** A decimal number whose limits the core owns: tryValue(value) runs a function of the core with
 *  it and throws the core's error for a value it rejects. The error's message ("base must be
 *  ...; received 1") is cut to the rule, since the link's note names the parameter and the value
 *  itself. */
export function coreCheckedParam(defaultValue, name, tryValue) {
  return numberParam(defaultValue, (value) => {
    try {
      tryValue(value);
      return null;
    } catch (error) {
      return error.message.replace(`${name} `, '').replace(/; received .*$/, '');
    }
  });
}

/** One of a fixed list of words. */
export function choiceParam(defaultValue, choices) {
  return {
    defaultValue,
    parse(raw) {
      return choices.includes(raw) ? { value: raw } : { error: `must be one of ${choices.join(', ')}` };
    },
    format: String,
  };
}

/** A name (lower-case letters, digits, '-' or '_') whose list arrives later than the link is read
 *  (the training lab's tasks come with its module): the view checks it against that list. */
export function nameParam(defaultValue) {
  return {
    defaultValue,
    parse(raw) {
      return /^[a-z][a-z0-9_-]{0,31}$/.test(raw) ? { value: raw } : { error: 'must be a name such as kback' };
    },
    format: String,
  };
}

/** Some of a fixed list of words, at least one, written comma-separated in the list's order. */
export function listParam(defaultValue, choices) {
  return {
    defaultValue,
    parse(raw) {
      const words = raw.split(',');
      const unknown = words.filter((word) => !choices.includes(word));
      if (unknown.length || raw === '') return { error: `must be one or more of ${choices.join(',')}, separated by commas` };
      return { value: choices.filter((choice) => words.includes(choice)) };
    },
    format: (value) => value.join(','),
  };
}

/** count words of a fixed list in the order written (one may repeat), comma-separated: the
 *  training lab's two schemes side by side. */
export function tupleParam(defaultValue, choices, count) {
  return {
    defaultValue,
    parse(raw) {
      const words = raw.split(',');
      if (words.length === count && words.every((word) => choices.includes(word))) return { value: words };
      return { error: `must be ${count} of ${choices.join(',')}, separated by commas` };
    },
    format: (value) => value.join(','),
  };
}

/** On/off, written as 1/0. */
export function flagParam(defaultValue) {
  return {
    defaultValue,
    parse(raw) {
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: 'must be 1 (on) or 0 (off)' };
    },
    format: (value) => (value ? '1' : '0'),
  };
}

/** Free text up to maxLength characters (shown as text, never parsed as markup). */
export function textParam(defaultValue, maxLength) {
  return {
    defaultValue,
    parse(raw) {
      return raw.length <= maxLength ? { value: raw } : { error: `must be at most ${maxLength} characters` };
    },
    format: String,
  };
}

function quote(raw) {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return `"${shown}"`;
}

/**
 * Reads one view's state. A parameter may be written plainly (`dim=8`) or for one view only
 * (`grid.dim=8`, which wins); on the full page every view reads the plain names it declares.
 * Returns { state, notes } where notes are readable sentences about rejected values, each
 * naming the view when namedView is set (on the full page one link feeds several views).
 */
export function readParams(search, viewName, schema, { namedView = false } = {}) {
  const state = {};
  const notes = [];
  for (const [name, param] of Object.entries(schema)) {
    const key = search.has(`${viewName}.${name}`) ? `${viewName}.${name}` : name;
    state[name] = param.defaultValue;
    if (!search.has(key)) continue;
    const raw = search.get(key);
    const parsed = param.parse(raw);
    if ('error' in parsed) {
      const where = namedView ? `In the ${viewName} view, ` : '';
      notes.push(`${where}${key} ${quote(raw)} ${parsed.error}, so the default ${quote(param.format(param.defaultValue))} is used.`);
    } else {
      state[name] = parsed.value;
    }
  }
  return { state, notes };
}

/**
 * Adds one view's non-default state to search: plainly in an embed, per view otherwise. A value
 * the link could not be read back with (text over its length limit) is left out, so a copied
 * link never opens with a complaint.
 */
export function writeParams(search, viewName, schema, state, { plain }) {
  for (const [name, param] of Object.entries(schema)) {
    // Compared as written, so that a list equal to the default is left out too.
    const text = param.format(state[name]);
    if (text !== param.format(param.defaultValue) && !('error' in param.parse(text))) {
      search.set(plain ? name : `${viewName}.${name}`, text);
    }
  }
}
