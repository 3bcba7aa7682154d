/**
 * The words of one numbered paragraph of a reporting subdivision, taken from the clause's
 * verbatim text so a figure quotes the statute and the statute is written once.
 * @module
 */

const NUMBERED = /^(\d+)\. /;
const ROMAN = /^([ivx]+)\. /;

/**
 * `paragraph` is "3" for the third paragraph's own line, or "2.iii" for a sub-paragraph. Throws
 * when the text has no such paragraph: a count must cite words that are there.
 */
export function paragraphText(text: string, paragraph: string): string {
  const [number, sub] = paragraph.split('.');
  let inParagraph = false;
  for (const line of text.split('\n')) {
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      inParagraph = numbered[1] === number;
      if (inParagraph && sub === undefined) return line;
      continue;
    }
    if (inParagraph && ROMAN.exec(line)?.[1] === sub) return line;
  }
  throw new Error(`the text has no paragraph ${paragraph}`);
}
