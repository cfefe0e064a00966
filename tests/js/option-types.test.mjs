// The TypeScript option types against the declarations the core checks options with: the
// checked-in web/types/options.d.ts must be exactly what web/build/option-types.mjs writes from
// pe.requests, and every key of a scaling object the core declares must have its place in the
// hand-written Scaling union (web/types/values.d.ts), which the declarations' flat keys cannot
// discriminate by type.
// Run: node --test tests/js/option-types.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { checkedIn, optionTypes } from '../../web/build/option-types.mjs';
import { loadPE } from '../../web/pe.js';

const pe = await loadPE();

test('the checked-in option types are the ones the declarations give', async () => {
  assert.equal(checkedIn(), await optionTypes(), 'web/types/options.d.ts is stale: run node web/build/option-types.mjs');
});

test('the Scaling union names every key of a scaling object the core declares', () => {
  const values = readFileSync(new URL('../../web/types/values.d.ts', import.meta.url), 'utf8');
  const union = values.slice(values.indexOf('export interface Llama3Scaling'), values.indexOf('export type Scaling ='));
  const scaling = pe.requests.rotate.options.find((option) => option.name === 'scaling');
  for (const { name, choices } of scaling.options) {
    assert.match(union, new RegExp(`\\b${name}\\??:`), `the Scaling types lack ${name}`);
    for (const type of choices ?? []) assert.match(union, new RegExp(`type: '${type}'`), `no Scaling type '${type}'`);
  }
});

// The words a message uses for a range (src/core/options.cpp's allowed()), from its numbers.
function rangeWords({ minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf }) {
  const n = (value) => String(value);
  if (multipleOf) return `${multipleOf === 2 ? 'an even integer' : 'an integer'} from ${n(minimum)} to ${n(maximum)}`;
  if (exclusiveMinimum !== undefined && maximum !== undefined)
    return `a number greater than ${n(exclusiveMinimum)} and at most ${n(maximum)}`;
  if (exclusiveMinimum !== undefined) return `a finite number greater than ${n(exclusiveMinimum)}`;
  if (exclusiveMaximum !== undefined) return `a number at least ${n(minimum)} and less than ${n(exclusiveMaximum)}`;
  return `a number from ${n(minimum)} to ${n(maximum)}`;
}

const N = '-?\\d[\\d.e+-]*'; // a number as the words write it

test('every numeric limit is declared as numbers too, the same limit its words state', async () => {
  const modules = { core: pe.requests, trainer: await pe.loadTrainer() };
  const options = (list) => list.flatMap((option) => [option, ...options(option.options ?? [])]);
  let ranges = 0;
  for (const [module, requests] of Object.entries(modules)) {
    for (const [request, { options: declared }] of Object.entries(requests)) {
      for (const option of options(declared)) {
        const where = `${module} ${request}.${option.name}`;
        // A range's words alone (an integer's with a note in brackets); a rule involving other
        // options (stated: "... while the last step ...") has none.
        const numeric = new RegExp(
          `^(an?( even)? integer from ${N} to ${N}( \\(.*\\))?|a number from ${N} to ${N}|a (finite )?number greater than ${N}( and at most ${N})?|a number at least ${N} and less than ${N})$`,
        ).test(option.allowed);
        assert.equal('range' in option, numeric, `${where}: a range exactly where the words state one (${option.allowed})`);
        if (!numeric) continue;
        ranges += 1;
        // An integer limit may carry a note after its bounds (" (2^31 - 1)").
        assert.ok(
          option.allowed.startsWith(rangeWords(option.range)),
          `${where}: ${JSON.stringify(option.range)} against "${option.allowed}"`,
        );
      }
    }
  }
  assert.ok(ranges > 50, `${ranges} ranges checked`);
});
