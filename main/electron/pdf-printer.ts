import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../services/written-record/printer';

/**
 * Prints the written record with Electron's own printToPDF, in a hidden window that runs no
 * script and has no preload: the HTML is data, never code.
 */
export const electronPdfPrinter: PdfPrinter = {
  async print(html) {
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        disableBlinkFeatures: 'Auxclick',
        webSecurity: true,
      },
    });
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
    }
  },
};
