import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openServices } from '../../main/services/app';
import { ChromiumPrinter, findChromium } from '../../main/host/chromium-printer';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator } from '../../shared/api/caller';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';
import { unaccompaniedChildSections, daysAgo, today } from '../helpers/unaccompanied';

/**
 * The child the study is about: an unaccompanied Albanian girl of about 15, victim of
 * trafficking, heard in French through an interpreter, with an appointed guardian; through the
 * dispatcher, as the renderer would call it.
 */
const chromium = findChromium();
const dataDir = tempDir();
const keys = PassphraseKeyFile.open(dataDir, 'correct horse battery staple');
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys,
  verifierPath,
  ...(chromium ? { printer: new ChromiumPrinter(chromium) } : {}),
});
after(() => services.close());
const ctx = localOperator('internal');
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
const raw = <T>(name: string, input: unknown) => services.dispatcher.dispatch(ctx, name, input) as Promise<Outcome<T>>;
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await raw<T>(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function refusal(name: string, input: unknown): Promise<ApiErrorBody> {
  const r = await raw(name, input);
  assert.ok(!r.ok, `${name} should have been refused`);
  return r.error;
}

interface Report {
  code: string;
  field: string;
}
interface View {
  draft: Record<string, unknown>;
  evaluation: {
    mayRecord: boolean;
    maySeal: boolean;
    unmet: Report[];
    openForSealing: Report[];
    reminders: Report[];
    facts: {
      ageUsed: number | null;
      ageAssessment: { min: number; max: number } | null;
      eeaNational: boolean | null;
      nonAccompaniedMinor: boolean | null;
      hearingLanguage: string | null;
      interpreterRequired: boolean | null;
      protectiveFollowUpRequired: boolean | null;
      reflectionPeriod: { start: string; end: string } | null;
    };
  };
}
const codes = (list: Report[]) => list.map((u) => u.code).sort();

async function preparedHearing(options: { followUp?: boolean } = {}) {
  const hearing = await call<Hearing>('hearings.create', {
    caseReference: `TEH/${Math.random().toString(16).slice(2, 8)}`,
    minorName: 'Ardita M.',
    dateOfBirth: '2011-01-01',
    hearingDate: today(),
  });
  const { sections, attendeeIds } = unaccompaniedChildSections();
  let view: View | null = null;
  for (const s of sections) {
    if (s.section === 'protectiveFollowUp' && !options.followUp) continue;
    view = await call<View>('procedure.save', { hearingId: hearing.id, ...s });
  }
  return { hearing, view: view as View, attendeeIds };
}

async function recorded(hearingId: string): Promise<void> {
  const rec = await call<Recording>('recordings.start', { hearingId, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
  await call('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  for (let i = 0; i < 400; i++) {
    const h = await call<Hearing>('hearings.get', { hearingId });
    if (h.jobs.length === 0 && h.recordings.every((r) => r.workingUrl)) return;
    await sleep(25);
  }
  throw new Error('the working copy was never made');
}

describe('the procedural record of an unaccompanied child', () => {
  test('is saved and read back whole, and the rules see the guardian, the age used and the interpreter', async () => {
    const { hearing, view } = await preparedHearing({ followUp: true });
    const loaded = await call<View>('procedure.get', { hearingId: hearing.id });
    const person = loaded.draft.personHeard as Record<string, unknown>;
    assert.equal(person.nationality, 'AL');
    assert.equal(person.accompanied, false);
    assert.deepEqual(person.guardian, {
      status: 'appointed',
      name: 'Maître C. Dubois',
      officeWarned: { at: `${daysAgo(12)}T10:15:00+01:00`, by: 'Insp. L. Peeters', reference: 'ST/2026/0457' },
    });
    assert.deepEqual((person.ageAssessment as { medicalTests: string[] }).medicalTests, ['wrist_xray', 'collarbone_xray', 'teeth_xray']);
    assert.equal(loaded.draft.hearingLanguage, 'fr');
    const interpreter = (loaded.draft.attendees as Array<Record<string, unknown>>).find((a) => a.role === 'interpreter');
    assert.deepEqual(interpreter?.languages, ['sq', 'fr']);
    assert.equal(interpreter?.swornReference, 'TOLK-BXL-2019-114');
    assert.equal((loaded.draft.protectiveFollowUp as { receptionCentre: { centre: string } }).receptionCentre.centre, 'minor_ndako');

    const { facts } = view.evaluation;
    assert.equal(facts.ageUsed, 15, 'the lowest assessed age is the one used');
    assert.deepEqual([facts.ageAssessment?.min, facts.ageAssessment?.max], [15, 17]);
    assert.equal(facts.eeaNational, false, 'Albania is not in the EEA');
    assert.equal(facts.nonAccompaniedMinor, true);
    assert.equal(facts.hearingLanguage, 'fr');
    assert.equal(facts.interpreterRequired, true);
    assert.equal(facts.protectiveFollowUpRequired, true);
    assert.equal(facts.reflectionPeriod?.start, today());
    assert.ok(facts.reflectionPeriod && facts.reflectionPeriod.end > today());
    assert.deepEqual(view.evaluation.unmet, []);
    assert.deepEqual(view.evaluation.openForSealing, []);
    assert.equal(view.evaluation.mayRecord, true);
    assert.equal(view.evaluation.maySeal, true);
  });

  test('without the interpreter present it cannot be recorded, and main says why', async () => {
    const { hearing, view } = await preparedHearing({ followUp: true });
    const attendees = (view.draft.attendees as Array<{ role: string }>).filter((a) => a.role !== 'interpreter');
    const saved = await call<View>('procedure.save', { hearingId: hearing.id, section: 'attendees', value: attendees });
    assert.deepEqual(codes(saved.evaluation.unmet), ['interpreter.missing']);
    const error = await refusal('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(error.code, 'readiness_unmet');
  });

  test('without a guardian or a warning to the Guardianship Office it is open for sealing, never blocked', async () => {
    const { hearing, view } = await preparedHearing({ followUp: true });
    const person = { ...(view.draft.personHeard as Record<string, unknown>), guardian: { status: 'not_yet' } };
    const saved = await call<View>('procedure.save', { hearingId: hearing.id, section: 'personHeard', value: person });
    assert.equal(saved.evaluation.mayRecord, true, 'an urgent hearing stays possible');
    assert.deepEqual(codes(saved.evaluation.openForSealing), ['guardian.office_not_warned']);
    assert.equal(saved.evaluation.maySeal, false);
  });

  test('bad input is refused with the fields named, and nothing is saved', async () => {
    const { hearing, view } = await preparedHearing();
    const before = await call<View>('procedure.get', { hearingId: hearing.id });
    const person = view.draft.personHeard as Record<string, unknown>;
    const bad = await refusal('procedure.save', {
      hearingId: hearing.id,
      section: 'personHeard',
      value: {
        ...person,
        nationality: 'Albania',
        guardian: { status: 'cousin' },
        ageAssessment: { method: 'guess', minAge: 15.5, maxAge: 17 },
      },
    });
    assert.equal(bad.code, 'invalid_input');
    assert.deepEqual((bad.issues ?? []).map((i) => i.path).sort(), [
      'value.ageAssessment.method',
      'value.ageAssessment.minAge',
      'value.guardian.status',
      'value.nationality',
    ]);
    const followUp = await refusal('procedure.save', {
      hearingId: hearing.id,
      section: 'protectiveFollowUp',
      value: { receptionCentre: { centre: 'Minor Ndako!' }, brochure: { language: 'Albanian' }, reflectionPeriod: { start: '2026-02-30' } },
    });
    assert.equal(followUp.code, 'invalid_input');
    assert.deepEqual((followUp.issues ?? []).map((i) => i.path).sort(), [
      'value.brochure.language',
      'value.receptionCentre.centre',
      'value.reflectionPeriod.start',
    ]);
    const language = await refusal('procedure.save', { hearingId: hearing.id, section: 'hearingLanguage', value: 'French' });
    assert.equal(language.code, 'invalid_input');
    assert.deepEqual(await call<View>('procedure.get', { hearingId: hearing.id }).then((v) => v.draft), before.draft);
  });
});

describe('sealing with the protective follow-up unfinished', () => {
  test('needs a typed reason, the open items are in the preview and the seal; the follow-up can be finished after recording', async () => {
    const { hearing } = await preparedHearing();
    await recorded(hearing.id);
    const preview = await call<{ unmet: Report[]; openForSealing: Report[]; blockers: unknown[] }>('hearings.sealPreview', {
      hearingId: hearing.id,
    });
    assert.deepEqual(preview.blockers, []);
    assert.deepEqual(preview.unmet, []);
    assert.deepEqual(codes(preview.openForSealing), [
      'follow_up.brochure_not_handed',
      'follow_up.guardian_not_informed',
      'follow_up.reception_centre_not_contacted',
      'follow_up.reflection_period_not_noted',
    ]);
    const refused = await refusal('hearings.seal', { hearingId: hearing.id });
    assert.equal(refused.details?.reason, 'seal_incomplete');
    assert.equal(refused.details?.reasonRequired, true);
    assert.match(refused.message, /follow_up\.brochure_not_handed/);

    // The follow-up is done after the hearing: it may still be saved once recorded.
    const contact = { receptionCentre: { centre: 'minor_ndako', at: new Date().toISOString(), by: 'Insp. L. Peeters' } };
    const partly = await call<View>('procedure.save', { hearingId: hearing.id, section: 'protectiveFollowUp', value: contact });
    assert.deepEqual(codes(partly.evaluation.openForSealing), [
      'follow_up.brochure_not_handed',
      'follow_up.guardian_not_informed',
      'follow_up.reflection_period_not_noted',
    ]);
    // Other sections stay fixed.
    assert.equal((await refusal('procedure.save', { hearingId: hearing.id, section: 'hearingLanguage', value: 'nl' })).code, 'conflict');

    assert.equal((await raw('hearings.seal', { hearingId: hearing.id, reason: '  ' })).ok, false, 'a blank reason is no reason');
    const reason = 'The child was taken to Minor Ndako by the guardian the same evening; the brochure follows by post.';
    await call('hearings.seal', { hearingId: hearing.id, reason });
    const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as {
      openItems?: { codes: string[]; reason: string };
    };
    assert.deepEqual(manifest.openItems, {
      codes: ['follow_up.brochure_not_handed', 'follow_up.reflection_period_not_noted', 'follow_up.guardian_not_informed'],
      reason,
    });
  });

  test('a finished follow-up needs no reason, and the audit chain keeps only digests of it', async () => {
    const { hearing } = await preparedHearing({ followUp: true });
    await recorded(hearing.id);
    const preview = await call<{ unmet: Report[]; openForSealing: Report[] }>('hearings.sealPreview', { hearingId: hearing.id });
    assert.deepEqual([...preview.unmet, ...preview.openForSealing], []);
    await call('hearings.seal', { hearingId: hearing.id });
    const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as { openItems?: unknown };
    assert.equal(manifest.openItems, undefined);
    // The sealed audit lines of the hearing keep digests of what was saved, never the values.
    const audit = readFileSync(join(dataDir, 'hearings', hearing.id, 'audit.jsonl'), 'utf8');
    assert.match(audit, /"section":"protectiveFollowUp"/);
    assert.match(audit, /"section":"hearingLanguage"/);
    for (const secret of ['Dubois', 'Ardita', 'ST/2026/0457', 'TOLK-BXL', 'minor_ndako', 'Hoxha', '"AL"']) {
      assert.ok(!audit.includes(secret), `${secret} is not in the audit chain`);
    }
  });
});

describe('the written record of an unaccompanied child', () => {
  test('names the guardian, the interpreter, the age used, the follow-up and the pages, languages as names', async (t) => {
    if (!chromium) {
      t.skip('Chromium is not installed here (apt-get install chromium), so no PDF can be printed');
      return;
    }
    const { hearing, view } = await preparedHearing({ followUp: true });
    await recorded(hearing.id);
    const end = view.evaluation.facts.reflectionPeriod?.end ?? 'missing';
    // By default in the language the hearing was held in (French), not the child's (Albanian).
    assert.equal((await call<{ language: string }>('writtenRecord.generate', { hearingId: hearing.id })).language, 'fr');
    const expected = {
      en: { page: /page 1 of (\d+)/, last: (n: number) => `page ${n} of ${n}`, age: /assessed 15–17 on \d\d\/\d\d\/\d{4}; 15 is used/, language: /Albanian/, locale: 'en-GB' },
      fr: { page: /page 1 sur (\d+)/, last: (n: number) => `page ${n} sur ${n}`, age: /âge estimé à 15–17 ans le \d\d\/\d\d\/\d{4} ; le jour de l'audition, l'âge pris en considération est 15 ans/, language: /albanais/, locale: 'fr-BE' },
      nl: { page: /pagina 1 van (\d+)/, last: (n: number) => `pagina ${n} van ${n}`, age: /15 jaar in aanmerking genomen/, language: /Albanees/, locale: 'nl-BE' },
      de: { page: /Seite 1 von (\d+)/, last: (n: number) => `Seite ${n} von ${n}`, age: /15 Jahre zugrunde gelegt/, language: /Albanisch/, locale: 'de-BE' },
    } as const;
    for (const [language, words] of Object.entries(expected)) {
      const printed = await call<{ fileName: string }>('writtenRecord.generate', { hearingId: hearing.id, language });
      const pdf = join(dataDir, 'hearings', hearing.id, printed.fileName);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const pages = Number(words.page.exec(text)?.[1] ?? 0);
      assert.ok(pages >= 2, `${language}: "page 1 of N" is printed (${text.slice(-200)})`);
      assert.ok(text.includes(words.last(pages)), `${language}: the last page is numbered`);
      assert.match(text, words.age, `${language}: the age used in words`);
      assert.match(text, words.language, `${language}: languages as names`);
      for (const name of ['Maître C. Dubois', 'A. Hoxha', 'TOLK-BXL-2019-114', 'ST/2026/0457', 'Minor Ndako', 'Insp. L. Peeters']) {
        assert.ok(text.includes(name), `${language}: ${name}`);
      }
      const endDay = new Intl.DateTimeFormat(words.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${end}T00:00:00Z`));
      assert.ok(text.includes(endDay), `${language}: the reflection period's last day (${endDay})`);
      assert.doesNotMatch(text, / sq[ ,]| wrist_xray|minor_ndako/, `${language}: no codes`);
      const flowing = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      assert.ok(flowing.includes(keys.fingerprint()), `${language}: the key fingerprint`);
    }
  });
});
