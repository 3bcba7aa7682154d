/**
 * The text and metadata of a PDF, read back with Mozilla's PDF.js (a devDependency), so tests
 * check what a reader of the file sees rather than what was asked of the writer.
 * @module
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  readonly pages: number;
  /** Each page's text, its items joined by spaces and its lines by newlines, pages in order. */
  readonly text: string;
  readonly info: Readonly<Record<string, unknown>>;
}

export async function pdfContent(bytes: Uint8Array): Promise<PdfContent> {
  // PDF.js takes ownership of the buffer it is given: give it a copy.
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : ' ');
      }
      pages.push(text);
    }
    const { info } = await document.getMetadata();
    return {
      pages: document.numPages,
      text: pages.join('\n'),
      info: info as Record<string, unknown>,
    };
  } finally {
    await document.destroy();
  }
}
