import { existsSync } from 'node:fs';
import path from 'node:path';

export const nativeBindingFile = 'better_sqlite3.node';

/**
 * Where the better-sqlite3-multiple-ciphers binary built for Electron's ABI lives: beside the app's resources once
 * packaged (electron-builder's extraResources), in .electron-native/ during development
 * (scripts/electron-native.mjs). node_modules keeps the Node build for the tests.
 */
export function nativeBindingPath(where: {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
}): string | undefined {
  const candidate = where.isPackaged
    ? path.join(where.resourcesPath, nativeBindingFile)
    : path.join(where.appPath, '.electron-native', nativeBindingFile);
  return existsSync(candidate) ? candidate : undefined;
}
