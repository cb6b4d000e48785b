/**
 * Prints a self-contained HTML document to PDF: Electron's printToPDF in the app, Chromium's
 * headless printer on the web host and in tests. The HTML is the same in both.
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  /** Gets ready for a print that is likely soon (a recording stopped, a seal asked for). */
  warm?(): void;
  /** Releases what the printer holds (a browser kept running between prints). */
  close?(): void;
}
