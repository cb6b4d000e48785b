import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  browserPlan,
  electronBinary,
  findBrowser,
  hasDisplay,
  launchPage,
  noElectronMessage,
  parseListening,
} from '../../scripts/start-mode';

const openUrl = 'http://127.0.0.1:4321/?token=abc&x="<y>';

test('the desktop window starts only when the electron package points to an existing binary', () => {
  const binary = '/repo/node_modules/electron/dist/electron';
  assert.equal(
    electronBinary(
      () => binary,
      (f) => f === binary,
    ),
    binary,
  );
  assert.equal(
    electronBinary(
      () => binary,
      () => false,
    ),
    null,
  );
  // What the electron package throws when its binary was never downloaded.
  const notDownloaded = () => {
    throw new Error('Electron failed to install correctly');
  };
  assert.equal(
    electronBinary(notDownloaded, () => true),
    null,
  );
  assert.equal(
    electronBinary(
      () => ({}),
      () => true,
    ),
    null,
  );
});

test('the reason for the browser is one sentence naming the cause and the way back', () => {
  assert.match(noElectronMessage, /^Electron's binary is not installed/);
  assert.match(noElectronMessage, /npm install/);
  assert.doesNotMatch(noElectronMessage, /\n/);
  assert.doesNotMatch(
    noElectronMessage,
    /npm run host/,
    'the app starts by itself: no second command',
  );
});

test('a display is needed on Linux, not on macOS or Windows', () => {
  assert.equal(hasDisplay('linux', {}), false);
  assert.equal(hasDisplay('linux', { DISPLAY: ':0' }), true);
  assert.equal(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' }), true);
  assert.equal(hasDisplay('freebsd', { DISPLAY: '' }), false);
  assert.equal(hasDisplay('darwin', {}), true);
  assert.equal(hasDisplay('win32', {}), true);
});

test('CHROMIUM_PATH wins, then Chromium or Chrome on the PATH in a fixed order', () => {
  const env = { PATH: ['/opt/bin', '/usr/bin'].join(path.delimiter) };
  const installed = new Set([
    '/usr/bin/google-chrome',
    '/opt/bin/chromium-browser',
    '/custom/chrome',
  ]);
  const exists = (f: string) => installed.has(f);
  assert.equal(findBrowser('linux', env, exists), '/opt/bin/chromium-browser');
  assert.equal(
    findBrowser('linux', { ...env, CHROMIUM_PATH: '/custom/chrome' }, exists),
    '/custom/chrome',
  );
  // A CHROMIUM_PATH that does not exist is passed over rather than launched.
  assert.equal(
    findBrowser('linux', { ...env, CHROMIUM_PATH: '/gone' }, exists),
    '/opt/bin/chromium-browser',
  );
  assert.equal(
    findBrowser('linux', { PATH: '/usr/bin' }, (f) => f === '/usr/bin/google-chrome-stable'),
    '/usr/bin/google-chrome-stable',
  );
  assert.equal(findBrowser('linux', {}, exists), null);
  assert.equal(
    findBrowser('darwin', {}, (f) => f.startsWith('/Applications/Google Chrome.app/')),
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  );
  assert.equal(
    findBrowser('win32', { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, (f) =>
      f.endsWith('chrome.exe'),
    ),
    'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
  );
});

test('the browser opens a local page as an app window with its own profile, the token off its command line', () => {
  const plan = browserPlan({
    browser: '/usr/bin/chromium',
    display: true,
    openUrl,
    launchFile: '/data/browser/open.html',
    profileDir: '/data/browser/profile',
  });
  assert.ok('open' in plan);
  assert.equal(plan.open, '/usr/bin/chromium');
  assert.ok(plan.args.includes('--user-data-dir=/data/browser/profile'));
  const app = plan.args.find((a) => a.startsWith('--app='));
  assert.ok(app && new URL(app.slice('--app='.length)).protocol === 'file:', app);
  assert.ok(!plan.args.some((a) => a.includes('token')), plan.args.join(' '));
});

test('without a display or a browser, the address is printed', () => {
  const common = { openUrl, launchFile: '/d/open.html', profileDir: '/d/profile' };
  const noDisplay = browserPlan({ ...common, browser: '/usr/bin/chromium', display: false });
  assert.ok(
    'print' in noDisplay && noDisplay.print.includes(openUrl) && /display/i.test(noDisplay.print),
  );
  const noBrowser = browserPlan({ ...common, browser: null, display: true });
  assert.ok(
    'print' in noBrowser &&
      noBrowser.print.includes(openUrl) &&
      noBrowser.print.includes('CHROMIUM_PATH'),
  );
});

test('the launch page forwards to the exact address, escaped for its attribute', () => {
  const page = launchPage(openUrl);
  const content = /<meta http-equiv="refresh" content="0;url=([^"]*)">/.exec(page)?.[1];
  assert.equal(content, 'http://127.0.0.1:4321/?token=abc&amp;x=&quot;&lt;y>');
});

test("only the web host's listening line is taken for its address", () => {
  const line = JSON.stringify({
    event: 'listening',
    url: 'http://127.0.0.1:1',
    openUrl,
    dataDir: '/d',
  });
  assert.deepEqual(parseListening(line), { openUrl, dataDir: '/d' });
  assert.equal(
    parseListening(JSON.stringify({ event: 'recovered', openUrl, dataDir: '/d' })),
    null,
  );
  assert.equal(parseListening(JSON.stringify({ event: 'listening', dataDir: '/d' })), null);
  assert.equal(parseListening('Chromium was not found: written records cannot be printed'), null);
  assert.equal(parseListening('null'), null);
});
