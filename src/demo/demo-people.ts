/**
 * Synthetic people for the demo: names drawn from faker's word lists, dates of birth, NYSIDs,
 * A-numbers and booking numbers made up from a seeded generator. Identifiers are drawn without
 * repeats, because the desk merges persons who share a NYSID or an A-number.
 * @module
 */
import { Faker, base, en, en_US, es, es_MX } from '@faker-js/faker';
import { DateTime } from 'luxon';
import type { IntakeInput } from '../desk/intake.js';

type Sex = 'female' | 'male';

/** The locales names are drawn from: Spanish (Mexico) and English (United States). */
export const NAME_LOCALES = [
  [es_MX, es, base],
  [en_US, en, base],
] as const;

const CITIZENSHIPS = [
  { weight: 22, value: 'Mexico' },
  { weight: 18, value: 'Dominican Republic' },
  { weight: 12, value: 'Ecuador' },
  { weight: 10, value: 'Guatemala' },
  { weight: 9, value: 'Honduras' },
  { weight: 8, value: 'El Salvador' },
  { weight: 6, value: 'China' },
  { weight: 5, value: 'Jamaica' },
  { weight: 4, value: 'Colombia' },
  { weight: 3, value: 'Haiti' },
  { weight: 3, value: 'Trinidad and Tobago' },
];

const CHECK_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class PeopleFactory {
  readonly #rng: Faker;
  readonly #names: readonly Faker[];
  readonly #used = new Set<string>();

  constructor(rng: Faker, seed: number) {
    this.#rng = rng;
    this.#names = NAME_LOCALES.map((locale, index) => {
      const faker = new Faker({ locale: [...locale] });
      faker.seed(seed * 7 + index + 1);
      return faker;
    });
  }

  /** A new person, aged `minAge` to 64 on the given day (YYYY-MM-DD). */
  person(onDay: string, minAge = 18): IntakeInput['person'] {
    const rng = this.#rng;
    const sex: Sex = rng.number.float() < 0.88 ? 'male' : 'female';
    const hispanic = rng.number.float() < 0.65;
    const names = this.#names[hispanic ? 0 : 1]!;
    const first = names.helpers.arrayElement(firstNames(names, sex));
    const surnames = lastNames(names);
    const last = names.helpers.arrayElement(surnames);
    const name =
      hispanic && rng.number.float() < 0.5
        ? `${first} ${last} ${names.helpers.arrayElement(surnames)}`
        : `${first} ${last}`;
    const age = rng.number.int({ min: minAge, max: 64 });
    const born = DateTime.fromISO(onDay)
      .minus({ years: age, days: rng.number.int({ min: 1, max: 364 }) })
      .toISODate()!;
    return {
      name,
      dateOfBirth: born,
      nysid: this.#unique(
        () => `${rng.string.numeric(8)}${rng.string.fromCharacters(CHECK_LETTERS)}`,
      ),
      aNumber: this.#unique(
        () => `A${rng.helpers.arrayElement(['0', '2'])}${rng.string.numeric(8)}`,
      ),
      sex,
      citizenship: rng.helpers.weightedArrayElement(CITIZENSHIPS),
    };
  }

  /** An NYPD arrest number: the borough's letter, two-digit year, six digits. */
  nypdArrestNumber(borough: string, year: number): string {
    return this.#unique(() => `${borough}${String(year % 100)}${this.#rng.string.numeric(6)}`);
  }

  /** A DOC book-and-case number: ten digits. */
  docBookAndCase(): string {
    return this.#unique(
      () =>
        `${this.#rng.helpers.arrayElement(['141', '241', '349'])}${this.#rng.string.numeric(7)}`,
    );
  }

  /** A made-up name for an officer or a judge. */
  officialName(): string {
    const names = this.#names[1]!;
    const sex: Sex = this.#rng.number.float() < 0.5 ? 'male' : 'female';
    return `${names.helpers.arrayElement(firstNames(names, sex))} ${names.helpers.arrayElement(lastNames(names))}`;
  }

  #unique(draw: () => string): string {
    for (;;) {
      const value = draw();
      if (!this.#used.has(value)) {
        this.#used.add(value);
        return value;
      }
    }
  }
}

function firstNames(faker: Faker, sex: Sex): readonly string[] {
  const lists = faker.definitions.person.first_name as Record<Sex, string[]>;
  return lists[sex];
}

function lastNames(faker: Faker): readonly string[] {
  return (faker.definitions.person.last_name as { generic: string[] }).generic;
}
