/**
 * What every count from ICE's detainer data must say about itself, in words (ice-formats.md, the
 * caveats at the top, from the data's own documentation and TRAC's notes). `caveatsFor` picks the
 * ones that apply to one result and fills in its figures; the CLI and the API print them all.
 * @module
 */

export interface Caveat {
  id: string;
  text: string;
}

export interface CaveatContext {
  /** Detainers counted, and how many of them have a blank lift reason. */
  detainers: number;
  blank: number;
  duplicates: { included: boolean; count: number };
  /** The result groups or filters by facility or agency. */
  usesFacilities: boolean;
  /** Agencies matched through an alias flagged `inferred`, if any contributed. */
  inferredAgencies: readonly string[];
  /** The result groups or filters by detainer type. */
  usesDetainerType: boolean;
  /** Raw lift reasons counted as "other"; `known` when the table put them there on purpose. */
  otherValues: readonly { value: string; known: boolean; detainers: number }[];
  /** File names of the synthetic demo releases the result counts (synthetic-release.ts). */
  syntheticReleases?: readonly string[];
}

/** How the importer flags them (after the Deportation Data Project's cleaning, §1.4). */
const DUPLICATE =
  '(flagged at import: the same person id within 24 hours of an earlier detainer, after the ' +
  'Deportation Data Project’s cleaning)';

const percent = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;

const CREATED_NOT_SERVED: Caveat = {
  id: 'created-not-served',
  text:
    'ICE records that a detainer was created (prepared), not that it was served on or ' +
    'received by the agency: these are counts of detainers ICE prepared.',
};

const DETAINERS_NOT_PEOPLE: Caveat = {
  id: 'detainers-not-people',
  text:
    'One person can get several detainers: these are counts of detainers, not of people. ' +
    'ICE’s anonymised person ids link records only within one release, so nothing here ' +
    'follows a person across releases, and no person id or record is ever shown.',
};

const DECLINES_UNDERCOUNTED: Caveat = {
  id: 'declines-undercounted',
  text:
    '"Declined" counts only "Detainer Declined by LEA". ICE says jails "do not generally ' +
    'advise ICE" when they decline, so declines are undercounted and every decline rate ' +
    'here is a lower bound.',
};

/**
 * First whenever the demo's synthetic release is counted: its figures are made up. The file name
 * carries the label (`SYNTHETIC DEMO RELEASE — not ICE data`).
 */
export function syntheticReleaseCaveat(fileNames: readonly string[]): Caveat {
  return {
    id: 'synthetic-release',
    text:
      `These figures include ${fileNames.map((name) => `"${name}"`).join(', ')}: a synthetic ` +
      'release the demo made up (invented facilities and people, volumes and outcomes chosen ' +
      'only so the pages have something to show). It is not ICE data and says nothing about ' +
      'any real agency.',
  };
}

/** The caveats that need no figures, for answers that list the data rather than count it. */
export function generalCaveats(syntheticReleases: readonly string[] = []): Caveat[] {
  return [
    ...(syntheticReleases.length > 0 ? [syntheticReleaseCaveat(syntheticReleases)] : []),
    CREATED_NOT_SERVED,
    DETAINERS_NOT_PEOPLE,
    DECLINES_UNDERCOUNTED,
  ];
}

export function caveatsFor(context: CaveatContext): Caveat[] {
  const synthetic = context.syntheticReleases ?? [];
  const caveats: Caveat[] = [
    ...(synthetic.length > 0 ? [syntheticReleaseCaveat(synthetic)] : []),
    CREATED_NOT_SERVED,
    DETAINERS_NOT_PEOPLE,
    {
      id: 'blank-lift-reason',
      text:
        `The lift reason is blank for ${percent(context.blank, context.detainers)} of the ` +
        'detainers counted here (about 40% of recent rows in ICE’s data). A blank can mean ' +
        'still pending, not honored, or never updated; it is counted as "blank", never as ' +
        'honored or declined.',
    },
    DECLINES_UNDERCOUNTED,
    context.duplicates.included
      ? {
          id: 'duplicates-included',
          text: `${context.duplicates.count} likely duplicate detainers ${DUPLICATE} are included.`,
        }
      : {
          id: 'duplicates-excluded',
          text:
            `${context.duplicates.count} likely duplicate detainers ${DUPLICATE} are left out; ` +
            'ask to include duplicates to count them.',
        },
  ];
  if (context.usesFacilities) {
    caveats.push({
      id: 'facility-names',
      text:
        'Facility names are ICE’s, normalised only for spelling (case, punctuation, common ' +
        'abbreviations). ICE’s own 2017 weekly decline report had to be corrected for ' +
        'mis-attributed counties: check a facility’s name before attributing its counts.',
    });
  }
  if (context.inferredAgencies.length > 0) {
    caveats.push({
      id: 'agency-match-inferred',
      text:
        `Facilities were matched to ${context.inferredAgencies.join(', ')} by name patterns we ` +
        'inferred from the agencies’ published names, not from a list ICE published: verify the ' +
        'facilities behind these counts before relying on them.',
    });
  }
  if (context.usesDetainerType) {
    caveats.push({
      id: 'detainer-type-reliability',
      text:
        'The Deportation Data Project calls ICE’s Detainer Type of uncertain reliability; the ' +
        'hold / notification split follows the form named in it (I-247, I-247D, I-247A: hold; ' +
        'I-247N: notification).',
    });
  }
  if (context.otherValues.length > 0) {
    const list = (known: boolean) =>
      context.otherValues
        .filter((other) => other.known === known)
        .map((other) => `"${other.value}" (${other.detainers})`)
        .join(', ');
    const known = list(true);
    const unknown = list(false);
    caveats.push({
      id: 'other-lift-reasons',
      text:
        '"Other" holds lift reasons that say neither booked, declined nor lifted by ICE: ' +
        [known, unknown === '' ? '' : `values our table does not know: ${unknown}`]
          .filter((part) => part !== '')
          .join('; ') +
        '.',
    });
  }
  return caveats;
}
