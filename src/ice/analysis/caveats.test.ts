import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { caveatsFor, generalCaveats, type CaveatContext } from './caveats.js';

const PLAIN: CaveatContext = {
  detainers: 200,
  blank: 80,
  duplicates: { included: false, count: 7 },
  usesFacilities: false,
  inferredAgencies: [],
  usesDetainerType: false,
  otherValues: [],
};

const ids = (context: CaveatContext) => caveatsFor(context).map((caveat) => caveat.id);

describe('caveats', () => {
  it('always says: creation not service, detainers not people, blanks, declines undercounted, duplicates', () => {
    assert.deepEqual(ids(PLAIN), [
      'created-not-served',
      'detainers-not-people',
      'blank-lift-reason',
      'declines-undercounted',
      'duplicates-excluded',
    ]);
    const text = caveatsFor(PLAIN)
      .map((caveat) => caveat.text)
      .join('\n');
    assert.match(text, /created \(prepared\), not that it was served/);
    assert.match(text, /blank for 40\.0% of the detainers counted here/);
    assert.match(text, /pending, not honored, or never updated/);
    assert.match(text, /do not generally advise ICE/);
    assert.match(text, /7 likely duplicate detainers .* are left out/);
    assert.match(text, /only within one release/);
  });

  it('adds facility, inferred agency, detainer type and other-value caveats when they apply', () => {
    const caveats = caveatsFor({
      ...PLAIN,
      duplicates: { included: true, count: 3 },
      usesFacilities: true,
      inferredAgencies: ['nyc-doc'],
      usesDetainerType: true,
      otherValues: [
        { value: 'EARLY RELEASE', known: true, detainers: 5 },
        { value: 'SUPERSEDED', known: false, detainers: 2 },
      ],
    });
    const byId = new Map(caveats.map((caveat) => [caveat.id, caveat.text]));
    assert.match(byId.get('duplicates-included')!, /3 likely duplicate detainers .* are included/);
    assert.match(byId.get('facility-names')!, /mis-attributed counties/);
    assert.match(byId.get('agency-match-inferred')!, /nyc-doc/);
    assert.match(byId.get('detainer-type-reliability')!, /uncertain reliability/);
    assert.match(
      byId.get('other-lift-reasons')!,
      /: "EARLY RELEASE" \(5\); values our table does not know: "SUPERSEDED" \(2\)\./,
    );
  });

  it('lists the figure-free caveats for listings', () => {
    assert.deepEqual(
      generalCaveats().map((caveat) => caveat.id),
      ['created-not-served', 'detainers-not-people', 'declines-undercounted'],
    );
  });
});
