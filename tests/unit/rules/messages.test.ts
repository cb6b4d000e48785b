import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeUnmet,
  interpolate,
  messageLocale,
  messageLocales,
  unmetMessages,
} from '../../../shared/rules/messages/index';
import { allUnmetCodes, unmetCodes } from '../../../shared/rules/unmet';

const placeholders = (template: string) =>
  [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('every code the engine can report has a message in every language', () => {
  for (const locale of messageLocales) {
    test(`${locale}: no code left out, none extra`, () => {
      assert.deepEqual(Object.keys(unmetMessages[locale]).sort(), [...allUnmetCodes].sort());
    });
    for (const code of allUnmetCodes) {
      test(`${locale}: ${code}`, () => {
        const template = unmetMessages[locale][code];
        assert.equal(typeof template, 'string');
        assert.ok(template.trim().length > 20, 'the message says what to do');
        assert.deepEqual(
          placeholders(template),
          [...unmetCodes[code]].sort(),
          'the message uses exactly the parameters the engine sends',
        );
      });
    }
  }

  test('the four languages are not copies of each other', () => {
    for (const code of allUnmetCodes) {
      const texts = new Set(messageLocales.map((l) => unmetMessages[l][code]));
      assert.equal(texts.size, messageLocales.length, code);
    }
  });
});

describe('describeUnmet', () => {
  const report = {
    code: 'order.date_after_hearing' as const,
    field: 'order.date',
    params: { orderDate: '2026-03-17', hearingDate: '2026-03-16' },
  };
  const cases: Array<[locale: string, contains: string]> = [
    ['en', 'dated 17/03/2026, after the hearing (16/03/2026)'],
    ['nl', 'gedateerd op 17/03/2026, na het verhoor (16/03/2026)'],
    ['nl-BE', 'gedateerd op 17/03/2026'],
    ['fr', "daté du 17/03/2026, après l'audition (16/03/2026)"],
    ['fr_BE', 'daté du 17/03/2026'],
    ['de', 'auf den 17.03.2026 datiert'],
    ['it', 'dated 17/03/2026'],
  ];
  for (const [locale, contains] of cases) {
    test(`${locale}`, () => {
      const text = describeUnmet(report, locale);
      assert.ok(text.includes(contains), text);
      assert.ok(!text.includes('{{'), text);
    });
  }

  test('numbers are written as given', () => {
    const text = describeUnmet(
      {
        code: 'person_of_trust.under_age',
        field: 'personOfTrust.dateOfBirth',
        params: { age: 17, minimumAge: 18 },
      },
      'fr',
    );
    assert.equal(
      text,
      "La personne de confiance a 17 ans le jour de l'audition et doit avoir au moins 18 ans. Demandez à l'enfant de choisir un adulte, ou personne.",
    );
  });

  test('a placeholder without its parameter stays visible', () => {
    assert.equal(interpolate('{{a}} and {{b}}', { a: 1 }), '1 and {{b}}');
  });

  test('locale names', () => {
    assert.deepEqual(['nl-BE', 'FR', 'de_BE', 'en-GB', 'pt', ''].map(messageLocale), [
      'nl',
      'fr',
      'de',
      'en',
      'en',
      'en',
    ]);
  });
});
