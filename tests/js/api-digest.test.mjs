// Every number and message of the API as recorded before the boundary was rewritten: the digest
// of each of tests/regression/api-calls.mjs' 2,000-odd calls (good and bad) must not change. A
// new function's calls are added to the record (--add); a deliberate change to the API records a
// new digest (--write) in the same commit, which says why.
// Run: node --test tests/js/api-digest.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { differences, digestApi, recordedDigest } from '../regression/api-digest.mjs';

test('every call of the fixed set returns what it returned when the digest was recorded', async () => {
  const recorded = recordedDigest();
  const current = await digestApi();
  assert.deepEqual(differences(recorded, current), []);
});
