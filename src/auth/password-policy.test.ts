import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblem } from './password-policy.js';

describe('the password policy (NIST SP 800-63B: length and a blocklist)', () => {
  it('refuses common passwords, also with digits or symbols added around them', () => {
    for (const password of [
      'password1234',
      'Password1234!',
      '!!monkey2024!!',
      'qwertyuiop12',
      '123456789012',
      'iloveyou2024',
    ]) {
      assert.match(passwordProblem(password) ?? '', /common|easy to guess/, password);
    }
  });

  it('refuses repeats, sequences and the account’s own name', () => {
    assert.match(passwordProblem('aaaaaaaaaaaa') ?? '', /easy to guess/);
    assert.match(passwordProblem('abcdefghijklmn') ?? '', /easy to guess/);
    assert.match(
      passwordProblem('mjohnson1985!', { username: 'mjohnson', displayName: 'Mary Johnson' }) ?? '',
      /easy to guess/,
    );
  });

  it('counts characters as a person does, and bounds the length', () => {
    assert.match(passwordProblem('short-pass') ?? '', /at least 12/);
    assert.match(passwordProblem('x'.repeat(201)) ?? '', /at most 200/);
    // 12 emoji are 24 UTF-16 units but 12 characters.
    assert.equal(passwordProblem('🦉🐙🦀🌵🍄🪐🚲🧭🎻🧵🪁🦔'), undefined);
  });

  it('accepts passphrases and the demo password', () => {
    for (const password of [
      'correct horse battery staple',
      'demo-password-1',
      'tulip granite kettle 42',
      'Zk3-pQ9v-Lm2x',
    ]) {
      assert.equal(passwordProblem(password), undefined, password);
    }
  });
});
