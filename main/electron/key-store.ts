import { safeStorage } from 'electron';
import { WrappedKeyFile, type SecretWrapper } from '../services/keys/wrapped-key-file';

/**
 * The installation key wrapped with the operating system's secret store (Keychain, DPAPI,
 * libsecret or KWallet). WrappedKeyFile refuses Linux's plain-text fallback.
 */
export const osSecrets: SecretWrapper = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  backend: () =>
    process.platform === 'linux'
      ? safeStorage.getSelectedStorageBackend()
      : process.platform === 'darwin'
        ? 'keychain'
        : 'dpapi',
  encrypt: (plain) => safeStorage.encryptString(Buffer.from(plain).toString('base64')),
  decrypt: (wrapped) => Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64'),
};

export const openInstallationKey = (dataDir: string) => WrappedKeyFile.open(dataDir, osSecrets);
