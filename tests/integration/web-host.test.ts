import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { startWebHost } from '../../main/host/web-host';
import { encodeInput } from '../../shared/api/wire';
import { setUpPeople, testPassword } from '../helpers/accounts';
import { tempDir } from '../helpers/temp';

const rendererDir = tempDir();
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hearing Room</title>');
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
const services = await openServices({ dataDir: tempDir(), appVersion: 'test' });
const host = await startWebHost({ services, rendererDir });
after(async () => {
  await host.close();
  services.close();
});
const { people } = await setUpPeople((name, input, session) => services.call(session, 'http', name, input).then((r) => r.result), {
  interviewer: 'interviewer',
});
const session = people.interviewer!.session;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (name: string, input: unknown, token: string | null = host.token, extra: Record<string, string> = { 'X-Hearing-Room-Session': session }) => {
  const { body, contentType } = encodeInput(input);
  const headers: Record<string, string> = { 'Content-Type': contentType, ...extra };
  if (token !== null) headers['X-Hearing-Room-Token'] = token;
  return send(`/api/${name}`, { method: 'POST', headers, body });
};

describe('the web host', () => {
  test('listens on 127.0.0.1 only', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('refuses the API without the token, or with a wrong one', async () => {
    // One hex digit changed (never the same digit again).
    const wrong = `${host.token.slice(0, -1)}${host.token.endsWith('0') ? '1' : '0'}`;
    for (const token of [null, 'nope', wrong]) {
      const r = await api('hearings.list', {}, token);
      assert.equal(r.status, 403);
      assert.equal(JSON.parse(r.body).error.code, 'forbidden');
    }
  });

  test('answers the API with the token, through the same dispatcher', async () => {
    const ok = await api('hearings.list', {});
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { ok: true, value: { items: [], total: 0, page: 1, pageSize: 20, pageCount: 0 } });
    const bad = await api('hearings.create', { caseReference: '' });
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).error.code, 'invalid_input');
    const unknown = await api('no.such.call', {});
    assert.equal(unknown.status, 404);
  });

  test('refuses a malformed body with a clear message', async () => {
    const r = await send('/api/hearings.list', {
      method: 'POST',
      headers: { 'X-Hearing-Room-Token': host.token, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    assert.equal(r.status, 400);
    assert.match(JSON.parse(r.body).error.message, /not valid JSON/);
  });

  test('serves pages only to a browser that presented the token, and sends the CSP', async () => {
    const denied = await send('/');
    assert.equal(denied.status, 403);
    const first = await send(`/?token=${host.token}`);
    assert.equal(first.status, 200);
    assert.match(String(first.headers['content-security-policy']), /script-src 'self'/);
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    assert.match(cookie, /^hearing_room_page_\d+=/);
    const asset = await send('/assets/app.js', { headers: { Cookie: cookie } });
    assert.equal(asset.status, 200);
    const noCookie = await send('/assets/app.js');
    assert.equal(noCookie.status, 403);
    const traversal = await send('/../../etc/passwd', { headers: { Cookie: cookie } });
    assert.equal(traversal.status, 404);
  });

  test('gives pages a cookie of their own: HttpOnly, same-site, never the API token', async () => {
    const first = await send(`/?token=${host.token}`);
    const setCookie = String(first.headers['set-cookie']);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Strict/);
    assert.match(setCookie, /; Path=\//);
    const cookie = setCookie.split(';')[0] ?? '';
    const value = cookie.slice(cookie.indexOf('=') + 1);
    assert.match(value, /^[0-9a-f]{64}$/);
    assert.notEqual(value, host.token);
    assert.ok(!setCookie.includes(host.token));
    // The cookie reaches every program on 127.0.0.1 the browser visits: it must not open the API.
    const asHeader = await api('hearings.list', {}, value);
    assert.equal(asHeader.status, 403);
    assert.equal(JSON.parse(asHeader.body).error.code, 'forbidden');
    const asCookie = await send('/api/hearings.list', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(asCookie.status, 403);
    // It opens media (404: the recording does not exist, as opposed to 403).
    const media = await send('/media/recordings/11111111-2222-4333-8444-555555555555/master', { headers: { Cookie: cookie } });
    assert.equal(media.status, 404);
    assert.equal((await send(`/media/recordings/11111111-2222-4333-8444-555555555555/master?token=${value}`)).status, 403);
  });

  test('answers a malformed percent-encoding with 400 and what to correct, never a 500', async () => {
    const bad = await send('/api/%E0%A4%A', {
      method: 'POST',
      headers: { 'X-Hearing-Room-Token': host.token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(bad.status, 400);
    const result = JSON.parse(bad.body);
    assert.equal(result.ok, false);
    assert.equal(result.error.code, 'invalid_input');
    assert.match(result.error.message, /malformed percent-encoding.*Correct the address/);
    const cookie = String((await send(`/?token=${host.token}`)).headers['set-cookie']).split(';')[0] ?? '';
    for (const path of ['/assets/%E0%A4%A', '/%', '/%zz.js']) {
      const page = await send(path, { headers: { Cookie: cookie } });
      assert.equal(page.status, 400, path);
      assert.match(page.body, /malformed percent-encoding/);
      assert.doesNotMatch(page.body, /URIError|at /);
    }
    // Without the cookie the page is refused first: nothing about the host is told to strangers.
    assert.equal((await send('/%E0%A4%A')).status, 403);
  });

  test('keeps a path that starts with two slashes on this host', async () => {
    const cookie = String((await send(`/?token=${host.token}`)).headers['set-cookie']).split(';')[0] ?? '';
    assert.equal((await send('//evil.example/index.html', { headers: { Cookie: cookie } })).status, 404);
    assert.equal((await send('//[', { headers: { Cookie: cookie } })).status, 404);
  });

  test('refuses another Host name (DNS rebinding)', async () => {
    const r = await send(`/?token=${host.token}`, { headers: { Host: 'evil.example' } });
    assert.equal(r.status, 421);
  });

  test('serves media only with the token', async () => {
    const path = '/media/recordings/11111111-2222-4333-8444-555555555555/master';
    assert.equal((await send(path)).status, 403);
    assert.equal((await send(`${path}?token=${host.token}`)).status, 404);
  });

  test('answers signed_out (401) to a call without a session, and lets signing in through', async () => {
    const r = await api('hearings.list', {}, host.token, {});
    assert.equal(r.status, 401);
    assert.equal(JSON.parse(r.body).error.code, 'signed_out');
    assert.equal((await api('session.status', {}, host.token, {})).status, 200);
    assert.equal((await api('hearings.list', {}, host.token, { 'X-Hearing-Room-Session': 'forged' })).status, 401);
  });

  test('gives a page its session in a cookie of its own (HttpOnly, SameSite=Strict), never in the answer', async () => {
    const page = String((await send(`/?token=${host.token}`)).headers['set-cookie']).split(';')[0] ?? '';
    const signIn = await api('session.signIn', { username: 'interviewer', password: testPassword }, host.token, { Cookie: page });
    assert.equal(signIn.status, 200);
    assert.equal(JSON.parse(signIn.body).value.sessionToken, null);
    const setCookie = String(signIn.headers['set-cookie']);
    assert.match(setCookie, /^hearing_room_session_\d+=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\//);
    const sessionCookie = setCookie.split(';')[0] ?? '';
    const list = await api('hearings.list', {}, host.token, { Cookie: `${page}; ${sessionCookie}` });
    assert.equal(list.status, 200);
    // The session cookie alone opens nothing: the API still wants the token in its header.
    assert.equal((await api('hearings.list', {}, null, { Cookie: sessionCookie })).status, 403);
    const out = await api('session.signOut', {}, host.token, { Cookie: `${page}; ${sessionCookie}` });
    assert.match(String(out.headers['set-cookie']), /Max-Age=0/);
    assert.equal((await api('hearings.list', {}, host.token, { Cookie: `${page}; ${sessionCookie}` })).status, 401);
  });

  test('gives a script its session token in the answer of session.signIn', async () => {
    const signIn = await api('session.signIn', { username: 'interviewer', password: testPassword }, host.token, {});
    const token = JSON.parse(signIn.body).value.sessionToken as string;
    assert.match(token, /^[\w-]{43}$/);
    assert.equal(signIn.headers['set-cookie'], undefined);
    assert.equal((await api('hearings.list', {}, host.token, { 'X-Hearing-Room-Session': token })).status, 200);
  });
});

const kib = 1024;
const limited = await startWebHost({ services, rendererDir, maxBodyBytes: 600 * kib, bodyBudgetBytes: 1000 * kib });
after(() => limited.close());

/** Starts a call whose body is sent in parts (no Content-Length), so that it stays in flight. */
function upload(firstPart: number): { reply: Promise<Reply>; finish(): void } {
  let finish = () => undefined as void;
  const reply = new Promise<Reply>((resolve, reject) => {
    const req = request(
      `${limited.url}/api/session.status`,
      { method: 'POST', headers: { 'X-Hearing-Room-Token': limited.token, 'Content-Type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.write(' '.repeat(firstPart));
    finish = () => void req.end('{}');
  });
  return { reply, finish };
}

/** Waits until the host has read what was sent so far: however loaded the machine, never a guess. */
async function settle(bytes: number): Promise<void> {
  for (let i = 0; i < 1000 && limited.bodyBytesInFlight() < bytes; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(limited.bodyBytesInFlight(), bytes, 'the host has read the bodies sent so far');
}

describe('the web host under many large bodies', () => {
  test('refuses a body that would pass the budget with 503 and what to do, and forgets its bytes', async () => {
    const first = upload(500 * kib);
    await settle(500 * kib);
    const second = upload(400 * kib);
    await settle(900 * kib);
    const third = upload(300 * kib);
    third.finish();
    const refused = await third.reply;
    assert.equal(refused.status, 503);
    const result = JSON.parse(refused.body);
    assert.equal(result.ok, false);
    assert.equal(result.error.details.reason, 'busy');
    assert.match(result.error.message, /Try again in a moment/);

    // The refused body holds nothing: 90 KiB more still fits beside the two in flight.
    const small = upload(90 * kib);
    small.finish();
    assert.equal((await small.reply).status, 200);

    first.finish();
    second.finish();
    assert.equal((await first.reply).status, 200);
    assert.equal((await second.reply).status, 200);
    // Their bytes are given back once their calls have run.
    const again = upload(500 * kib);
    const andAgain = upload(450 * kib);
    again.finish();
    andAgain.finish();
    assert.equal((await again.reply).status, 200);
    assert.equal((await andAgain.reply).status, 200);
  });

  test('refuses one body larger than a call may send with 413, readable by the client', async () => {
    const declared = await send('/api/hearings.list', {
      method: 'POST',
      headers: { 'X-Hearing-Room-Token': host.token, 'Content-Type': 'application/json' },
      body: ' '.repeat(81 * 1024 * 1024),
    });
    assert.equal(declared.status, 413);
    assert.match(JSON.parse(declared.body).error.message, /larger than 83886080 bytes/);
    const streamed = upload(700 * kib);
    streamed.finish();
    const r = await streamed.reply;
    assert.equal(r.status, 413);
    assert.equal(JSON.parse(r.body).error.code, 'invalid_input');
  });
});
