/**
 * ICE's FOIA redaction markers. Releases write the exemption that withheld a value in its place:
 * `b(6), b(7)c`, `b(6), b(7)C`, `(b)(6)`, `(b)(6); (b)(7)(C)` and the like (FOIA 5 U.S.C. 552(b)(6)
 * and (b)(7)(C); the Deportation Data Project's cleaning sets them to missing,
 * ice-formats.md §1.4 step 7). Such a cell is a missing value, never data.
 * @module
 */

// One exemption: b, 6 or 7, an optional subparagraph letter, any of them in parentheses.
const EXEMPTION = /^\(?b\)?\(?[67]\)?(?:\(?[a-f]\)?)?$/;

/** Whether the text is nothing but FOIA (b)(6)/(b)(7) exemption markers, in any case or spacing. */
export function isRedaction(text: string): boolean {
  const compact = text.toLowerCase().replace(/\s+/g, '');
  if (compact === '') return false;
  return compact
    .split(/[,;/&]+/)
    .filter((part) => part !== '')
    .every((part) => EXEMPTION.test(part));
}
