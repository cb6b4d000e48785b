import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeUnmet,
  interpolate,
  messageLocale,
  messageLocales,
  unmetMessages,
} from '../../../shared/rules/messages/index';
import {
  describeAgeUsed,
  describeReflectionPeriod,
  factMessages,
  factTemplateNames,
} from '../../../shared/rules/messages/facts';
import { evaluate } from '../../../shared/rules/engine';
import { currentRuleSet } from '../../../shared/rules/ruleset';
import { allUnmetCodes, unmetCodes } from '../../../shared/rules/unmet';
import { completeRecord, unaccompaniedRecord } from './fixtures';

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

describe('the Belgian legal terms of the new messages', () => {
  const terms: Array<
    [locale: (typeof messageLocales)[number], code: keyof typeof unmetCodes, term: string]
  > = [
    ['nl', 'guardian.office_not_warned', 'Dienst Voogdij'],
    ['nl', 'follow_up.guardian_not_informed', 'voogd'],
    ['nl', 'rules.rule_outside_validity', 'verhoor'],
    ['fr', 'guardian.office_not_warned', 'Service des Tutelles'],
    ['fr', 'follow_up.guardian_not_informed', 'tuteur'],
    ['fr', 'rules.rule_outside_validity', 'audition'],
    ['de', 'guardian.office_not_warned', 'Vormundschaftsdienst'],
    ['de', 'follow_up.guardian_not_informed', 'Vormund'],
    ['de', 'rules.rule_outside_validity', 'Vernehmung'],
    ['en', 'guardian.office_not_warned', 'Guardianship Office'],
  ];
  for (const [locale, code, term] of terms) {
    test(`${locale}: ${code} says "${term}"`, () => {
      assert.ok(unmetMessages[locale][code].includes(term), unmetMessages[locale][code]);
    });
  }
  test('German says Vernehmung, never Anhörung', () => {
    for (const code of allUnmetCodes) assert.ok(!unmetMessages.de[code].includes('Anhörung'), code);
  });
});

describe('facts in words', () => {
  for (const locale of messageLocales) {
    test(`${locale}: every fact template, with its placeholders`, () => {
      assert.deepEqual(Object.keys(factMessages[locale]).sort(), [...factTemplateNames].sort());
      for (const name of factTemplateNames) {
        const expected =
          name === 'ageAssessed'
            ? ['date', 'max', 'min', 'used']
            : name === 'ageRange'
              ? ['max', 'min', 'used']
              : ['count', 'end', 'start'];
        assert.deepEqual(placeholders(factMessages[locale][name]), expected, name);
      }
    });
  }

  const assessedOnHearingDay = () => {
    const r = unaccompaniedRecord();
    const assessment = r.personHeard?.ageAssessment;
    if (!assessment) throw new Error('fixture without an assessment');
    assessment.date = '2026-03-16';
    return evaluate(r, currentRuleSet).facts;
  };
  const cases: Array<[locale: string, age: string, period: string]> = [
    [
      'en',
      'assessed 15–17 on 16/03/2026; 15 is used on the day of the hearing',
      'reflection period of 3 months from 16/03/2026 to 16/06/2026',
    ],
    [
      'nl',
      'leeftijd geschat op 15–17 jaar op 16/03/2026; op de dag van het verhoor wordt 15 jaar in aanmerking genomen',
      'reflectieperiode van 3 maanden van 16/03/2026 tot 16/06/2026',
    ],
    [
      'fr',
      "âge estimé à 15–17 ans le 16/03/2026 ; le jour de l'audition, l'âge pris en considération est 15 ans",
      'période de réflexion de 3 mois du 16/03/2026 au 16/06/2026',
    ],
    [
      'de',
      'Alter am 16.03.2026 auf 15–17 Jahre geschätzt; am Tag der Vernehmung werden 15 Jahre zugrunde gelegt',
      'Bedenkzeit von 3 Monaten vom 16.03.2026 bis zum 16.06.2026',
    ],
  ];
  for (const [locale, age, period] of cases) {
    test(`${locale}: the age used and the reflection period`, () => {
      const facts = assessedOnHearingDay();
      assert.equal(describeAgeUsed(facts, locale), age);
      assert.equal(describeReflectionPeriod(facts, locale), period);
    });
  }

  test('an adult’s reflection period in days', () => {
    const r = completeRecord();
    if (r.personHeard) {
      r.personHeard.dateOfBirth = '1990-01-01';
      r.personHeard.category = 'vulnerable_adult';
    }
    const facts = evaluate(r, currentRuleSet).facts;
    assert.equal(
      describeReflectionPeriod(facts, 'en'),
      'reflection period of 45 days from 16/03/2026 to 30/04/2026',
    );
  });

  test('a range of birth dates without an assessment', () => {
    const r = completeRecord();
    if (r.personHeard) {
      r.personHeard.dateOfBirthCertain = false;
      r.personHeard.dateOfBirthRange = { earliest: '2013-06-01', latest: '2015-06-01' };
    }
    const facts = evaluate(r, currentRuleSet).facts;
    assert.equal(
      describeAgeUsed(facts, 'en'),
      'between 10 and 12 on the day of the hearing; 10 is used',
    );
  });

  test('nothing to say for a certain date of birth or an unnoted period', () => {
    const r = completeRecord();
    r.protectiveFollowUp = null;
    const facts = evaluate(r, currentRuleSet).facts;
    assert.equal(describeAgeUsed(facts, 'fr'), null);
    assert.equal(describeReflectionPeriod(facts, 'fr'), null);
  });
});
