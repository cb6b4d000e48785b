/**
 * Prints a self-contained HTML document to PDF: Electron's printToPDF in the app, Chromium's
 * headless printer on the web host and in tests. The HTML is the same in both.
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}
