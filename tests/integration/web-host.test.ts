import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { startWebHost } from '../../main/host/web-host';
import { encodeInput } from '../../shared/api/wire';
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

const api = (name: string, input: unknown, token: string | null = host.token) => {
  const { body, contentType } = encodeInput(input);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (token !== null) headers['X-Hearing-Room-Token'] = token;
  return send(`/api/${name}`, { method: 'POST', headers, body });
};

describe('the web host', () => {
  test('listens on 127.0.0.1 only', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('refuses the API without the token, or with a wrong one', async () => {
    for (const token of [null, 'nope', `${host.token.slice(0, -1)}0`]) {
      const r = await api('hearings.list', {}, token);
      assert.equal(r.status, 403);
      assert.equal(JSON.parse(r.body).error.code, 'forbidden');
    }
  });

  test('answers the API with the token, through the same dispatcher', async () => {
    const ok = await api('hearings.list', {});
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { ok: true, value: [] });
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
    assert.match(cookie, /^hearing_room_token=/);
    const asset = await send('/assets/app.js', { headers: { Cookie: cookie } });
    assert.equal(asset.status, 200);
    const noCookie = await send('/assets/app.js');
    assert.equal(noCookie.status, 403);
    const traversal = await send('/../../etc/passwd', { headers: { Cookie: cookie } });
    assert.equal(traversal.status, 404);
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
});
