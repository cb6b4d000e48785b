// Checks electron-builder.yml without building (a build needs Electron's binary): the options
// against electron-builder's own schema and validator, the files it points to, and that its
// electronVersion is the Electron that package.json pins.
//   node scripts/check-builder-config.mjs
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const yaml = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');

const configFile = path.join(root, 'electron-builder.yml');
const config = yaml.load(readFileSync(configFile, 'utf8'));
const problems = [];

try {
  await validateConfiguration(structuredClone(config), { isEnabled: false, add: () => {} });
} catch (err) {
  problems.push(err instanceof Error ? err.message : String(err));
}

const requiredFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};
for (const [fuse, value] of Object.entries(requiredFuses)) {
  if (config.electronFuses?.[fuse] !== value)
    problems.push(`electronFuses.${fuse} must be ${value}.`);
}
if (config.asar !== true) problems.push('asar must be true (the asar integrity fuse needs it).');
const declaredElectron = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  .optionalDependencies?.electron;
if (config.electronVersion !== declaredElectron)
  problems.push(
    `electronVersion is ${config.electronVersion}, but package.json's optionalDependencies pin electron ${declaredElectron}: make them equal.`,
  );
const installedElectron = path.join(root, 'node_modules', 'electron', 'package.json');
if (existsSync(installedElectron)) {
  const { version } = JSON.parse(readFileSync(installedElectron, 'utf8'));
  if (version !== declaredElectron)
    problems.push(
      `node_modules has electron ${version}, package.json pins ${declaredElectron}: run npm install.`,
    );
}
if (config.npmRebuild !== false)
  problems.push('npmRebuild must be false: node_modules keeps the Node build for the tests.');

const referenced = [
  config.linux?.icon,
  config.win?.icon,
  config.mac?.icon,
  config.mac?.entitlements,
  config.mac?.entitlementsInherit,
].filter(Boolean);
for (const file of new Set(referenced)) {
  if (!existsSync(path.join(root, file))) problems.push(`${file} is referenced but missing.`);
}
for (const key of ['NSCameraUsageDescription', 'NSMicrophoneUsageDescription']) {
  if (!config.mac?.extendInfo?.[key])
    problems.push(`mac.extendInfo.${key} is missing: macOS would refuse the device.`);
}

if (problems.length > 0) {
  console.error(`electron-builder.yml has problems:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.info(
  "electron-builder.yml matches electron-builder's schema, and the files it names exist.",
);
