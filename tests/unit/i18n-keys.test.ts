import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Every language must say everything: a key missing from one file, or left empty, would show a
 * raw key or an English fallback to someone who reads only that language.
 */
const languages = ['en', 'nl', 'fr', 'de'] as const;
const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralSuffix = new RegExp(`_(${pluralCategories.join('|')})$`);

type Messages = { [key: string]: string | Messages };

function load(language: string): Messages {
  const file = fileURLToPath(new URL(`../../renderer/i18n/${language}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

/** Flattens nested messages into dotted keys, as i18next reads them. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) flat.set(k, v);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

const catalogs = new Map(languages.map((language) => [language, flatten(load(language))]));

/**
 * Keys with the plural suffixes taken off: languages have different plural forms (French has a
 * "many" form English does not), so they are compared by the message they belong to.
 */
function messageKeys(flat: Map<string, unknown>): string[] {
  return [...new Set([...flat.keys()].map((key) => key.replace(pluralSuffix, '')))].sort();
}

test('every language has the same messages as English', () => {
  const reference = messageKeys(catalogs.get('en')!);
  for (const language of languages) {
    assert.deepEqual(messageKeys(catalogs.get(language)!), reference, `messages of "${language}"`);
  }
});

test('every message is a non-empty string', () => {
  for (const [language, flat] of catalogs) {
    for (const [key, value] of flat) {
      assert.equal(typeof value, 'string', `${language}: "${key}" must be a string`);
      assert.notEqual((value as string).trim(), '', `${language}: "${key}" is empty`);
    }
  }
});

test('every plural message has exactly the forms its language needs', () => {
  for (const [language, flat] of catalogs) {
    const needed = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    const forms = new Map<string, string[]>();
    for (const key of flat.keys()) {
      const match = pluralSuffix.exec(key);
      if (!match) continue;
      const base = key.slice(0, match.index);
      forms.set(base, [...(forms.get(base) ?? []), match[1]!]);
    }
    for (const [base, found] of forms) {
      assert.ok(!flat.has(base), `${language}: "${base}" is both a plural and a plain message`);
      assert.deepEqual(found.sort(), needed, `${language}: plural forms of "${base}"`);
    }
  }
});

test('every language uses the same placeholders in each message', () => {
  const placeholders = (value: unknown) =>
    [...new Set(String(value).match(/\{\{\s*[\w.]+/g) ?? [])]
      .map((p) => p.replace(/\{\{\s*/, ''))
      .sort();
  const english = catalogs.get('en')!;
  for (const [language, flat] of catalogs) {
    for (const [key, value] of flat) {
      const base = key.replace(pluralSuffix, '');
      const reference = english.get(base) ?? english.get(`${base}_other`);
      assert.deepEqual(
        placeholders(value),
        placeholders(reference),
        `${language}: placeholders of "${key}"`,
      );
    }
  }
});
