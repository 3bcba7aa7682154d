/**
 * DOC § 9-131(b)(1) as amended by Local Law 58 of 2014, written for json-rules-engine 7.3.1: the
 * same hold rule as `zen-ll58.json` and as Detainer Desk's `src/law/nyc/doc/ll58-2014.ts`.
 *
 * The engine gets the three facts the rule turns on already derived (`FlatFacts`): it cannot
 * parse New York charge codes, match them against the crime list, or compute a look-back extended
 * by time incarcerated, so the benchmark's case generator does that work for it before timing.
 * An unrecorded fact arrives as `null`, which `equal true` reads as false: the engine has no
 * "needs information" outcome, so it says "not allowed" where Detainer Desk asks for the fact.
 * @module
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { FlatFacts } from './caseload.js';

export const LL58_HOLD_RULE: RuleProperties = {
  name: '§ 9-131(b)(1), as amended by LL58/2014: when the department may honor a detainer',
  conditions: {
    all: [
      // (b)(1)(i): a judicial warrant presented at the time the detainer is presented.
      { fact: 'judicialWarrantWithDetainer', operator: 'equal', value: true },
      {
        // (b)(1)(ii) A or B.
        any: [
          { fact: 'vscWithinLookBack', operator: 'equal', value: true },
          { fact: 'tsdbMatch', operator: 'equal', value: true },
        ],
      },
    ],
  },
  event: {
    type: 'may-honor',
    params: { hold: 'allowed', notify: 'allowed', clause: 'nyc.9-131.b' },
  },
};

export function createJsonRulesEngine(): Engine {
  return new Engine([LL58_HOLD_RULE]);
}

/** Runs the rule for one case: "allowed" when the event fires, otherwise "not-allowed". */
export async function decideHold(
  engine: Engine,
  facts: FlatFacts,
): Promise<'allowed' | 'not-allowed'> {
  const result = await engine.run(facts);
  return result.events.length > 0 ? 'allowed' : 'not-allowed';
}
