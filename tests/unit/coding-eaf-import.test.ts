import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EafImportError, importEaf } from '../../shared/coding/eaf-import';
import { codingScheme } from '../../shared/coding/scheme';
import { validateEafFile, xmllintMissing } from '../helpers/xmllint';

const fixture = fileURLToPath(new URL('../fixtures/rich.eaf', import.meta.url));
const importer = { userId: 'u-imp', displayName: 'Importer' };
let n = 0;
const result = importEaf(readFileSync(fixture, 'utf8'), {
  by: importer,
  now: '2026-03-17T00:00:00.000Z',
  newId: () => `new-${++n}`,
  timelineStartMs: 500,
});
const row = (tier: string, value: string) => {
  const found = result.annotations.filter((a) => a.tierId === tier && (a.code ?? a.text) === value);
  assert.equal(found.length, 1, `${tier}: ${value}`);
  return found[0] ? [found[0].startMs - 500, found[0].endMs - 500] : [];
};

describe('EAF import of a file written as ELAN writes it', () => {
  test(
    'the fixture itself validates against the EAF 3.0 schema',
    { skip: xmllintMissing ?? false },
    () => {
      const verdict = validateEafFile(fixture);
      assert.ok(verdict.ok, verdict.output);
    },
  );

  test('keeps all 16 annotations, each tier a tier, placed at the given timeline start', () => {
    assert.equal(result.annotations.length, 16);
    assert.deepEqual(
      result.scheme.tiers.map((t) => t.id),
      [
        'Interviewer',
        'Prompt type',
        'Words',
        'Translation',
        'Gloss',
        'Child',
        'Child segments',
        'Gestures',
        'Remarks',
      ],
    );
    assert.deepEqual(
      row('Interviewer', 'Tell me everything that happened, from the beginning to the end.'),
      [1000, 4000],
    );
    assert.equal(
      result.annotations.find((a) => a.tierId === 'Interviewer' && a.startMs === 5500)?.text,
      'Wat gebeurde er toen? "Alles" & meer',
    );
    assert.ok(
      codingScheme.safeParse(result.scheme).success,
      'the imported scheme is a valid scheme',
    );
  });

  test('dependent tiers of the four stereotypes get the times ELAN shows', () => {
    // Symbolic subdivision: thirds of the parent, in PREVIOUS_ANNOTATION order (not file order).
    assert.deepEqual(
      [row('Words', 'Tell'), row('Words', 'me'), row('Words', 'everything')],
      [
        [1000, 2000],
        [2000, 3000],
        [3000, 4000],
      ],
    );
    // Symbolic association: the parent's times, also through a chain of references.
    assert.deepEqual(row('Translation', 'Que s’est-il passé ensuite ?'), [5000, 9000]);
    assert.deepEqual(row('Gloss', '1SG.OBJ'), [2000, 3000]);
    // Time subdivision with two unaligned slots: spread evenly over the parent's 10 s.
    assert.deepEqual(
      [
        row('Child segments', 'we went to the park'),
        row('Child segments', 'and then'),
        row('Child segments', 'he came'),
      ],
      [
        [10000, 13333],
        [13333, 16667],
        [16667, 20000],
      ],
    );
    // Included in: their own aligned times.
    assert.deepEqual(
      [row('Gestures', 'points to the door'), row('Gestures', 'looks down')],
      [
        [12000, 15000],
        [16000, 18000],
      ],
    );
  });

  test('vocabularies: entries by CVE_REF or by value in any language, four languages filled', () => {
    const prompt = result.scheme.tiers.find((t) => t.id === 'Prompt type');
    assert.deepEqual(
      prompt?.vocabulary?.map((e) => [e.code, e.label.en, e.label.nl, e.label.de, e.key]),
      [
        ['cveid_invitation', 'Invitation', 'Uitnodiging', 'Einladung', null],
        ['cveid_cued', 'Cued invitation', 'Gerichte uitnodiging', 'Cued invitation', null],
      ],
    );
    assert.equal(prompt?.vocabulary?.[0]?.description?.en, 'Open prompt for free recall');
    assert.equal(prompt?.description?.nl, 'Vraagtypes van de verhoorder');
    assert.deepEqual(row('Prompt type', 'cveid_invitation'), [1000, 4000]);
    assert.deepEqual(
      row('Prompt type', 'cveid_cued'),
      [5000, 9000],
      'matched by its Dutch value, without CVE_REF',
    );
    assert.deepEqual(row('Remarks', 'hesitation'), [21000, 22500]);
  });

  test('lists what it could not keep or had to change', () => {
    const listed = result.notes
      .filter((x) => x.level !== 'info')
      .map((x) => `${x.level} ${x.subject}`);
    for (const expected of [
      'lost LICENSE',
      'lost LOCALE',
      'lost LEXICON_REF',
      'lost REF_LINK_SET',
      'lost LINKED_FILE_DESCRIPTOR',
      'lost MEDIA_DESCRIPTOR',
      'lost PROPERTY',
      'lost vocabulary NICHD prompts, entry cveid_invitation',
      'changed vocabulary NICHD prompts, entry cveid_cued',
      'lost vocabulary remarks',
      'lost tier Interviewer',
      'lost tier Translation',
      'lost tier Gestures',
      'lost annotation a2',
      'lost annotation a9',
      'changed annotation a16',
      'changed tier Interviewer',
    ]) {
      assert.ok(listed.includes(expected), expected);
    }
    assert.ok(
      result.notes.some(
        (x) =>
          x.level === 'info' &&
          x.subject === 'tier Words' &&
          /Symbolic_Subdivision/.test(x.message),
      ),
    );
    assert.deepEqual(
      result.media.map((m) => [m.relativeUrl, m.mimeType, m.timeOriginMs]),
      [
        ['./interview%20one.mp4', 'video/mp4', 250],
        [null, 'audio/x-wav', null],
      ],
    );
  });

  test('annotations from a foreign file are entered as the importer’s, with new ids', () => {
    assert.ok(
      result.annotations.every(
        (a) => a.author.userId === importer.userId && a.id.startsWith('new-'),
      ),
    );
  });

  test('lists annotations it cannot place instead of dropping them', () => {
    const broken = readFileSync(fixture, 'utf8')
      .replace('TIME_SLOT_REF2="ts14"', 'TIME_SLOT_REF2="ts99"')
      .replace('ANNOTATION_REF="a2"', 'ANNOTATION_REF="a404"');
    const r = importEaf(broken, { by: importer, now: '', newId: () => 'x' });
    assert.equal(r.annotations.length, 14);
    const lost = r.notes.filter((x) => x.level === 'lost').map((x) => x.subject);
    assert.ok(lost.includes('annotation a16'));
    assert.ok(lost.includes('annotation a8'));
  });

  test('lists a property of this application that was edited into something unreadable', () => {
    const edited = readFileSync(fixture, 'utf8').replace(
      '<PROPERTY NAME="URN">',
      '<PROPERTY NAME="hearing-room:tier">{not json</PROPERTY><PROPERTY NAME="URN">',
    );
    const r = importEaf(edited, { by: importer, now: '', newId: () => 'x' });
    assert.equal(r.annotations.length, 16);
    assert.ok(
      r.notes.some(
        (x) => x.level === 'lost' && /hearing-room:tier is not valid JSON/.test(x.message),
      ),
    );
  });

  test('refuses what is not an EAF document', () => {
    assert.throws(
      () => importEaf('<ANNOTATION_DOCUMENT>', { by: importer, now: '', newId: () => 'x' }),
      EafImportError,
    );
    assert.throws(
      () => importEaf('<html/>', { by: importer, now: '', newId: () => 'x' }),
      /not an EAF document/,
    );
  });
});
