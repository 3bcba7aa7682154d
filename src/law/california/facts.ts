/**
 * The facts California's detainer laws turn on: the agency's § 7282.5 findings, the judicial
 * warrant or finding presented, and what an information request asks for. A finding that is
 * not recorded is unknown, never false.
 * @module
 */
import type { Case } from '../../engine/case.js';
import type { Condition, FactValue, MissingFact } from '../../engine/condition.js';
import { derived, fact } from '../../engine/condition.js';
import { UNKNOWN, type Tri } from '../../engine/tri.js';
import { droppable } from '../amendable.js';

type FindingName = keyof NonNullable<Case['findings']['california']>;

/** A finding the agency records under `findings.california`. */
export function finding(spec: {
  name: FindingName;
  label: string;
  question: string;
  cites: readonly string[];
  decidedBy?: MissingFact['decidedBy'];
}): Condition {
  return fact({
    label: spec.label,
    cites: spec.cites,
    path: `findings.california.${spec.name}`,
    question: spec.question,
    decidedBy: spec.decidedBy ?? 'clerk',
    read: (ctx) => ctx.case.findings.california?.[spec.name] ?? UNKNOWN,
  });
}

/**
 * § 7282.5(a)'s criteria, labelled with the paragraph each has in the version: the TRUST Act
 * put the federal felony warrant in (a)(6), the Values Act in (a)(5).
 */
export function cooperationCriteria(spec: {
  cites: readonly string[];
  warrantParagraph: '(a)(5)' | '(a)(6)';
  /** The Values Act's Proposition 47 bar on counting reduced misdemeanours. */
  proposition47Bar: boolean;
}): Condition[] {
  const { cites } = spec;
  const prop47 = spec.proposition47Bar
    ? ' Do not count a misdemeanour that was a felony or wobbler before Proposition 47 (2014).'
    : '';
  return [
    finding({
      name: 'seriousOrViolentFelonyConviction',
      label: 'Convicted of a serious or violent felony (Penal Code 1192.7(c), 667.5(c)); (a)(1)',
      question:
        'Has the person been convicted of a serious or violent felony (Penal Code 1192.7(c) or 667.5(c))?',
      cites,
    }),
    finding({
      name: 'statePrisonFelonyConviction',
      label: 'Convicted of a felony punishable by imprisonment in the state prison; (a)(2)',
      question:
        'Has the person been convicted of a felony punishable by imprisonment in the state prison?',
      cites,
    }),
    finding({
      name: 'listedOffenseWithinLookback',
      label: 'Convicted of a listed offence within the look-back; (a)(3)',
      question:
        'Has the person been convicted of an offence listed in § 7282.5(a)(3), as a wobbler ' +
        `misdemeanour within five years or as a felony within fifteen years?${prop47}`,
      cites,
      decidedBy: 'legal-reviewer',
    }),
    finding({
      name: 'sexOrArsonRegistrant',
      label: 'A current registrant on the California Sex and Arson Registry; (a)(4)',
      question: 'Is the person a current registrant on the California Sex and Arson Registry?',
      cites,
    }),
    finding({
      name: 'aggravatedFelonyConviction',
      label: 'Convicted of a federal aggravated felony (8 U.S.C. 1101(a)(43)(A)-(P)); (a)(5)',
      question:
        'Has the person been convicted of a federal crime that is an aggravated felony under ' +
        '8 U.S.C. 1101(a)(43)(A)-(P)?',
      cites,
      decidedBy: 'legal-reviewer',
    }),
    finding({
      name: 'federalFelonyWarrant',
      label: `Identified by ICE as the subject of an outstanding federal felony arrest warrant; ${spec.warrantParagraph}`,
      question:
        'Has ICE identified the person as the subject of an outstanding federal felony arrest warrant?',
      cites,
    }),
  ];
}

/** § 7282.5(b): arrested and taken before a magistrate, who found probable cause (PC 872). */
export function magistrateProbableCause(cites: readonly string[]): Condition {
  return finding({
    name: 'magistrateProbableCause',
    label:
      'Taken before a magistrate on a serious, violent or state-prison felony charge, who found probable cause (Penal Code 872); § 7282.5(b)',
    question:
      'Was the person arrested and taken before a magistrate on a serious, violent or state-prison ' +
      'felony charge, and did the magistrate find probable cause on it (Penal Code 872)?',
    cites,
  });
}

/**
 * "Judicial warrant" (§ 7284.4): based on probable cause of a violation of federal criminal
 * immigration law, issued by a federal judge or federal magistrate judge. An administrative
 * warrant (I-200, I-205) is recorded elsewhere and never satisfies this; nor does a warrant of a
 * state judge or an immigration judge ("other").
 */
export function judicialWarrant(cites: readonly string[]): Condition {
  const path = 'request.judicialWarrant';
  const condition = derived({
    label:
      'A judicial warrant: federal judge or magistrate judge, probable cause, federal criminal immigration law (§ 7284.4)',
    cites,
    evaluate(ctx) {
      const warrant = ctx.case.request.judicialWarrant;
      if (!warrant || warrant.presented === UNKNOWN) {
        return {
          value: UNKNOWN,
          facts: [{ path: `${path}.presented`, value: UNKNOWN }],
          missing: [
            {
              path: `${path}.presented`,
              question: 'Did immigration authorities present a warrant signed by a judge?',
              decidedBy: 'clerk',
            },
          ],
        };
      }
      const facts: FactValue[] = [{ path: `${path}.presented`, value: warrant.presented }];
      if (!warrant.presented)
        return { value: false, facts, reason: 'no judicial warrant was presented' };
      facts.push({ path: `${path}.issuer`, value: warrant.issuer });
      if (warrant.issuer === 'state-judge' || warrant.issuer === 'other') {
        return {
          value: false,
          facts,
          reason: 'not issued by a federal judge or federal magistrate judge',
        };
      }
      const missing: MissingFact[] = [];
      if (warrant.issuer === 'unknown') {
        missing.push({
          path: `${path}.issuer`,
          question: 'Was the warrant issued by a federal judge or a federal magistrate judge?',
          decidedBy: 'clerk',
        });
      }
      const elements: {
        name: 'probableCause' | 'federalCriminalImmigrationLaw';
        question: string;
        failed: string;
      }[] = [
        {
          name: 'probableCause',
          question: 'Is the warrant based on probable cause?',
          failed: 'the warrant is not based on probable cause',
        },
        {
          name: 'federalCriminalImmigrationLaw',
          question: 'Is the warrant for a violation of federal criminal immigration law?',
          failed: 'the warrant is not for a violation of federal criminal immigration law',
        },
      ];
      for (const element of elements) {
        const value: Tri = warrant[element.name] ?? UNKNOWN;
        facts.push({ path: `${path}.${element.name}`, value });
        if (value === false) return { value: false, facts, reason: element.failed };
        if (value === UNKNOWN) {
          missing.push({
            path: `${path}.${element.name}`,
            question: element.question,
            decidedBy: 'clerk',
          });
        }
      }
      return missing.length > 0 ? { value: UNKNOWN, facts, missing } : { value: true, facts };
    },
  });
  return droppable(condition, 'dropJudicialWarrant');
}

/** "Judicial probable cause determination" (§ 7284.4), as recorded on the request. */
export function judicialProbableCauseDetermination(cites: readonly string[]): Condition {
  return fact({
    label:
      'A federal judge or magistrate judge determined there is probable cause of a violation of federal criminal immigration law (§ 7284.4)',
    cites,
    path: 'request.judicialProbableCauseDetermination',
    question:
      'Has a federal judge or federal magistrate judge determined that there is probable cause ' +
      'that the person violated federal criminal immigration law, authorizing their arrest?',
    read: (ctx) => ctx.case.request.judicialProbableCauseDetermination ?? UNKNOWN,
  });
}

export function publiclyAvailable(label: string, cites: readonly string[]): Condition {
  return fact({
    label,
    cites,
    path: 'request.informationPubliclyAvailable',
    question:
      'Is the information asked for (such as the release date) already available to the public?',
    read: (ctx) => ctx.case.request.informationPubliclyAvailable ?? UNKNOWN,
  });
}
