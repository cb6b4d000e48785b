import 'i18next';
import type en from './en.json';

// English is the reference: every key used in code must exist there (the other languages are
// held to the same keys by tests/unit/i18n-keys.test.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
