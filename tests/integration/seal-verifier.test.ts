import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { canonicalJson } from '../../shared/canonical-json';
import { canonicalJsonText, sha256File } from '../../main/services/seal/verify';
import { writeZip } from '../../main/services/zip';
import { tempDir } from '../helpers/temp';

const root = join(import.meta.dirname, '../..');
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('the standalone verifier', () => {
  test('the committed tools/verify/hearing-room-verify.mjs is built from the current sources', () => {
    const r = spawnSync(process.execPath, ['scripts/build-verifier.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  });

  test('its canonical JSON gives the same bytes as the library the app signs with', () => {
    const values: unknown[] = [
      { b: 1, a: [true, null, 'x'], c: { z: 1e21, y: -0, x: 0.1 + 0.2 } },
      { é: 'ü', e: '\u2028\u0007"\\', '10': 1, '9': 2, A: 3, a: 4, '\ud83d\ude00': 'emoji' },
      [1, 'two', { three: [4, { five: 5.5 }] }],
      {
        details: { recordingId: 'x', input: { sha256: 'a'.repeat(64), sizeBytes: 70396 } },
        n: 123456789012,
      },
      'plain',
      42,
      null,
    ];
    for (const v of values) assert.equal(canonicalJsonText(v), canonicalJson(v));
  });

  test('hashes a file exactly, across its read blocks', async () => {
    const file = join(tempDir(), 'blob');
    const data = randomBytes(9 * 1024 * 1024 + 17);
    writeFileSync(file, data);
    const { createHash } = await import('node:crypto');
    assert.deepEqual(await sha256File(file), {
      sha256: createHash('sha256').update(data).digest('hex'),
      sizeBytes: data.byteLength,
    });
    writeFileSync(file, '');
    assert.equal((await sha256File(file)).sizeBytes, 0);
  });
});

describe('the zip writer', () => {
  test('stores files that unzip reads back byte for byte', async (t) => {
    if (!hasUnzip) return t.skip('unzip is not installed (Debian: apt-get install unzip)');
    const dir = tempDir();
    const a = join(dir, 'a.bin');
    const b = join(dir, 'b.txt');
    writeFileSync(a, randomBytes(5 * 1024 * 1024 + 3));
    writeFileSync(b, 'hello\n');
    for (const forceZip64 of [false, true]) {
      const zip = join(dir, `out-${forceZip64}.zip`);
      await writeZip(
        zip,
        [
          { name: 'f/a.bin', path: a },
          { name: 'f/b.txt', path: b },
        ],
        { directories: ['f'], forceZip64 },
      );
      const tested = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
      assert.equal(tested.status, 0, tested.stdout + tested.stderr);
      const piped = spawnSync('unzip', ['-p', zip, 'f/a.bin'], { maxBuffer: 64 * 1024 * 1024 });
      assert.deepEqual(piped.stdout, readFileSync(a));
    }
  });

  test('writes ZIP64 records past 4 GiB', async (t) => {
    if (process.env.HEARING_ROOM_LARGE_TESTS !== '1')
      return t.skip('writes 9 GB; set HEARING_ROOM_LARGE_TESTS=1 to run it');
    if (!hasUnzip) return t.skip('unzip is not installed (Debian: apt-get install unzip)');
    const dir = tempDir();
    const big = join(dir, 'big.bin');
    const block = randomBytes(64 * 1024 * 1024);
    const fd = openSync(big, 'w');
    for (let i = 0; i < 66; i++) writeSync(fd, block); // 4.125 GiB: past the 32-bit limit
    closeSync(fd);
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'after the large file, at an offset past 4 GiB\n');
    const zip = join(dir, 'big.zip');
    await writeZip(
      zip,
      [
        { name: 'x/big.bin', path: big },
        { name: 'x/small.txt', path: small },
      ],
      { directories: ['x'] },
    );
    const tested = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    assert.equal(tested.status, 0, tested.stdout + tested.stderr);
  });
});
