import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { KeyStoreError } from '../../main/services/keys/key-store';
import { KeySlots, keySlotsFile, type KeySlotOptions } from '../../main/services/keys/key-slots';
import { decodeRecoveryKey, encodeRecoveryKey } from '../../main/services/keys/recovery-key';
import type { SecretWrapper } from '../../main/services/keys/wrapped-key-file';
import { EncryptedMediaStore } from '../../main/services/storage/encrypted-media-store';
import { tempDir } from '../helpers/temp';

// A lower scrypt cost than the default keeps the suite fast; the file records the cost used.
const fast: KeySlotOptions = { cost: { N: 2 ** 12, r: 8, p: 1 } };

const problem = (p: string) => (err: unknown) => err instanceof KeyStoreError && err.problem === p;

async function setUp() {
  const dataDir = tempDir();
  const file = keySlotsFile(dataDir);
  const { keys, recoveryKey } = await KeySlots.create(
    file,
    { slotId: 'admin-1', password: 'first password' },
    fast,
  );
  return { dataDir, file, keys, recoveryKey };
}

/** Stands in for Electron's safeStorage: AES-GCM under a key only this object knows. */
function fakeMachine(): SecretWrapper {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    backend: () => 'gnome_libsecret',
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
    },
    decrypt(wrapped) {
      const b = Buffer.from(wrapped);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(b.length - 16));
      return Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
    },
  };
}

describe('key slots', () => {
  test('first start makes an owner-only file with an account slot and a recovery slot; both open the same data key', async () => {
    const { file, keys, recoveryKey } = await setUp();
    if (process.platform !== 'win32') {
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(statSync(join(file, '..')).mode & 0o777, 0o700);
    }
    assert.deepEqual(keys.slotIds(), ['admin-1', 'recovery']);
    assert.match(recoveryKey, /^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    const byPassword = await KeySlots.unlock(file, 'admin-1', 'first password', fast);
    const byRecovery = await KeySlots.unlockWithRecoveryKey(file, recoveryKey.toLowerCase(), fast);
    assert.deepEqual(byPassword.dataKey.databaseKey(), keys.dataKey.databaseKey());
    assert.deepEqual(byRecovery.dataKey.databaseKey(), keys.dataKey.databaseKey());
    assert.ok(
      !readFileSync(file, 'utf8').includes(recoveryKey),
      'the recovery key is stored nowhere',
    );
    await assert.rejects(
      KeySlots.create(file, { slotId: 'admin-2', password: 'another password' }, fast),
      problem('already_created'),
    );
  });

  test('a wrong password, an unknown slot and a wrong recovery key are refused, each with its own reason', async () => {
    const { file, recoveryKey } = await setUp();
    await assert.rejects(
      KeySlots.unlock(file, 'admin-1', 'First password', fast),
      (err: unknown) => {
        assert.ok(problem('wrong_password')(err));
        assert.match((err as Error).message, /does not open key slot "admin-1"/);
        return true;
      },
    );
    await assert.rejects(
      KeySlots.unlock(file, 'nobody', 'first password', fast),
      problem('unknown_slot'),
    );
    const other = encodeRecoveryKey(randomBytes(32));
    await assert.rejects(
      KeySlots.unlockWithRecoveryKey(file, other, fast),
      problem('wrong_recovery_key'),
    );
    await assert.rejects(
      KeySlots.unlockWithRecoveryKey(file, recoveryKey.slice(0, -5), fast),
      problem('not_a_recovery_key'),
    );
  });

  test('a changed slot file is named as tampered once any slot opens it', async () => {
    const { file, keys } = await setUp();
    await keys.addSlot('interviewer-1', 'second password');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { slots: Array<{ id: string }> };
    // Someone removes another account's slot from the file by hand.
    json.slots = json.slots.filter((s) => s.id !== 'interviewer-1');
    writeFileSync(file, JSON.stringify(json));
    await assert.rejects(
      KeySlots.unlock(file, 'admin-1', 'first password', fast),
      (err: unknown) => {
        assert.ok(problem('tampered')(err));
        assert.ok((err as Error).message.includes(file), 'the message names the file');
        return true;
      },
    );
    writeFileSync(file, '{"format":');
    await assert.rejects(
      KeySlots.unlock(file, 'admin-1', 'first password', fast),
      problem('damaged'),
    );
  });

  test('a slot’s wrap is bound to its id: a slot copied under another account’s id does not open', async () => {
    const { file, keys } = await setUp();
    await keys.addSlot('interviewer-1', 'second password');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { slots: Array<{ id: string }> };
    const copy = { ...(json.slots.find((s) => s.id === 'admin-1') as object), id: 'interviewer-1' };
    json.slots = json.slots.map((s) => (s.id === 'interviewer-1' ? copy : s)) as typeof json.slots;
    writeFileSync(file, JSON.stringify(json));
    await assert.rejects(
      KeySlots.unlock(file, 'interviewer-1', 'first password', fast),
      problem('wrong_password'),
    );
  });

  test('change and reset of a password re-wrap the data key only: other slots and media keys are unchanged', async () => {
    const { dataDir, file, keys, recoveryKey } = await setUp();
    await keys.addSlot('interviewer-1', 'second password');
    const store = new EncryptedMediaStore(dataDir, keys.dataKey.fileKeys());
    const media = randomBytes(200_000);
    store.writeAtomic('h1', 'segment-001-working.webm', media);
    const mediaFile = join(dataDir, 'hearings', 'h1', 'segment-001-working.webm');
    const mediaBefore = readFileSync(mediaFile);
    const slotsBefore = JSON.parse(readFileSync(file, 'utf8')) as { slots: Array<{ id: string }> };

    const changed = await KeySlots.changePassword(
      file,
      'interviewer-1',
      'second password',
      'a new password',
      fast,
    );
    await assert.rejects(
      KeySlots.unlock(file, 'interviewer-1', 'second password', fast),
      problem('wrong_password'),
    );
    const reset = await KeySlots.resetPassword(
      file,
      recoveryKey,
      'admin-1',
      'reset password',
      fast,
    );
    await assert.rejects(
      KeySlots.unlock(file, 'admin-1', 'first password', fast),
      problem('wrong_password'),
    );

    const reopened = await KeySlots.unlock(file, 'interviewer-1', 'a new password', fast);
    await KeySlots.unlock(file, 'admin-1', 'reset password', fast);
    for (const k of [changed, reset, reopened])
      assert.deepEqual(k.dataKey.databaseKey(), keys.dataKey.databaseKey());
    assert.deepEqual(readFileSync(mediaFile), mediaBefore, 'no media file was written');
    const after = new EncryptedMediaStore(dataDir, reopened.dataKey.fileKeys());
    assert.deepEqual(
      Buffer.from(await after.readBytes('h1', 'segment-001-working.webm', 0, media.length)),
      media,
    );
    const slotsAfter = JSON.parse(readFileSync(file, 'utf8')) as { slots: Array<{ id: string }> };
    assert.deepEqual(
      slotsAfter.slots.find((s) => s.id === 'recovery'),
      slotsBefore.slots.find((s) => s.id === 'recovery'),
      'the recovery slot is untouched',
    );
  });

  test('slots are added and removed; the last account’s slot and the recovery slot stay', async () => {
    const { file, keys } = await setUp();
    await keys.addSlot('psychologist-1', 'third password');
    await assert.rejects(keys.addSlot('psychologist-1', 'fourth password'), problem('slot_exists'));
    await assert.rejects(keys.addSlot('short', 'short'), problem('weak_passphrase'));
    keys.removeSlot('psychologist-1');
    await assert.rejects(
      KeySlots.unlock(file, 'psychologist-1', 'third password', fast),
      problem('unknown_slot'),
    );
    assert.throws(() => keys.removeSlot('admin-1'), problem('last_password_slot'));
    assert.throws(() => keys.removeSlot('recovery'), problem('unknown_slot'));
    assert.deepEqual((await KeySlots.unlock(file, 'admin-1', 'first password', fast)).slotIds(), [
      'admin-1',
      'recovery',
    ]);
  });

  test('a slot bound to the machine needs its secret storage as well as the password; the recovery slot does not', async () => {
    const dataDir = tempDir();
    const file = keySlotsFile(dataDir);
    const machine = fakeMachine();
    const { recoveryKey } = await KeySlots.create(
      file,
      { slotId: 'admin-1', password: 'first password' },
      { ...fast, machine },
    );
    await KeySlots.unlock(file, 'admin-1', 'first password', { ...fast, machine });
    await assert.rejects(
      KeySlots.unlock(file, 'admin-1', 'first password', fast),
      problem('machine_bound'),
    );
    await assert.rejects(
      KeySlots.unlock(file, 'admin-1', 'first password', { ...fast, machine: fakeMachine() }),
      problem('secret_storage_failed'),
    );
    // A backup restored on another machine opens with the recovery key alone.
    await KeySlots.unlockWithRecoveryKey(file, recoveryKey, fast);
  });

  test('the recovery key reads back as typed, forgiving case, dashes and look-alike characters', () => {
    const bytes = randomBytes(32);
    const text = encodeRecoveryKey(bytes);
    assert.deepEqual(decodeRecoveryKey(text), new Uint8Array(bytes));
    assert.deepEqual(
      decodeRecoveryKey(
        ` ${text.replace(/-/g, ' ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `,
      ),
      new Uint8Array(bytes),
    );
    assert.equal(decodeRecoveryKey(text.replace(/.$/, 'U')), null);
  });
});
