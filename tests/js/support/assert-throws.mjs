// The check every API test makes of a bad call: the error's type (TypeError for a wrong type,
// RangeError for a value out of range) and its exact message, which is what a caller reads.
import assert from 'node:assert/strict';

/** Asserts that call() throws an ErrorType whose message is exactly message. */
export function assertThrows(call, ErrorType, message) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof ErrorType, `expected ${ErrorType.name}, got ${error.name}`);
    assert.equal(error.message, message);
    return true;
  });
}
