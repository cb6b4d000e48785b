import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appEntryUrl,
  appOrigin,
  developerAccess,
  isAppOrigin,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  mayPassPermissionCheck,
  mayUseMedia,
} from '../../main/electron/policy';

const foreignOrigins = [
  'http://127.0.0.1:1234',
  'http://127.0.0.1',
  'https://evil.example',
  'file:///home/user/index.html',
  'data:text/html,<script>1</script>',
  'app://other-host',
  'app://hearing-room:8080',
  'app://user@hearing-room',
  'app-x://hearing-room',
  'about:blank',
  'blob:app://hearing-room/0f3c',
  '',
  'not a url',
];

test('the app origin is recognised, as an origin or as a page URL', () => {
  assert.equal(appOrigin, 'app://hearing-room');
  for (const url of [
    appOrigin,
    `${appOrigin}/`,
    appEntryUrl,
    'app://HEARING-ROOM/index.html#/hearings',
  ]) {
    assert.equal(isAppOrigin(url), true, url);
  }
});

test('other origins are not the app', () => {
  for (const url of foreignOrigins) assert.equal(isAppOrigin(url), false, url);
  assert.equal(isAppOrigin(undefined), false);
  assert.equal(isAppOrigin(null), false);
});

test('the app may use the camera and the microphone', () => {
  assert.equal(mayUseMedia('media', appOrigin, ['video', 'audio']), true);
  assert.equal(mayUseMedia('media', `${appOrigin}/`, ['video']), true);
  assert.equal(mayUseMedia('media', appEntryUrl, ['audio']), true);
});

test('no other origin may use media', () => {
  for (const origin of foreignOrigins) {
    assert.equal(mayUseMedia('media', origin, ['video', 'audio']), false, origin);
  }
});

test('screen capture and unknown media are refused, even to the app', () => {
  assert.equal(mayUseMedia('media', appOrigin, []), false);
  assert.equal(mayUseMedia('media', appOrigin, undefined), false);
  assert.equal(mayUseMedia('media', appOrigin, ['unknown']), false);
  assert.equal(mayUseMedia('media', appOrigin, ['video', 'desktop']), false);
});

test('permissions other than media are refused, even to the app', () => {
  for (const permission of [
    'display-capture',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'midi',
    'midiSysex',
    'pointerLock',
    'keyboardLock',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'idle-detection',
    'window-management',
    'storage-access',
    'unknown',
  ]) {
    assert.equal(mayUseMedia(permission, appOrigin, ['video', 'audio']), false, permission);
    assert.equal(
      mayGrantPermission({
        permission,
        requestingUrl: appEntryUrl,
        mediaTypes: ['video', 'audio'],
      }),
      false,
      permission,
    );
    assert.equal(
      mayPassPermissionCheck({ permission, requestingOrigin: appOrigin, mediaType: 'video' }),
      false,
    );
  }
});

test('a permission request is granted only when the frame and the media origin are both the app', () => {
  const ask = {
    permission: 'media',
    requestingUrl: appEntryUrl,
    mediaTypes: ['video', 'audio'] as const,
  };
  assert.equal(mayGrantPermission(ask), true);
  assert.equal(mayGrantPermission({ ...ask, securityOrigin: `${appOrigin}/` }), true);
  assert.equal(mayGrantPermission({ ...ask, securityOrigin: 'https://evil.example/' }), false);
  assert.equal(mayGrantPermission({ ...ask, requestingUrl: 'http://127.0.0.1:1234/' }), false);
  assert.equal(mayGrantPermission({ ...ask, requestingUrl: undefined }), false);
});

test('a permission check passes only for the app, its camera or microphone, outside any foreign embedder', () => {
  assert.equal(
    mayPassPermissionCheck({
      permission: 'media',
      requestingOrigin: `${appOrigin}/`,
      mediaType: 'video',
    }),
    true,
  );
  assert.equal(
    mayPassPermissionCheck({
      permission: 'media',
      requestingOrigin: appOrigin,
      mediaType: 'audio',
    }),
    true,
  );
  assert.equal(
    mayPassPermissionCheck({
      permission: 'media',
      requestingOrigin: appOrigin,
      mediaType: 'unknown',
    }),
    false,
  );
  assert.equal(mayPassPermissionCheck({ permission: 'media', requestingOrigin: appOrigin }), false);
  assert.equal(
    mayPassPermissionCheck({
      permission: 'media',
      requestingOrigin: 'http://127.0.0.1',
      mediaType: 'video',
    }),
    false,
  );
  assert.equal(
    mayPassPermissionCheck({
      permission: 'media',
      requestingOrigin: appOrigin,
      mediaType: 'video',
      embeddingOrigin: 'https://evil.example',
    }),
    false,
  );
  assert.equal(
    mayPassPermissionCheck({
      permission: 'media',
      requestingOrigin: appOrigin,
      mediaType: 'video',
      securityOrigin: 'https://evil.example/',
    }),
    false,
  );
});

test('navigation stays inside the app', () => {
  assert.equal(mayNavigate(appEntryUrl), true);
  assert.equal(mayNavigate(`${appOrigin}/index.html#/hearings/1`), true);
  for (const url of foreignOrigins) assert.equal(mayNavigate(url), false, url);
});

test('IPC is answered only for a live frame showing the app', () => {
  assert.equal(isTrustedSender({ url: appEntryUrl }), true);
  assert.equal(isTrustedSender({ url: `${appOrigin}/index.html#/recording` }), true);
  assert.equal(isTrustedSender(null), false);
  assert.equal(isTrustedSender(undefined), false);
  for (const url of foreignOrigins) assert.equal(isTrustedSender({ url }), false, url);
});

test('an installed build opens no developer tools and shows no menu that could', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    const installed = developerAccess(true, platform);
    assert.equal(installed.devTools, false, platform);
    assert.notEqual(installed.menu, 'electron-default', platform);
    if (typeof installed.menu !== 'string') {
      // Electron's View menu (viewMenu) is the one that holds Toggle Developer Tools and Reload.
      const roles = installed.menu.map((item) => item.role as string);
      assert.ok(!roles.some((role) => ['viewMenu', 'toggleDevTools', 'reload', 'forceReload'].includes(role)), platform);
    }
  }
  assert.equal(developerAccess(true, 'linux').menu, 'none');
  assert.equal(developerAccess(true, 'win32').menu, 'none');
  // On macOS the Edit menu carries the copy and paste shortcuts of every text field.
  assert.deepEqual(developerAccess(true, 'darwin').menu, [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
});

test('a development build keeps the developer tools and Electron\'s menu', () => {
  assert.deepEqual(developerAccess(false, 'linux'), { devTools: true, menu: 'electron-default' });
});
