import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppHandler, resolveAppFile } from '../../main/electron/app-handler';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { tweakpaneStyleHashes } from '../../shared/security/tweakpane-styles';

let work: string;
let rendererDir: string;
const mediaRequests: Request[] = [];
let handle: (request: Request) => Promise<Response>;

before(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'app-handler-'));
  rendererDir = path.join(work, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Hearing Room</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.info(1);');
  writeFileSync(path.join(work, 'secret.txt'), 'outside the renderer');
  handle = createAppHandler({
    rendererDir,
    media: async (request) => {
      mediaRequests.push(request);
      if (request.url.endsWith('/broken')) throw new Error('disk gone');
      return new Response('part', {
        status: 206,
        headers: {
          'Content-Type': 'video/webm',
          'Content-Range': 'bytes 0-3/10',
          'Accept-Ranges': 'bytes',
        },
      });
    },
    log: { error: () => {} },
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

function assertSecurityHeaders(response: Response) {
  assert.equal(response.headers.get('Content-Security-Policy'), contentSecurityPolicy);
  assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
}

test('the CSP is strict', () => {
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    // Tweakpane's injected <style> elements, each allowed by the hash of its text.
    ["style-src 'self'", ...tweakpaneStyleHashes].join(' '),
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]) {
    assert.ok(contentSecurityPolicy.split('; ').includes(directive), directive);
  }
  assert.doesNotMatch(contentSecurityPolicy, /unsafe-inline|unsafe-eval|\*/);
});

test('/ and /index.html serve the page, with the security headers', async () => {
  for (const url of [
    'app://hearing-room/',
    'app://hearing-room/index.html',
    'app://hearing-room',
  ]) {
    const response = await get(url);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assertSecurityHeaders(response);
    assert.match(await response.text(), /Hearing Room/);
  }
});

test('assets are served with their type; HEAD has no body', async () => {
  const response = await get('app://hearing-room/assets/app.js');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
  assertSecurityHeaders(response);
  const head = await get('app://hearing-room/assets/app.js', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('a missing file is 404, with the security headers', async () => {
  const response = await get('app://hearing-room/assets/nothing.js');
  assert.equal(response.status, 404);
  assertSecurityHeaders(response);
  assert.equal((await get('app://hearing-room/assets')).status, 404);
});

test('no path leaves the renderer folder', async () => {
  for (const url of [
    'app://hearing-room/../secret.txt',
    'app://hearing-room/assets/../../secret.txt',
    'app://hearing-room/%2e%2e/secret.txt',
    'app://hearing-room/assets/%2E%2E/%2E%2E/secret.txt',
    'app://hearing-room/..%2Fsecret.txt',
    'app://hearing-room/assets/..%2F..%2Fsecret.txt',
    'app://hearing-room/..%5Csecret.txt',
    'app://hearing-room/..\\secret.txt',
    'app://hearing-room/%2Fetc%2Fpasswd',
    'app://hearing-room/C:%5Cwindows%5Cwin.ini',
    'app://hearing-room/index.html%00.js',
    'app://hearing-room/%E0%A4%A',
  ]) {
    const response = await get(url);
    assert.notEqual(response.status, 200, url);
    assertSecurityHeaders(response);
    assert.doesNotMatch(await response.text(), /outside the renderer/, url);
  }
});

test('resolveAppFile keeps inside the root or answers null', () => {
  assert.equal(
    resolveAppFile(rendererDir, 'app://hearing-room/'),
    path.join(rendererDir, 'index.html'),
  );
  assert.equal(
    resolveAppFile(rendererDir, 'app://hearing-room/assets/app.js'),
    path.join(rendererDir, 'assets', 'app.js'),
  );
  assert.equal(resolveAppFile(rendererDir, 'app://hearing-room/assets/..%2F..%2Fsecret.txt'), null);
  assert.equal(resolveAppFile(rendererDir, 'app://other/index.html'), null);
});

test('other hosts and origins are refused', async () => {
  for (const url of ['app://other-host/index.html', 'app://hearing-room:8080/index.html']) {
    const response = await get(url);
    assert.equal(response.status, 403, url);
    assertSecurityHeaders(response);
  }
});

test('only GET and HEAD are served for files', async () => {
  const response = await get('app://hearing-room/index.html', { method: 'POST', body: 'x' });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('Allow'), 'GET, HEAD');
});

test('media requests go to the media handler unchanged, and come back with the security headers', async () => {
  const request = new Request('app://hearing-room/media/h1/working.webm', {
    headers: { Range: 'bytes=0-3' },
  });
  const response = await handle(request);
  assert.equal(mediaRequests.at(-1), request);
  assert.equal(response.status, 206);
  assert.equal(response.headers.get('Content-Range'), 'bytes 0-3/10');
  assert.equal(response.headers.get('Content-Type'), 'video/webm');
  assertSecurityHeaders(response);
  assert.equal(await response.text(), 'part');
});

test('a failing media handler answers 500, with the security headers', async () => {
  const response = await get('app://hearing-room/media/h1/broken');
  assert.equal(response.status, 500);
  assertSecurityHeaders(response);
});
