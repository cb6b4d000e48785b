import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogs, languages } from '../../main/services/seal/messages';

/**
 * The verifier's result lines count checks and audit entries; with one of them they must not read
 * "All 1 checks passed" in any language.
 */
const pluralAfterOne =
  /(?<![\d])1 (checks|entries|controles|regels|contrôles|entrées|Prüfungen|Einträge)\b|\b(All|Alle|Les) 1\b/;

test('the verifier says one check and one entry in the singular, in every language', () => {
  for (const language of languages) {
    const t = catalogs[language];
    const lines = [
      t.resultValid(1),
      t.resultValidPartly(1, ['x']),
      t.resultInvalid(1, 1),
      t.ownOk(1),
    ];
    for (const line of lines) assert.doesNotMatch(line, pluralAfterOne, `${language}: ${line}`);
  }
});

test('the verifier still counts several in the plural', () => {
  const plural = { en: 'checks', nl: 'controles', fr: 'contrôles', de: 'Prüfungen' } as const;
  for (const language of languages) {
    const t = catalogs[language];
    assert.match(t.resultValid(7), new RegExp(`7 ${plural[language]}`), language);
    assert.match(t.resultValidPartly(3, ['x']), new RegExp(`3 ${plural[language]}`), language);
    assert.match(t.resultInvalid(2, 7), new RegExp(plural[language]), language);
  }
});
