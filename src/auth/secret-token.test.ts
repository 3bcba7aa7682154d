import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newSecretToken, sameSecret } from './secret-token.js';

describe('secret tokens', () => {
  it('sameSecret tells the expected secret from any other, whatever its length', () => {
    const token = newSecretToken('csrf');
    assert.equal(sameSecret(token, token), true);
    assert.equal(sameSecret(`${token}x`, token), false);
    assert.equal(sameSecret(token.slice(0, -1), token), false);
    assert.equal(sameSecret('', token), false);
    assert.equal(sameSecret(undefined, token), false);
  });
});
