/** A law choice or amendment the text or the encoded law cannot give, with the field it came from. */
export class LawChoiceError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'LawChoiceError';
  }
}
