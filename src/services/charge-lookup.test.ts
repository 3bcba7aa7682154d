import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeskError } from '../desk/errors.js';
import { lookUpCharge } from './charge-lookup.js';

describe('a charge beside the violent-or-serious crime list', () => {
  it('reads a whole code and names the listed offence of its section', () => {
    const found = lookUpCharge({ q: 'PL 120.05(2)' });
    assert.equal(found.charge, 'PL 120.05(2)');
    assert.equal(found.problem, null);
    assert.deepEqual(
      found.listed.map((hit) => [hit.code, hit.offense]),
      [['PL 120.05', 'Assault in the second degree']],
    );
  });

  it('says a readable code of an unlisted section is not on the list', () => {
    assert.deepEqual(lookUpCharge({ q: 'PL 155.30' }), {
      charge: 'PL 155.30',
      problem: null,
      listed: [],
    });
  });

  it('lists each listed subdivision of a section listed only in part', () => {
    const codes = lookUpCharge({ q: '265.02' }).listed.map((hit) => hit.code);
    assert.ok(codes.includes('PL 265.02(2)'));
    assert.ok(!codes.includes('PL 265.02'));
  });

  it('offers the listed sections that begin with a partial code, and says why it cannot be read', () => {
    const partial = lookUpCharge({ q: '120.1' });
    assert.equal(partial.charge, null);
    assert.match(partial.problem ?? '', /not a Penal Law section/);
    assert.ok(partial.listed.length > 0 && partial.listed.length <= 10);
    assert.ok(partial.listed.every((hit) => hit.code.startsWith('PL 120.1')));
  });

  it('refuses an empty query, naming the field', () => {
    assert.throws(
      () => lookUpCharge({ q: '  ' }),
      (error) => error instanceof DeskError && error.issues[0]?.path === 'q',
    );
  });
});
