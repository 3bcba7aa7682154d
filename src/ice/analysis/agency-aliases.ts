/**
 * Which of the desk's jurisdictions (src/law/jurisdictions.ts) a facility in ICE's data falls
 * under. Data, with its source. Matched against the normalised facility name (facility-names.ts)
 * and the state's name, in order; the first match wins.
 *
 * - `name`: the normalised name must contain this phrase as whole words; absent: every facility
 *   in the state (a statewide law).
 * - `inferred: true` where the mapping is our reading, not a source's: ICE's own spellings of
 *   New York City's facilities are not documented, so the phrases for them are inferred from the
 *   agencies' published names. Every result that relies on one says so.
 * @module
 */

export interface AgencyAlias {
  /** A jurisdiction id from src/law/jurisdictions.ts. */
  agency: string;
  /** The state's capitalised name, as `stateName` gives it. */
  state: string;
  /** A normalised phrase the facility name must contain; absent for the whole state. */
  name?: string;
  source: string;
  inferred: boolean;
}

const NYC_DOC_FACILITIES =
  'NYC Department of Correction, facilities list (www.nyc.gov/site/doc/about/facilities.page); ' +
  'ICE’s spelling inferred';
const NAME_IN_LAW = 'the agency’s name in the desk’s law (src/law/nyc); ICE’s spelling inferred';

export const AGENCY_ALIASES: readonly AgencyAlias[] = [
  // The New York State prison system is not NYC's: "NEW YORK STATE DEPARTMENT OF CORRECTION…"
  // does not contain "NEW YORK CITY DEPARTMENT OF CORRECTION".
  {
    agency: 'nyc-doc',
    state: 'NEW YORK',
    name: 'NEW YORK CITY DEPARTMENT OF CORRECTION',
    source: NAME_IN_LAW,
    inferred: true,
  },
  ...[
    'RIKERS ISLAND',
    'OTIS BANTUM CORRECTIONAL CENTER',
    'GEORGE R VIERNO CENTER',
    'ROBERT N DAVOREN',
    'ANNA M KROSS CENTER',
    'ERIC M TAYLOR CENTER',
    'ROSE M SINGER CENTER',
    'GEORGE MOTCHAN DETENTION CENTER',
    'NORTH INFIRMARY COMMAND',
    'VERNON C BAIN',
    'MANHATTAN DETENTION COMPLEX',
    'BROOKLYN DETENTION COMPLEX',
  ].map((name) => ({
    agency: 'nyc-doc',
    state: 'NEW YORK',
    name,
    source: NYC_DOC_FACILITIES,
    inferred: true,
  })),
  {
    agency: 'nyc-nypd',
    state: 'NEW YORK',
    name: 'NEW YORK CITY POLICE DEPARTMENT',
    source: NAME_IN_LAW,
    inferred: true,
  },
  { agency: 'nyc-nypd', state: 'NEW YORK', name: 'NYPD', source: NAME_IN_LAW, inferred: true },
  {
    agency: 'nyc-probation',
    state: 'NEW YORK',
    name: 'NEW YORK CITY DEPARTMENT OF PROBATION',
    source: NAME_IN_LAW,
    inferred: true,
  },
  {
    agency: 'california',
    state: 'CALIFORNIA',
    source:
      'Cal. Gov. Code § 7284.4 (California Values Act): binds every state and local law enforcement agency in California',
    inferred: false,
  },
  {
    agency: 'texas',
    state: 'TEXAS',
    source:
      'Tex. Code Crim. Proc. art. 2.251 (SB 4): binds every law enforcement agency in Texas with custody of a person',
    inferred: false,
  },
];
