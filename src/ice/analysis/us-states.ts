/**
 * ICE's "Facility State" is the state's name in capitals ("NEW YORK") in the releases we know; a
 * user may type `NY` or `New York`. Both are read as the capitalised name so filters and the agency
 * matcher compare like with like. Codes: USPS two-letter abbreviations (states, DC, territories).
 * @module
 */
import { sqlString } from '../sql-text.js';

// prettier-ignore
const STATES: Readonly<Record<string, string>> = {
  AL: 'ALABAMA', AK: 'ALASKA', AZ: 'ARIZONA', AR: 'ARKANSAS', CA: 'CALIFORNIA', CO: 'COLORADO',
  CT: 'CONNECTICUT', DE: 'DELAWARE', DC: 'DISTRICT OF COLUMBIA', FL: 'FLORIDA', GA: 'GEORGIA',
  HI: 'HAWAII', ID: 'IDAHO', IL: 'ILLINOIS', IN: 'INDIANA', IA: 'IOWA', KS: 'KANSAS',
  KY: 'KENTUCKY', LA: 'LOUISIANA', ME: 'MAINE', MD: 'MARYLAND', MA: 'MASSACHUSETTS',
  MI: 'MICHIGAN', MN: 'MINNESOTA', MS: 'MISSISSIPPI', MO: 'MISSOURI', MT: 'MONTANA',
  NE: 'NEBRASKA', NV: 'NEVADA', NH: 'NEW HAMPSHIRE', NJ: 'NEW JERSEY', NM: 'NEW MEXICO',
  NY: 'NEW YORK', NC: 'NORTH CAROLINA', ND: 'NORTH DAKOTA', OH: 'OHIO', OK: 'OKLAHOMA',
  OR: 'OREGON', PA: 'PENNSYLVANIA', RI: 'RHODE ISLAND', SC: 'SOUTH CAROLINA', SD: 'SOUTH DAKOTA',
  TN: 'TENNESSEE', TX: 'TEXAS', UT: 'UTAH', VT: 'VERMONT', VA: 'VIRGINIA', WA: 'WASHINGTON',
  WV: 'WEST VIRGINIA', WI: 'WISCONSIN', WY: 'WYOMING', PR: 'PUERTO RICO', GU: 'GUAM',
  VI: 'U S VIRGIN ISLANDS', AS: 'AMERICAN SAMOA', MP: 'NORTHERN MARIANA ISLANDS',
};

/** The state's capitalised name for a name or code in any case; `undefined` for blank. */
export function stateName(value: string | null | undefined): string | undefined {
  const normal = (value ?? '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
  if (normal === '') return undefined;
  return STATES[normal.replace(/ /g, '')] ?? normal;
}

/** `stateName` in SQL (NULL for blank). */
export function stateNameSql(column: string): string {
  const normal = `trim(regexp_replace(upper(${column}), '[^A-Z]+', ' ', 'g'))`;
  const arms = Object.entries(STATES).map(
    ([code, name]) => `WHEN ${sqlString(code)} THEN ${sqlString(name)}`,
  );
  return `(CASE replace(${normal}, ' ', '') ${arms.join(' ')} ELSE nullif(${normal}, '') END)`;
}
