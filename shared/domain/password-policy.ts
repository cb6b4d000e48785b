/**
 * A new password: long rather than complex (NIST SP 800-63B). Checked in main (accounts.ts); the
 * renderer repeats the rule only to say it early. Kept apart from the schemas so that the sign-in
 * screens can show it without loading the validation library.
 */
export const minPasswordLength = 12;
