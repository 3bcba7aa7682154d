/**
 * Every legal test table, by jurisdiction and law version. The test runner and
 * `detainer-desk law show` both read this list: frozen, with every row, so no reader changes
 * what the next one reads.
 * @module
 */
import { deepFreeze } from '../engine/freeze.js';
import type { LawCase } from './testing/law-case.js';
import { CALIFORNIA_TRUST_ACT_CASES } from './california/trust-act-2013.cases.js';
import { CALIFORNIA_VALUES_ACT_CASES } from './california/values-act-2017.cases.js';
import { ILLINOIS_TRUST_ACT_CASES } from './illinois/trust-act-2017.cases.js';
import { ILLINOIS_WAY_FORWARD_CASES } from './illinois/way-forward-act-2021.cases.js';
import { OREGON_1987_CASES } from './oregon/sanctuary-1987.cases.js';
import { OREGON_SANCTUARY_PROMISE_CASES } from './oregon/sanctuary-promise-act-2021.cases.js';
import { LL22_DOC_CASES } from './nyc/doc/ll22-2013.cases.js';
import { LL58_DOC_CASES } from './nyc/doc/ll58-2014.cases.js';
import { LL62_DOC_CASES } from './nyc/doc/ll62-2011.cases.js';
import { LL21_NYPD_CASES } from './nyc/nypd/ll21-2013.cases.js';
import { LL59_NYPD_CASES } from './nyc/nypd/ll59-2014.cases.js';
import { LL226_PROBATION_CASES } from './nyc/probation/ll226-2017.cases.js';
import { TEXAS_SB4_CASES } from './texas/sb4-2017.cases.js';

export interface LawCaseTable {
  jurisdiction: string;
  version: string;
  cases: readonly LawCase[];
}

export const LAW_CASE_TABLES: readonly LawCaseTable[] = deepFreeze([
  { jurisdiction: 'nyc-doc', version: 'LL62/2011', cases: LL62_DOC_CASES },
  { jurisdiction: 'nyc-doc', version: 'LL22/2013', cases: LL22_DOC_CASES },
  { jurisdiction: 'nyc-doc', version: 'LL58/2014', cases: LL58_DOC_CASES },
  { jurisdiction: 'nyc-nypd', version: 'LL21/2013', cases: LL21_NYPD_CASES },
  { jurisdiction: 'nyc-nypd', version: 'LL59/2014', cases: LL59_NYPD_CASES },
  { jurisdiction: 'nyc-probation', version: 'LL226/2017', cases: LL226_PROBATION_CASES },
  {
    jurisdiction: 'california',
    version: 'TRUST Act, AB 4 (2013)',
    cases: CALIFORNIA_TRUST_ACT_CASES,
  },
  {
    jurisdiction: 'california',
    version: 'California Values Act, SB 54 (2017)',
    cases: CALIFORNIA_VALUES_ACT_CASES,
  },
  { jurisdiction: 'texas', version: 'SB 4 (2017)', cases: TEXAS_SB4_CASES },
  {
    jurisdiction: 'illinois',
    version: 'TRUST Act, P.A. 100-0463 (2017)',
    cases: ILLINOIS_TRUST_ACT_CASES,
  },
  {
    jurisdiction: 'illinois',
    version: 'Illinois Way Forward Act, P.A. 102-0234 (2021)',
    cases: ILLINOIS_WAY_FORWARD_CASES,
  },
  {
    jurisdiction: 'oregon',
    version: 'ORS 181.850 (1987) and ORS 180.805 (2017)',
    cases: OREGON_1987_CASES,
  },
  {
    jurisdiction: 'oregon',
    version: 'Sanctuary Promise Act, HB 3265 (2021)',
    cases: OREGON_SANCTUARY_PROMISE_CASES,
  },
]);
