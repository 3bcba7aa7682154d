/**
 * NYC's "violent or serious crime" list, as data.
 *
 * The list is identical in DOC § 9-131(a)(7) (added by Local Law 58 of 2014, § 1) and NYPD
 * § 14-154(a)(6) (Local Law 59 of 2014, § 1), both effective 2014-12-14; Probation § 9-205
 * (Local Law 226 of 2017) borrows § 9-131's definitions. The City text has not been edited since
 * (LL228/2017 and LL63/2026 left it alone); the Penal Law it points into has drifted, which the
 * `repealedOn` dates and the subparagraph (v) rows record.
 *
 * Membership is verbatim from the Local Laws. Offence names are the Penal Law headings as of 2014
 * and `classText` is the researcher's reading of the felony class: information only, not
 * individually verified, and never used to decide whether a conviction was a felony.
 *
 * Encoded from the project's research notes (nyc.md §§ 2.4, 5) and their table of the list.
 * @module
 */
import { deepFreeze } from '../../engine/freeze.js';

/** The five subparagraphs of § 9-131(a)(7) / § 14-154(a)(6). */
export type Subparagraph = 'i' | 'ii' | 'iii' | 'iv' | 'v';

/** One listed offence (or, for (iii), the one listed category of inchoate offences). */
export interface CrimeListEntry {
  readonly subparagraph: Subparagraph;
  readonly law: 'PL' | 'VTL';
  /** Section as written in the list without its subdivision limit: "120.04-a", "265.02", VTL "600". */
  readonly section: string;
  /**
   * When present, only these subdivision paths are listed; a conviction's subdivision must start
   * with one of them. `[["2"],["3"],…,["8"]]` for 265.02(2) through (8), `[["2","b"]]` for
   * 135.65(2)(b). Absent: the whole section (felony grades only).
   */
  readonly subdivisions?: readonly (readonly string[])[];
  /** Penal Law heading (2014 name; later renames are in `note`). */
  readonly offense: string;
  /** Felony class as researched. Information only: the conviction's own level decides. */
  readonly classText: string;
  /** First day the entry was part of the law (YYYY-MM-DD). For `inferred` rows, see `note`. */
  readonly listedFrom: string;
  /** The enactment (or proposed rule) that put the entry on the list. */
  readonly listedBy: string;
  /** First day the Penal Law section no longer existed; judgments before it still count. */
  readonly repealedOn?: string;
  /** 'verbatim': in the Local Law text. 'inferred': researcher's reading of an unverified rule. */
  readonly verification: 'verbatim' | 'inferred';
  readonly sources: readonly string[];
  readonly note?: string;
}

/** Int 486-2014 (Local Law 58 of 2014) on Legistar. */
const LEGISTAR_INT_486 =
  'https://legistar.council.nyc.gov/LegislationDetail.aspx?ID=1935437&GUID=0A456911-54A6-41E5-8C5A-1D3B231D56AA';
/** Local Law 58 of 2014 (DOC § 9-131) as enacted. */
const LL58_PDF =
  'http://nyc.legistar1.com/nyc/attachments/b5e3ee8e-1362-4239-8ba3-707c15c3c1f6.pdf';
/** Local Law 59 of 2014 (NYPD § 14-154) as enacted. */
const LL59_PDF =
  'http://nyc.legistar1.com/nyc/attachments/5779c392-f613-40a1-b4e8-e12f9690be18.pdf';
/** The 2019 DOC proposed rule under § 9-131(a)(7)(v) and the press reports of its seven additions. */
const DOC_RULE_2019_SOURCES = [
  'https://rules.cityofnewyork.us/content/doc-proposed-rule-re-felony-offenses-related-immigration-detainer-requests',
  'https://documentedny.com/2019/05/13/early-arrival-de-blasio-backs-up-ice-cooperation-expansion/',
  'https://gothamist.com/news/de-blasio-defends-expanded-cooperation-with-ice-for-serious-crimes',
];

/** L.2019 ch.1 (Reproductive Health Act, A00021): repealed PL §§ 125.40–125.60; signed 2019-01-22. */
const REPRODUCTIVE_HEALTH_ACT_SOURCES = [
  'https://nyassembly.gov/leg/?default_fld=%25EF%25BF%25BD%25EF%25BF%25BDvideo=1&bn=A00021&term=2019&Summary=Y&Text=Y',
  'https://www.legiscan.com/NY/text/A00021/2019',
];
/** Later Penal Law text referring to crimes "formerly defined in" 130.40, 130.45 and 130.50. */
const CRIMINAL_SEXUAL_ACT_REPEAL_SOURCES = [
  'https://www.nysenate.gov/legislation/laws/PEN/120.40',
  'https://lexace.ai/us/statute/new-york/pen-70.02',
];
/** 2015 Trafficking Victims Protection and Justice Act (text of its 2014 bill, A08808). */
const TRAFFICKING_ACT_2015_SOURCES = [
  'https://ww.amgoa.org/gun-law-texts/New-York/2015/A08808-Introduced-2014-02-14.html',
];

/** LL58/2014 and LL59/2014 took effect 30 days after signature (2014-11-14). */
const LISTED_FROM_2014 = '2014-12-14';
const LISTED_BY_2014 =
  'LL58/2014 § 1 (DOC § 9-131(a)(7)) and LL59/2014 § 1 (NYPD § 14-154(a)(6)), effective 2014-12-14; Probation § 9-205 by reference (LL226/2017); unchanged by LL228/2017 and LL63/2026';

function statuteUrl(law: 'PL' | 'VTL', section: string): string {
  const code = law === 'PL' ? 'PEN' : 'VAT';
  return `https://www.nysenate.gov/legislation/laws/${code}/${section}`;
}

interface EnumeratedDetails {
  subdivisions?: string[][];
  repealedOn?: string;
  note?: string;
  /** Sources beyond the Local Laws and the statute itself (e.g. for a repeal). */
  sources?: string[];
}

/** An offence enumerated in subparagraph (i): "a felony defined in any of the following sections". */
function enumerated(
  section: string,
  offense: string,
  classText: string,
  details: EnumeratedDetails = {},
): CrimeListEntry {
  return {
    subparagraph: 'i',
    law: 'PL',
    section,
    ...(details.subdivisions ? { subdivisions: details.subdivisions } : {}),
    offense,
    classText,
    listedFrom: LISTED_FROM_2014,
    listedBy: LISTED_BY_2014,
    ...(details.repealedOn ? { repealedOn: details.repealedOn } : {}),
    verification: 'verbatim',
    sources: [
      LEGISTAR_INT_486,
      LL58_PDF,
      LL59_PDF,
      statuteUrl('PL', section),
      ...(details.sources ?? []),
    ],
    ...(details.note ? { note: details.note } : {}),
  };
}

/**
 * Subparagraph (v) lets DOC, in consultation with NYPD, add by rule any crime codified after 2014
 * that it determines to be a felony involving violence, force, firearms, terrorism, or
 * endangerment or abuse of vulnerable persons (DOC must first send proposed additions to the
 * Speaker, 60 days before publishing; the NYPD text lacks that sentence).
 * In 2019 DOC proposed adding seven offences; the rule text and any notice of adoption were not
 * found, so these rows are the researcher's inference (nyc.md § 4.2, § 8 item 2). The seventh
 * offence is unknown. The matcher answers 'legal-review' for them, never 'listed'.
 */
function proposedIn2019(
  section: string,
  offense: string,
  classText: string,
  note: string,
  sources: string[],
): CrimeListEntry {
  return {
    subparagraph: 'v',
    law: 'PL',
    section,
    offense,
    classText,
    // Not an adoption date: the day public comment closed, the earliest the rule could be adopted.
    listedFrom: '2019-08-12',
    listedBy:
      'DOC proposed rule under § 9-131(a)(7)(v) / § 14-154(a)(6)(v), announced May 2019, comments closed 2019-08-12; final adoption NOT verified',
    verification: 'inferred',
    sources: [...DOC_RULE_2019_SOURCES, statuteUrl('PL', section), ...sources],
    note: `INFERRED: reported as one of seven offences in DOC's 2019 proposed rule; the section number is the researcher's inference and adoption is not verified, so listedFrom (close of comments) is only the earliest possible date. ${note}`,
  };
}

const ENTRIES: CrimeListEntry[] = [
  enumerated('120.01', 'Reckless assault of a child by a child day care provider', 'E felony'),
  enumerated('120.02', 'Reckless assault of a child', 'D felony'),
  enumerated('120.03', 'Vehicular assault in the second degree', 'E felony'),
  enumerated('120.04', 'Vehicular assault in the first degree', 'D felony'),
  enumerated('120.04-a', 'Aggravated vehicular assault', 'C felony', {
    subdivisions: [['4']],
    note: 'Subdivision 4 only (serious physical injury to more than one other person).',
  }),
  enumerated('120.05', 'Assault in the second degree', 'D felony'),
  enumerated('120.06', 'Gang assault in the second degree', 'C felony'),
  enumerated('120.07', 'Gang assault in the first degree', 'B felony'),
  enumerated(
    '120.08',
    'Assault on a peace officer, police officer, fireman or emergency medical services professional',
    'C felony',
  ),
  enumerated('120.09', 'Assault on a judge', 'C felony'),
  enumerated('120.10', 'Assault in the first degree', 'B felony'),
  enumerated('120.11', 'Aggravated assault upon a police officer or a peace officer', 'B felony'),
  enumerated('120.12', 'Aggravated assault upon a person less than eleven years old', 'E felony'),
  enumerated('120.13', 'Menacing in the first degree', 'E felony'),
  enumerated('120.18', 'Menacing a police officer or peace officer', 'D felony'),
  enumerated('120.25', 'Reckless endangerment in the first degree', 'D felony'),
  enumerated('120.55', 'Stalking in the second degree', 'E felony'),
  enumerated('120.60', 'Stalking in the first degree', 'D felony'),
  enumerated(
    '120.70',
    'Luring a child',
    'E felony (raised one class when the intended offense is a class A or B felony)',
  ),
  enumerated('121.12', 'Strangulation in the second degree', 'D felony'),
  enumerated('121.13', 'Strangulation in the first degree', 'C felony'),
  enumerated('125.10', 'Criminally negligent homicide', 'E felony'),
  enumerated('125.11', 'Aggravated criminally negligent homicide', 'C felony'),
  enumerated('125.12', 'Vehicular manslaughter in the second degree', 'D felony'),
  enumerated('125.13', 'Vehicular manslaughter in the first degree', 'C felony'),
  enumerated('125.14', 'Aggravated vehicular homicide', 'B felony'),
  enumerated('125.15', 'Manslaughter in the second degree', 'C felony'),
  enumerated('125.20', 'Manslaughter in the first degree', 'B felony'),
  enumerated('125.21', 'Aggravated manslaughter in the second degree', 'C felony'),
  enumerated('125.22', 'Aggravated manslaughter in the first degree', 'B felony'),
  enumerated('125.25', 'Murder in the second degree', 'A-I felony'),
  enumerated('125.26', 'Aggravated murder', 'A-I felony'),
  enumerated('125.27', 'Murder in the first degree', 'A-I felony'),
  enumerated('125.40', 'Abortion in the second degree', 'E felony', {
    repealedOn: '2019-01-22',
    note: 'Repealed by L.2019 ch.1 (Reproductive Health Act), signed and effective 2019-01-22; still listed for judgments entered before the repeal.',
    sources: REPRODUCTIVE_HEALTH_ACT_SOURCES,
  }),
  enumerated('125.45', 'Abortion in the first degree', 'D felony', {
    repealedOn: '2019-01-22',
    note: 'Repealed by L.2019 ch.1 (Reproductive Health Act), signed and effective 2019-01-22; still listed for judgments entered before the repeal.',
    sources: REPRODUCTIVE_HEALTH_ACT_SOURCES,
  }),
  enumerated('130.25', 'Rape in the third degree', 'E felony'),
  enumerated('130.30', 'Rape in the second degree', 'D felony'),
  enumerated('130.35', 'Rape in the first degree', 'B felony'),
  enumerated('130.40', 'Criminal sexual act in the third degree', 'E felony', {
    repealedOn: '2024-09-01',
    note: 'Repealed effective 2024-09-01 (conduct folded into rape in the third degree, PL 130.25, which is listed); still listed for judgments entered before the repeal.',
    sources: CRIMINAL_SEXUAL_ACT_REPEAL_SOURCES,
  }),
  enumerated('130.45', 'Criminal sexual act in the second degree', 'D felony', {
    repealedOn: '2024-09-01',
    note: 'Repealed effective 2024-09-01 (conduct folded into rape in the second degree, PL 130.30, which is listed); still listed for judgments entered before the repeal.',
    sources: CRIMINAL_SEXUAL_ACT_REPEAL_SOURCES,
  }),
  enumerated('130.50', 'Criminal sexual act in the first degree', 'B felony', {
    repealedOn: '2024-09-01',
    note: 'Repealed effective 2024-09-01 (conduct folded into rape in the first degree, PL 130.35, which is listed); still listed for judgments entered before the repeal.',
    sources: CRIMINAL_SEXUAL_ACT_REPEAL_SOURCES,
  }),
  enumerated('130.53', 'Persistent sexual abuse', 'E felony'),
  enumerated('130.65', 'Sexual abuse in the first degree', 'D felony'),
  enumerated('130.65-a', 'Aggravated sexual abuse in the fourth degree', 'E felony'),
  enumerated('130.66', 'Aggravated sexual abuse in the third degree', 'D felony'),
  enumerated('130.67', 'Aggravated sexual abuse in the second degree', 'C felony'),
  enumerated('130.70', 'Aggravated sexual abuse in the first degree', 'B felony'),
  enumerated('130.75', 'Course of sexual conduct against a child in the first degree', 'B felony'),
  enumerated('130.80', 'Course of sexual conduct against a child in the second degree', 'D felony'),
  enumerated('130.85', 'Female genital mutilation', 'E felony'),
  enumerated('130.90', 'Facilitating a sex offense with a controlled substance', 'D felony'),
  enumerated('130.95', 'Predatory sexual assault', 'A-II felony'),
  enumerated('130.96', 'Predatory sexual assault against a child', 'A-II felony'),
  enumerated('135.10', 'Unlawful imprisonment in the first degree', 'E felony'),
  enumerated('135.20', 'Kidnapping in the second degree', 'B felony'),
  enumerated('135.25', 'Kidnapping in the first degree', 'A-I felony'),
  enumerated('135.35', 'Labor trafficking', 'D felony'),
  enumerated('135.50', 'Custodial interference in the first degree', 'E felony'),
  enumerated('135.65', 'Coercion in the first degree', 'D felony', {
    subdivisions: [['2', 'b']],
    note: 'Subdivision 2, paragraph (b) only (compelling or inducing the victim to cause or attempt to cause physical injury).',
  }),
  enumerated('140.17', 'Criminal trespass in the first degree', 'D felony'),
  enumerated('140.25', 'Burglary in the second degree', 'C felony'),
  enumerated('140.30', 'Burglary in the first degree', 'B felony'),
  enumerated('145.12', 'Criminal mischief in the first degree', 'B felony'),
  enumerated('150.05', 'Arson in the fourth degree', 'E felony'),
  enumerated('150.10', 'Arson in the third degree', 'C felony'),
  enumerated('150.15', 'Arson in the second degree', 'B felony'),
  enumerated('150.20', 'Arson in the first degree', 'A-I felony'),
  enumerated('160.05', 'Robbery in the third degree', 'D felony'),
  enumerated('160.10', 'Robbery in the second degree', 'C felony'),
  enumerated('160.15', 'Robbery in the first degree', 'B felony'),
  enumerated('195.07', 'Obstructing governmental administration in the first degree', 'E felony'),
  enumerated(
    '195.08',
    'Obstructing governmental administration by means of a self-defense spray device',
    'D felony',
  ),
  enumerated(
    '195.17',
    'Obstruction of governmental duties by means of a bomb, destructive device, explosive, or hazardous substance',
    'D felony',
  ),
  enumerated('215.11', 'Tampering with a witness in the third degree', 'E felony'),
  enumerated('215.12', 'Tampering with a witness in the second degree', 'D felony'),
  enumerated('215.13', 'Tampering with a witness in the first degree', 'B felony'),
  enumerated('215.15', 'Intimidating a victim or witness in the third degree', 'E felony'),
  enumerated('215.16', 'Intimidating a victim or witness in the second degree', 'D felony'),
  enumerated('215.17', 'Intimidating a victim or witness in the first degree', 'B felony'),
  enumerated('215.51', 'Criminal contempt in the first degree', 'E felony'),
  enumerated('215.52', 'Aggravated criminal contempt', 'D felony'),
  enumerated(
    '220.18',
    'Criminal possession of a controlled substance in the second degree',
    'A-II felony',
  ),
  enumerated(
    '220.21',
    'Criminal possession of a controlled substance in the first degree',
    'A-I felony',
  ),
  enumerated('220.28', 'Use of a child to commit a controlled substance offense', 'E felony'),
  enumerated(
    '220.41',
    'Criminal sale of a controlled substance in the second degree',
    'A-II felony',
  ),
  enumerated('220.43', 'Criminal sale of a controlled substance in the first degree', 'A-I felony'),
  enumerated(
    '220.44',
    'Criminal sale of a controlled substance in or near school grounds',
    'B felony',
  ),
  enumerated('220.48', 'Criminal sale of a controlled substance to a child', 'B felony'),
  enumerated('220.77', 'Operating as a major trafficker', 'A-I felony'),
  enumerated('230.05', 'Patronizing a prostitute in the second degree', 'E felony', {
    note: 'Renamed in 2015 (Trafficking Victims Protection and Justice Act): patronizing a person for prostitution in the second degree.',
    sources: ['https://ww.amgoa.org/gun-law-texts/New-York/2015/A08808-Introduced-2014-02-14.html'],
  }),
  enumerated('230.06', 'Patronizing a prostitute in the first degree', 'D felony', {
    note: 'Renamed in 2015 (Trafficking Victims Protection and Justice Act): patronizing a person for prostitution in the first degree.',
    sources: ['https://ww.amgoa.org/gun-law-texts/New-York/2015/A08808-Introduced-2014-02-14.html'],
  }),
  enumerated('230.19', 'Promoting prostitution in a school zone', 'E felony'),
  enumerated('230.25', 'Promoting prostitution in the third degree', 'D felony', {
    subdivisions: [['2']],
    note: 'Subdivision 2 only (prostitution of a person under 19).',
  }),
  enumerated('230.30', 'Promoting prostitution in the second degree', 'C felony'),
  enumerated('230.32', 'Promoting prostitution in the first degree', 'B felony'),
  enumerated('230.33', 'Compelling prostitution', 'B felony'),
  enumerated('230.34', 'Sex trafficking', 'B felony'),
  enumerated('235.22', 'Disseminating indecent material to minors in the first degree', 'D felony'),
  enumerated('240.06', 'Riot in the first degree', 'E felony'),
  enumerated('240.55', 'Falsely reporting an incident in the second degree', 'E felony'),
  enumerated('240.60', 'Falsely reporting an incident in the first degree', 'D felony'),
  enumerated(
    '240.61',
    'Placing a false bomb or hazardous substance in the second degree',
    'E felony',
  ),
  enumerated(
    '240.62',
    'Placing a false bomb or hazardous substance in the first degree',
    'D felony',
  ),
  enumerated(
    '240.63',
    'Placing a false bomb or hazardous substance in a sports stadium or arena, mass transportation facility or enclosed shopping mall',
    'D felony',
  ),
  enumerated('240.75', 'Aggravated family offense', 'E felony'),
  enumerated('241.05', 'Harassment of a rent regulated tenant', 'E felony'),
  enumerated('255.26', 'Incest in the second degree', 'D felony'),
  enumerated('255.27', 'Incest in the first degree', 'B felony'),
  enumerated(
    '260.25',
    'Endangering the welfare of an incompetent or physically disabled person in the first degree',
    'E felony',
  ),
  enumerated(
    '260.32',
    'Endangering the welfare of a vulnerable elderly person, or an incompetent or physically disabled person in the second degree',
    'E felony',
  ),
  enumerated(
    '260.34',
    'Endangering the welfare of a vulnerable elderly person, or an incompetent or physically disabled person in the first degree',
    'D felony',
  ),
  enumerated('263.05', 'Use of a child in a sexual performance', 'C felony'),
  enumerated('263.10', 'Promoting an obscene sexual performance by a child', 'D felony'),
  enumerated('263.11', 'Possessing an obscene sexual performance by a child', 'E felony'),
  enumerated('263.15', 'Promoting a sexual performance by a child', 'D felony'),
  enumerated('263.16', 'Possessing a sexual performance by a child', 'E felony'),
  enumerated(
    '263.30',
    'Facilitating a sexual performance by a child with a controlled substance or alcohol',
    'B felony',
  ),
  enumerated('265.01-a', 'Criminal possession of a weapon on school grounds', 'E felony'),
  enumerated('265.01-b', 'Criminal possession of a firearm', 'E felony'),
  enumerated('265.02', 'Criminal possession of a weapon in the third degree', 'D felony', {
    subdivisions: [['2'], ['3'], ['4'], ['5'], ['6'], ['7'], ['8']],
    note: 'Subdivisions 2 through 8 only (subdivision 1 excluded). Whether subdivision 4 still exists (believed repealed and relocated, c. L.2006) is unverified (nyc.md §8 item 8); it is kept because the text says "(2) through (8)".',
  }),
  enumerated('265.03', 'Criminal possession of a weapon in the second degree', 'C felony'),
  enumerated('265.04', 'Criminal possession of a weapon in the first degree', 'B felony'),
  enumerated('265.08', 'Criminal use of a firearm in the second degree', 'C felony'),
  enumerated('265.09', 'Criminal use of a firearm in the first degree', 'B felony'),
  enumerated(
    '265.10',
    'Manufacture, transport, disposition and defacement of weapons and dangerous instruments and appliances',
    'D felony for felony subdivisions (others A misd; not covered)',
    {
      note: 'Only the felony subdivisions count ("a felony defined in"); a misdemeanour conviction under this section is not listed.',
    },
  ),
  enumerated('265.11', 'Criminal sale of a firearm in the third degree', 'D felony'),
  enumerated('265.12', 'Criminal sale of a firearm in the second degree', 'C felony'),
  enumerated('265.13', 'Criminal sale of a firearm in the first degree', 'B felony'),
  enumerated('265.14', 'Criminal sale of a firearm with the aid of a minor', 'C felony'),
  enumerated('265.16', 'Criminal sale of a firearm to a minor', 'C felony'),
  enumerated('265.17', 'Criminal purchase or disposal of a weapon', 'D felony', {
    note: 'Class D felony per https://nyccriminalattorney.com/index.php/criminal-possession-and-or-disposal-of-a-weapon-in-new-york; one published Article 265 table shows "A misd", which appears to be an error (nyc.md §5.5).',
  }),
  enumerated('265.19', 'Aggravated criminal possession of a weapon', 'C felony'),
  enumerated(
    '265.35',
    'Prohibited use of weapons',
    'D felony if safety endangered, otherwise E felony',
    {
      subdivisions: [['2']],
      note: 'Subdivision 2 only (discharging a loaded firearm at an aircraft, train, bus or vehicle).',
    },
  ),
  enumerated(
    '270.30',
    'Unlawful fleeing a police officer in a motor vehicle in the second degree',
    'E felony',
  ),
  enumerated(
    '270.35',
    'Unlawful fleeing a police officer in a motor vehicle in the first degree',
    'D felony',
  ),
  enumerated(
    '405.16',
    'Aggravated unpermitted use of indoor pyrotechnics in the second degree',
    'E felony',
    { subdivisions: [['1']], note: 'Subdivision 1 only (physical injury).' },
  ),
  enumerated(
    '405.18',
    'Aggravated unpermitted use of indoor pyrotechnics in the first degree',
    'D felony',
  ),
  enumerated('460.22', 'Aggravated enterprise corruption', 'A-I felony'),
  enumerated('470.21', 'Money laundering in support of terrorism in the fourth degree', 'E felony'),
  enumerated('470.22', 'Money laundering in support of terrorism in the third degree', 'D felony'),
  enumerated('470.23', 'Money laundering in support of terrorism in the second degree', 'C felony'),
  enumerated('470.24', 'Money laundering in support of terrorism in the first degree', 'B felony'),
  enumerated(
    '490.10',
    'Soliciting or providing support for an act of terrorism in the second degree',
    'D felony',
  ),
  enumerated(
    '490.15',
    'Soliciting or providing support for an act of terrorism in the first degree',
    'C felony',
  ),
  enumerated('490.20', 'Making a terroristic threat', 'D felony'),
  enumerated(
    '490.25',
    'Crime of terrorism',
    'one class above the specified offense (A-I if specified offense is A-I)',
  ),
  enumerated('490.30', 'Hindering prosecution of terrorism in the second degree', 'C felony'),
  enumerated('490.35', 'Hindering prosecution of terrorism in the first degree', 'B felony'),
  enumerated(
    '490.37',
    'Criminal possession of a chemical weapon or biological weapon in the third degree',
    'C felony',
  ),
  enumerated(
    '490.40',
    'Criminal possession of a chemical weapon or biological weapon in the second degree',
    'B felony',
  ),
  enumerated(
    '490.45',
    'Criminal possession of a chemical weapon or biological weapon in the first degree',
    'A-I felony',
  ),
  enumerated(
    '490.47',
    'Criminal use of a chemical weapon or biological weapon in the third degree',
    'B felony',
  ),
  enumerated(
    '490.50',
    'Criminal use of a chemical weapon or biological weapon in the second degree',
    'A-I felony',
  ),
  enumerated(
    '490.55',
    'Criminal use of a chemical weapon or biological weapon in the first degree',
    'A-I felony',
  ),
  {
    subparagraph: 'ii',
    law: 'PL',
    section: '485.05',
    offense: 'Hate crime',
    classText: 'varies: one category above the specified offense per PL 485.10',
    listedFrom: LISTED_FROM_2014,
    listedBy: LISTED_BY_2014,
    verification: 'verbatim',
    sources: [LEGISTAR_INT_486, LL58_PDF, LL59_PDF, statuteUrl('PL', '485.05')],
    note: 'Only where the hate crime constitutes a felony.',
  },
  {
    subparagraph: 'iii',
    law: 'PL',
    section: '100/105/110/115',
    offense:
      'Felony attempt, felony conspiracy or felony criminal solicitation to commit a crime in subparagraph (i), or felony criminal facilitation of such a crime',
    classText: 'varies (felony grades only)',
    listedFrom: LISTED_FROM_2014,
    listedBy: LISTED_BY_2014,
    verification: 'verbatim',
    sources: [LEGISTAR_INT_486, LL58_PDF, LL59_PDF],
    note: 'Penal Law articles 100 (criminal solicitation), 105 (conspiracy), 110 (attempt) and 115 (criminal facilitation). A category, not a section: a conviction matches it through its target offence, which must be a subparagraph (i) entry.',
  },
  {
    subparagraph: 'iv',
    law: 'VTL',
    section: '600',
    offense: 'Leaving the scene of an incident without reporting',
    classText: 'E felony (serious physical injury) / D felony (death)',
    listedFrom: LISTED_FROM_2014,
    listedBy: LISTED_BY_2014,
    verification: 'verbatim',
    sources: [LEGISTAR_INT_486, LL58_PDF, LL59_PDF, statuteUrl('VTL', '600')],
    note: 'Any felony set forth in VTL 600 (felony where the personal injury is serious physical injury or death).',
  },
  proposedIn2019(
    '230.34-a',
    'Sex trafficking of a child',
    'B felony',
    'Created by L.2018 ch.189.',
    ['https://www.nysenate.gov/legislation/bills/2017/s5988/amendment/a'],
  ),
  proposedIn2019(
    '230.08',
    'Patronizing a person for prostitution in a school zone',
    'E felony (unverified)',
    'Reported by the press as added; the section number is inferred.',
    TRAFFICKING_ACT_2015_SOURCES,
  ),
  proposedIn2019(
    '230.11',
    'Aggravated patronizing a minor for prostitution in the third degree',
    'E felony (unverified)',
    "Press: 'patronizing a minor/child prostitute'; the section number is inferred.",
    TRAFFICKING_ACT_2015_SOURCES,
  ),
  proposedIn2019(
    '230.12',
    'Aggravated patronizing a minor for prostitution in the second degree',
    'D felony (unverified)',
    'The section number is inferred.',
    TRAFFICKING_ACT_2015_SOURCES,
  ),
  proposedIn2019(
    '230.13',
    'Aggravated patronizing a minor for prostitution in the first degree',
    'B felony (unverified)',
    'The section number is inferred.',
    TRAFFICKING_ACT_2015_SOURCES,
  ),
];

/**
 * Every entry of § 9-131(a)(7) / § 14-154(a)(6): the 154 sections of subparagraph (i) in
 * statutory order, then (ii) hate crimes, (iii) inchoate forms of (i) crimes, (iv) VTL 600 felonies
 * and the five inferred (v) additions of 2019.
 */
export const VIOLENT_OR_SERIOUS_CRIMES: readonly CrimeListEntry[] = deepFreeze(ENTRIES);

/** The verbatim definition the entries encode. */
export const CRIME_LIST_SOURCE: Readonly<{ clause: string; text: string; url: string }> =
  Object.freeze({
    clause:
      'NYC Admin. Code § 9-131(a)(7) as amended by LL58/2014 § 1; the same list is § 14-154(a)(6) (LL59/2014 § 1) and applies to Probation through § 9-205',
    text: [
      '7. "Violent or serious crime" shall mean:',
      'i. a felony defined in any of the following sections of the penal law: 120.01, 120.02, 120.03, 120.04, 120.04-a(4), 120.05, 120.06, 120.07, 120.08, 120.09, 120.10, 120.11, 120.12, 120.13, 120.18, 120.25, 120.55, 120.60, 120.70, 121.12, 121.13, 125.10, 125.11, 125.12, 125.13, 125.14, 125.15, 125.20, 125.21, 125.22, 125.25, 125.26, 125.27, 125.40, 125.45, 130.25, 130.30, 130.35, 130.40, 130.45, 130.50, 130.53, 130.65, 130.65-a, 130.66, 130.67, 130.70, 130.75, 130.80, 130.85, 130.90, 130.95, 130.96, 135.10, 135.20, 135.25, 135.35, 135.50, 135.65(2)(b), 140.17, 140.25, 140.30, 145.12, 150.05, 150.10, 150.15, 150.20, 160.05, 160.10, 160.15, 195.07, 195.08, 195.17, 215.11, 215.12, 215.13, 215.15, 215.16, 215.17, 215.51, 215.52, 220.18, 220.21, 220.28, 220.41, 220.43, 220.44, 220.48, 220.77, 230.05, 230.06, 230.19, 230.25(2), 230.30, 230.32, 230.33, 230.34, 235.22, 240.06, 240.55, 240.60, 240.61, 240.62, 240.63, 240.75, 241.05, 255.26, 255.27, 260.25, 260.32, 260.34, 263.05, 263.10, 263.11, 263.15, 263.16, 263.30, 265.01-a, 265.01-b, 265.02(2) through (8), 265.03, 265.04, 265.08, 265.09, 265.10, 265.11, 265.12, 265.13, 265.14, 265.16, 265.17, 265.19, 265.35(2), 270.30, 270.35, 405.16(1), 405.18, 460.22, 470.21, 470.22, 470.23, 470.24, 490.10, 490.15, 490.20, 490.25, 490.30, 490.35, 490.37, 490.40, 490.45, 490.47, 490.50, or 490.55;',
      'ii. a hate crime as defined in section 485.05 of the penal law, provided such hate crime constitutes a felony;',
      'iii. a felony attempt, felony conspiracy, or felony criminal solicitation to commit any crime specified in subparagraph (i) of this paragraph, or a felony criminal facilitation of such specified crime;',
      'iv. any felony set forth in section 600 of the vehicle and traffic law; or',
      'v. any crime codified by the legislature subsequent to the enactment of this section that the department, in consultation with the police department, by rule determines to be a felony involving violence, force, firearms, terrorism, or endangerment or abuse of vulnerable persons, or any crime for which a change made by the legislature requires amendment of the crimes specified in this paragraph. The commissioner of correction shall submit any proposed additions to the crimes set forth in this paragraph to the speaker of the council at least sixty days prior to publishing such proposed rule.',
    ].join('\n'),
    url: LEGISTAR_INT_486,
  });
