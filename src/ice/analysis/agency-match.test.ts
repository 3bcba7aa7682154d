import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JURISDICTIONS } from '../../law/jurisdictions.js';
import { AGENCY_ALIASES } from './agency-aliases.js';
import { agencySql, matchAgency } from './agency-match.js';
import { normalFacilityName } from './facility-names.js';
import { stateName } from './us-states.js';
import { openIceDatabase } from '../ice-database.js';

const CASES: [string, string, string | undefined][] = [
  ['NYC DEPT OF CORRECTIONS', 'NEW YORK', 'nyc-doc'],
  ['New York City Dept. of Correction', 'NY', 'nyc-doc'],
  ['RIKERS ISLAND - OBCC', 'NEW YORK', 'nyc-doc'],
  ['Otis Bantum Corr Ctr', 'NEW YORK', 'nyc-doc'],
  ['NYPD 75 PCT', 'NEW YORK', 'nyc-nypd'],
  ['NYC Dept of Probation', 'NEW YORK', 'nyc-probation'],
  // The state prison system is not the city's.
  ['NEW YORK STATE DEPT OF CORRECTIONS', 'NEW YORK', undefined],
  ['NASSAU COUNTY CORRECTIONAL CENTER', 'NEW YORK', undefined],
  // Not in New York: no match on the name alone.
  ['RIKERS ISLAND', 'NEW JERSEY', undefined],
  ['LOS ANGELES COUNTY JAIL', 'CALIFORNIA', 'california'],
  ['HARRIS CO JAIL', 'TX', 'texas'],
  ['MARICOPA COUNTY JAIL', 'ARIZONA', undefined],
];

describe('matching facilities to the desk’s agencies', () => {
  it('matches by name in New York City and by state for statewide laws', () => {
    for (const [facility, state, agency] of CASES) {
      assert.equal(matchAgency(facility, state)?.agency, agency, `${facility}, ${state}`);
    }
  });

  it('flags name patterns as inferred, statewide matches as sourced', () => {
    assert.equal(matchAgency('RIKERS ISLAND', 'NY')?.inferred, true);
    assert.equal(matchAgency('ANY JAIL', 'CALIFORNIA')?.inferred, false);
  });

  it('every alias names a jurisdiction the desk knows, with a source', () => {
    const known = new Set(JURISDICTIONS.map((jurisdiction) => jurisdiction.id));
    for (const alias of AGENCY_ALIASES) {
      assert.ok(known.has(alias.agency), alias.agency);
      assert.ok(alias.source.length > 10);
      assert.equal(normalFacilityName(alias.name) ?? undefined, alias.name, 'names are normalised');
    }
  });

  it('the SQL agrees with the function', async () => {
    const db = await openIceDatabase(':memory:');
    try {
      for (const [facility, state] of CASES) {
        const reader = await db.connection.runAndReadAll(
          `SELECT ${agencySql('$name', '$state')} AS agency, ${agencySql('$name', '$state', 'inferred')} AS inferred`,
          { name: normalFacilityName(facility) ?? '', state: stateName(state) ?? '' },
        );
        const row = reader.getRowObjectsJS()[0]!;
        const match = matchAgency(facility, state);
        assert.equal(row.agency, match?.agency ?? null, facility);
        assert.equal(row.inferred, match?.inferred ?? null, facility);
      }
    } finally {
      db.close();
    }
  });
});
