import { hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { DataKey, keyLength, type WrappedKey } from './data-key';
import { keysDir, readKeyFile, replaceKeyFile, writeKeyFileOnce } from './key-file';
import { KeyStoreError } from './key-store';
import { plainTextBackend, type SecretWrapper } from './wrapped-key-file';
import { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';

const format = 'hearing-room-key-slots/1';
/** The one slot that the recovery key opens. */
export const recoverySlotId = 'recovery';
const slotIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const minimumPasswordLength = 8;

/**
 * scrypt at the cost OWASP recommends (N=2^17, r=8, p=1: 128 MiB, about a third of a second
 * here): each guess of a password costs an attacker as much. Recorded in every slot, so a later
 * version can raise it for new slots while old ones still open.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const defaultScryptCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const maxCostN = 2 ** 20;

type SlotKdf =
  | ({ name: 'scrypt'; salt: string } & ScryptCost)
  /** The recovery key is 256 random bits: nothing to stretch, HKDF only separates its use. */
  | { name: 'hkdf-sha256'; salt: string };

interface SlotJson {
  id: string;
  kind: 'password' | 'recovery';
  kdf: SlotKdf;
  /** The secret storage that wraps this slot on top of its password (Electron's safeStorage). */
  machine?: string;
  iv: string;
  tag: string;
  /** The data key, encrypted; wrapped again by `machine` when the slot is bound to this machine. */
  wrapped: string;
}

interface SlotFileJson {
  format: typeof format;
  slots: SlotJson[];
  /** HMAC-SHA256 of the canonical `{format, slots}` under a key derived from the data key. */
  mac: string;
}

export interface KeySlotOptions {
  /**
   * The operating system's secret storage (Electron's safeStorage, passed in by the Electron
   * glue). When given, new password slots are bound to this machine as well; the recovery slot
   * never is, so that a backup of the data folder can be opened on another machine.
   */
  machine?: SecretWrapper;
  cost?: ScryptCost;
}

/** `<dataDir>/keys/data-key-slots.json`: beside the installation's signing key, in the owner-only keys folder. */
export function keySlotsFile(dataDir: string): string {
  return join(keysDir(dataDir), 'data-key-slots.json');
}

/**
 * The installation's data key in key slots, as LUKS keeps a disk key: one slot per account (a key
 * derived from the account's password), one for the recovery key. Any slot opens the same data
 * key; adding, removing or re-wrapping a slot changes nothing else, so no recording is touched.
 * An unlocked `KeySlots` holds the data key and manages the slots; it is what sign-in returns.
 */
export class KeySlots {
  private constructor(
    readonly file: string,
    readonly dataKey: DataKey,
    private slots: SlotJson[],
    private readonly options: KeySlotOptions,
  ) {}

  static exists(file: string): boolean {
    return existsSync(file);
  }

  /**
   * First start: a new random data key, the first account's slot and the recovery slot. Returns
   * the recovery key, to be shown once (printed or written down): it is stored nowhere.
   */
  static async create(
    file: string,
    first: { slotId: string; password: string },
    options: KeySlotOptions = {},
  ): Promise<{ keys: KeySlots; recoveryKey: string }> {
    checkSlotId(first.slotId);
    checkPassword(first.password);
    if (existsSync(file)) throw alreadyCreated(file);
    const dataKey = DataKey.generate();
    const recovery = randomBytes(keyLength);
    const slots = [
      await passwordSlot(dataKey, first.slotId, first.password, options),
      recoverySlot(dataKey, recovery),
    ];
    const keys = new KeySlots(file, dataKey, slots, options);
    if (!writeKeyFileOnce(file, keys.serialize())) throw alreadyCreated(file);
    return { keys, recoveryKey: encodeRecoveryKey(recovery) };
  }

  /** Sign-in: opens the data key with an account's password. */
  static async unlock(
    file: string,
    slotId: string,
    password: string,
    options: KeySlotOptions = {},
  ): Promise<KeySlots> {
    const { slots, mac } = readSlots(file);
    const slot = slots.find((s) => s.id === slotId && s.kind === 'password');
    if (!slot) throw unknownSlot(file, slotId);
    const wrapped = unbind(file, slot, options.machine);
    const dataKey = DataKey.unwrap(await slotKey(file, slot, password), slotAad(slot), wrapped);
    if (!dataKey) {
      throw new KeyStoreError(
        'wrong_password',
        `The password does not open key slot "${slotId}". Type it again, paying attention to capitals and the keyboard layout; if it is forgotten, an administrator can reset it with the recovery key.`,
      );
    }
    return KeySlots.checked(file, dataKey, slots, mac, options);
  }

  /** Opens the data key with the recovery key, as shown once at first start. */
  static async unlockWithRecoveryKey(
    file: string,
    recoveryKey: string,
    options: KeySlotOptions = {},
  ): Promise<KeySlots> {
    const bytes = decodeRecoveryKey(recoveryKey);
    if (!bytes) {
      throw new KeyStoreError(
        'not_a_recovery_key',
        'That is not a recovery key: it has 13 groups of 4 letters and digits. Check each group against the paper it was written on.',
      );
    }
    const { slots, mac } = readSlots(file);
    const slot = slots.find((s) => s.kind === 'recovery');
    if (!slot) throw unknownSlot(file, recoverySlotId);
    const dataKey = DataKey.unwrap(
      recoveryWrappingKey(bytes, slot),
      slotAad(slot),
      unbind(file, slot, undefined),
    );
    if (!dataKey) {
      throw new KeyStoreError(
        'wrong_recovery_key',
        `The recovery key does not open the data key in ${file}: it belongs to another installation, or a group was mistyped. Check it against the paper it was written on.`,
      );
    }
    return KeySlots.checked(file, dataKey, slots, mac, options);
  }

  /** Changing one's password: the old one must open the slot. Re-wraps the data key only. */
  static async changePassword(
    file: string,
    slotId: string,
    oldPassword: string,
    newPassword: string,
    options: KeySlotOptions = {},
  ): Promise<KeySlots> {
    const keys = await KeySlots.unlock(file, slotId, oldPassword, options);
    await keys.setPassword(slotId, newPassword);
    return keys;
  }

  /** A forgotten password: the recovery key opens the data key, which is wrapped again for the slot. */
  static async resetPassword(
    file: string,
    recoveryKey: string,
    slotId: string,
    newPassword: string,
    options: KeySlotOptions = {},
  ): Promise<KeySlots> {
    const keys = await KeySlots.unlockWithRecoveryKey(file, recoveryKey, options);
    await keys.setPassword(slotId, newPassword);
    return keys;
  }

  slotIds(): string[] {
    return this.slots.map((s) => s.id);
  }

  /** A slot for a new account. */
  async addSlot(slotId: string, password: string): Promise<void> {
    checkSlotId(slotId);
    checkPassword(password);
    if (this.slots.some((s) => s.id === slotId)) {
      throw new KeyStoreError(
        'slot_exists',
        `There is already a key slot "${slotId}"; change its password instead.`,
      );
    }
    const slot = await passwordSlot(this.dataKey, slotId, password, this.options);
    this.save([...this.slots, slot]);
  }

  /** Wraps the data key again for an existing account's slot under a new password, with a new salt. */
  async setPassword(slotId: string, password: string): Promise<void> {
    checkPassword(password);
    const index = this.slots.findIndex((s) => s.id === slotId && s.kind === 'password');
    if (index < 0) throw unknownSlot(this.file, slotId);
    const slot = await passwordSlot(this.dataKey, slotId, password, this.options);
    this.save(this.slots.map((s, i) => (i === index ? slot : s)));
  }

  /**
   * Removes an account's slot. The last password slot stays, so that someone can still sign in;
   * the recovery slot cannot be removed. A copy of the file made before still holds the removed
   * slot: removing a slot stops future use, it does not revoke a copy (see docs/encryption.md).
   */
  removeSlot(slotId: string): void {
    const slot = this.slots.find((s) => s.id === slotId);
    if (!slot || slot.kind !== 'password') throw unknownSlot(this.file, slotId);
    if (this.slots.filter((s) => s.kind === 'password').length === 1) {
      throw new KeyStoreError(
        'last_password_slot',
        `Key slot "${slotId}" is the last account that can sign in; add another account before removing it.`,
      );
    }
    this.save(this.slots.filter((s) => s !== slot));
  }

  private static checked(
    file: string,
    dataKey: DataKey,
    slots: SlotJson[],
    mac: string,
    options: KeySlotOptions,
  ): KeySlots {
    const keys = new KeySlots(file, dataKey, slots, options);
    if (!DataKey.sameMac(Buffer.from(mac, 'base64'), keys.mac())) {
      throw new KeyStoreError(
        'tampered',
        `The key slot file ${file} was changed outside Hearing Room: its slots no longer match the seal made with the data key. Restore it from the installation's backup and tell the data protection officer.`,
      );
    }
    return keys;
  }

  private save(slots: SlotJson[]): void {
    this.slots = slots;
    replaceKeyFile(this.file, this.serialize());
  }

  private mac(): Buffer {
    return this.dataKey.slotFileMac(
      Buffer.from(canonicalize({ format, slots: this.slots }) ?? '', 'utf8'),
    );
  }

  private serialize(): string {
    const json: SlotFileJson = { format, slots: this.slots, mac: this.mac().toString('base64') };
    return JSON.stringify(json, null, 2);
  }
}

/** What a slot's wrap is bound to: its id, its kind and its derivation settings, so none can be swapped. */
function slotAad(slot: Pick<SlotJson, 'id' | 'kind' | 'kdf' | 'machine'>): Buffer {
  return Buffer.from(
    canonicalize({
      format,
      id: slot.id,
      kind: slot.kind,
      kdf: slot.kdf,
      machine: slot.machine ?? null,
    }) ?? '',
    'utf8',
  );
}

async function passwordSlot(
  dataKey: DataKey,
  id: string,
  password: string,
  options: KeySlotOptions,
): Promise<SlotJson> {
  const cost = options.cost ?? defaultScryptCost;
  const kdf: SlotKdf = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
  if (options.machine) requireMachineProtection(options.machine);
  const shape = { id, kind: 'password' as const, kdf, machine: options.machine?.backend() };
  const w = dataKey.wrap(await scryptKey(password, kdf), slotAad(shape));
  const wrapped = options.machine
    ? Buffer.from(options.machine.encrypt(new Uint8Array(w.ciphertext)))
    : w.ciphertext;
  return {
    ...shape,
    iv: w.iv.toString('base64'),
    tag: w.tag.toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

function recoverySlot(dataKey: DataKey, recovery: Uint8Array): SlotJson {
  const kdf: SlotKdf = { name: 'hkdf-sha256', salt: randomBytes(16).toString('base64') };
  const shape = { id: recoverySlotId, kind: 'recovery' as const, kdf };
  const w = dataKey.wrap(recoveryWrappingKey(recovery, shape), slotAad(shape));
  return {
    ...shape,
    iv: w.iv.toString('base64'),
    tag: w.tag.toString('base64'),
    wrapped: w.ciphertext.toString('base64'),
  };
}

function recoveryWrappingKey(recovery: Uint8Array, slot: Pick<SlotJson, 'kdf'>): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      recovery,
      Buffer.from(slot.kdf.salt, 'base64'),
      'hearing-room/recovery-slot/1',
      keyLength,
    ),
  );
}

/** Runs in the thread pool: a sign-in during a recording never holds up its chunks. */
function scryptKey(password: string, kdf: Extract<SlotKdf, { name: 'scrypt' }>): Promise<Buffer> {
  const { N, r, p } = kdf;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      keyLength,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

function slotKey(file: string, slot: SlotJson, password: string): Promise<Buffer> {
  if (slot.kdf.name !== 'scrypt') throw damaged(file, `slot "${slot.id}" is not a password slot`);
  return scryptKey(password, slot.kdf);
}

/** The slot's wrapped data key, with the machine's layer taken off when the slot is bound to it. */
function unbind(file: string, slot: SlotJson, machine: SecretWrapper | undefined): WrappedKey {
  const stored = Buffer.from(slot.wrapped, 'base64');
  const iv = Buffer.from(slot.iv, 'base64');
  const tag = Buffer.from(slot.tag, 'base64');
  if (slot.machine === undefined) return { iv, ciphertext: stored, tag };
  if (!machine) {
    throw new KeyStoreError(
      'machine_bound',
      `Key slot "${slot.id}" in ${file} is bound to the secret storage of the machine that made it (${slot.machine}): open it in the desktop app on that machine, or use the recovery key.`,
    );
  }
  try {
    return { iv, ciphertext: Buffer.from(machine.decrypt(new Uint8Array(stored))), tag };
  } catch {
    throw new KeyStoreError(
      'secret_storage_failed',
      `The operating system's secret storage (${machine.backend()}) cannot open key slot "${slot.id}" in ${file}, which ${slot.machine} protected. Sign in to the computer as the user who set up Hearing Room, with the same keyring unlocked, or use the recovery key.`,
    );
  }
}

function requireMachineProtection(machine: SecretWrapper): void {
  if (!machine.isAvailable() || machine.backend() === plainTextBackend) {
    throw new KeyStoreError(
      machine.isAvailable() ? 'secret_storage_plain_text' : 'secret_storage_unavailable',
      "The operating system's secret storage cannot bind the account's key slot to this machine (it is missing, or it is Linux's plain-text 'basic_text'). On Linux, install and unlock GNOME Keyring or KWallet, then try again.",
    );
  }
}

function readSlots(file: string): { slots: SlotJson[]; mac: string } {
  const json = readKeyFile(file) as Partial<SlotFileJson> | null;
  if (json === null) {
    throw new KeyStoreError(
      'damaged',
      `There is no key slot file at ${file}. Restore the data folder's keys/ from its backup; without it the recordings cannot be opened.`,
    );
  }
  if (json.format !== format || !Array.isArray(json.slots) || typeof json.mac !== 'string') {
    throw damaged(file, `it is not a ${format} file`);
  }
  for (const s of json.slots as unknown[]) {
    if (!validSlot(s)) throw damaged(file, 'one of its slots is incomplete');
  }
  return { slots: json.slots, mac: json.mac };
}

function validSlot(value: unknown): value is SlotJson {
  const s = value as Partial<SlotJson> | null;
  if (!s || typeof s.id !== 'string' || typeof s.iv !== 'string' || typeof s.tag !== 'string')
    return false;
  if (typeof s.wrapped !== 'string' || (s.machine !== undefined && typeof s.machine !== 'string'))
    return false;
  const k = s.kdf;
  if (s.kind === 'recovery') return k?.name === 'hkdf-sha256' && typeof k.salt === 'string';
  return (
    s.kind === 'password' &&
    k?.name === 'scrypt' &&
    typeof k.salt === 'string' &&
    Number.isInteger(k.N) &&
    k.N >= 2 &&
    k.N <= maxCostN &&
    Number.isInteger(k.r) &&
    k.r >= 1 &&
    k.r <= 32 &&
    Number.isInteger(k.p) &&
    k.p >= 1 &&
    k.p <= 16
  );
}

function checkSlotId(id: string): void {
  if (!slotIdPattern.test(id) || id === recoverySlotId) {
    throw new Error(
      `Invalid key slot id ${JSON.stringify(id)}: use an account's id (letters, digits, . _ : -).`,
    );
  }
}

function checkPassword(password: string): void {
  if (password.length < minimumPasswordLength) {
    throw new KeyStoreError(
      'weak_passphrase',
      `A password must have at least ${minimumPasswordLength} characters.`,
    );
  }
}

function damaged(file: string, why: string): KeyStoreError {
  return new KeyStoreError(
    'damaged',
    `The key slot file ${file} cannot be read: ${why}. Restore it from the installation's backup; without it the recordings cannot be opened.`,
  );
}

function unknownSlot(file: string, slotId: string): KeyStoreError {
  return new KeyStoreError('unknown_slot', `There is no key slot "${slotId}" in ${file}.`);
}

function alreadyCreated(file: string): KeyStoreError {
  return new KeyStoreError(
    'already_created',
    `The data key already exists in ${file}; sign in with an account or the recovery key instead of setting up again.`,
  );
}
