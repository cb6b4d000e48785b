import { pauseReasons, type HearingEvent, type PauseReason } from '../../../shared/domain/events';
import type { Recording } from '../../../shared/domain/hearing';
import type { AttendeeDraft, PersonOfTrustDraft, ProcedureDraft } from '../../../shared/domain/procedure';
import { receptionCentres } from '../../../shared/domain/reception-centres';
import type { Facts } from '../../../shared/rules/engine';
import { describeAgeUsed, describeReflectionPeriod } from '../../../shared/rules/messages/facts';
import { recordLabels, type RecordLanguage, type RecordLabels } from './labels';
import { situationLabels, type SituationLabels } from './labels-situation';

export interface WrittenRecordData {
  hearing: { id: string; caseReference: string };
  draft: ProcedureDraft;
  facts: Facts;
  ruleSet: { id: string; version: string };
  recordings: Array<Recording & { working: { name: string; sha256: string; sizeBytes: number } | null; masterName: string }>;
  events: HearingEvent[];
  appVersion: string;
  /** The installation key's fingerprint, grouped, that a clerk compares; null without a key. */
  keyFingerprint: string | null;
  generatedAt: Date;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value in the record is text typed by someone: it is always escaped. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => escapes[c] ?? c);

const locales: Record<RecordLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

/**
 * The written record (procès-verbal) as one self-contained HTML page: no script, no external
 * resource, times in Belgian local time. Printed to PDF by Electron or by Chromium.
 */
export function renderWrittenRecord(data: WrittenRecordData, language: RecordLanguage): string {
  const L = recordLabels[language];
  const locale = locales[language];
  const time = (iso: string | null | undefined) =>
    iso
      ? new Intl.DateTimeFormat(locale, {
          dateStyle: 'long',
          timeStyle: 'medium',
          timeZone: 'Europe/Brussels',
        }).format(new Date(iso))
      : L.none;
  const clock = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: 'Europe/Brussels' }).format(new Date(iso));
  const day = (iso: string | null | undefined) =>
    iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : L.none;
  const label = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : L.none);
  const row = (name: string, value: string) => `<tr><th scope="row">${esc(name)}</th><td>${value}</td></tr>`;
  const table = (rows: string[]) => `<table class="facts">${rows.join('')}</table>`;
  const section = (title: string, body: string) => `<section><h2>${esc(title)}</h2>${body}</section>`;
  const { draft, facts } = data;
  const f = L.fields;
  const S = situationLabels[language];
  const s = S.fields;
  const names = displayNames(locale);
  const languageName = (code: string | null | undefined) => (code ? names.language(code) : L.none);
  const yesNo = (v: boolean | null | undefined) => (v === true ? L.yes : v === false ? L.no : L.none);
  const by = (who: string | null | undefined, iso: string | null | undefined) =>
    `${esc(time(iso))} — ${esc(s.by)} ${esc(who ?? L.none)}`;

  const order = draft.order;
  const orderRows = [
    row(f.issuedBy, esc(label(L.issuers, order?.issuedBy))),
    row(f.magistrate, esc(order?.magistrateName ?? L.none)),
    row(f.reference, esc(order?.reference ?? L.none)),
    row(f.date, esc(day(order?.date))),
    row(f.offence, esc(label(L.offences, order?.offenceCategory))),
    row(f.capacity, esc(label(L.capacities, order?.capacity))),
  ];
  if (order?.decisionNotToRecord) {
    const d = order.decisionNotToRecord;
    orderRows.push(row(f.decisionNotToRecord, `${esc(d.by?.name)} (${esc(day(d.date))}): ${esc(d.reasons)}`));
  }

  const person = draft.personHeard;
  const age =
    facts.ageAtHearing !== null
      ? `${facts.ageAtHearing} ${L.years}`
      : facts.ageRange
        ? `${facts.ageRange.min}–${facts.ageRange.max} ${L.years}`
        : L.none;
  const personRows = [
    row(f.name, esc(person?.name ?? L.none)),
    ...(person?.dateOfBirthCertain === false
      ? // Without a range of dates, the age assessment below says what is known.
        person.dateOfBirthRange || !person.ageAssessment
        ? [row(f.assessedRange, `${esc(day(person.dateOfBirthRange?.earliest))} – ${esc(day(person.dateOfBirthRange?.latest))}`)]
        : []
      : [row(f.dateOfBirth, esc(day(person?.dateOfBirth)))]),
    row(f.age, esc(age)),
    row(f.category, esc(label(L.categories, person?.category))),
    row(f.language, esc(languageName(person?.language))),
    ...situationRows(draft, facts, { S, L, day, languageName, yesNo, by, names, language }),
  ];

  let consentBlock = '';
  if (draft.consent) {
    const c = draft.consent;
    const rows = [
      row(f.decision, esc(label(L.statuses, c.decision))),
      row(f.takenBy, esc(c.takenBy ?? L.none)),
      row(f.at, esc(time(c.at))),
      row(f.language, esc(languageName(c.language))),
      ...(c.interpretedBy ? [row(s.interpretedBy, esc(c.interpretedBy))] : []),
      row(f.wordsSaid, `<q>${esc(c.wordsSaid ?? '')}</q>`),
    ];
    if (c.withdrawal) rows.push(row(f.withdrawn, `${esc(time(c.withdrawal.at))} — ${esc(f.notedBy)}: ${esc(c.withdrawal.notedBy)}`));
    consentBlock = section(L.sections.consent, table(rows));
  }
  const informationBlock = draft.information
    ? section(
        L.sections.information,
        table([
          row(f.givenBy, esc(draft.information.givenBy ?? L.none)),
          row(f.at, esc(time(draft.information.at))),
          row(f.language, esc(languageName(draft.information.language))),
          ...(draft.information.interpretedBy ? [row(s.interpretedBy, esc(draft.information.interpretedBy))] : []),
        ]),
      )
    : '';

  const attendees = draft.attendees ?? [];
  const attendeeTable = `<table class="grid"><thead><tr>${[f.name, f.role, f.room, f.training, f.arrived, f.left]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('')}</tr></thead><tbody>${attendees
    .map(
      (a: AttendeeDraft) =>
        `<tr><td>${esc(a.name)}</td><td>${esc(label(L.roles, a.role))}</td><td>${esc(label(L.rooms, a.room))}</td><td>${esc(
          a.trainingReference ?? L.none,
        )}</td><td>${esc(time(a.arrivedAt))}</td><td>${esc(time(a.leftAt))}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const interpreters = attendees.filter((a) => a.role === 'interpreter');
  const interpreterBlock =
    interpreters.length > 0 || facts.interpreterRequired || draft.hearingLanguage
      ? section(
          S.sections.interpreter,
          table([
            row(s.hearingLanguage, esc(languageName(facts.hearingLanguage ?? draft.hearingLanguage))),
            row(f.language, esc(languageName(person?.language))),
            ...interpreters.flatMap((a) => [
              row(L.roles.interpreter ?? f.role, esc(a.name ?? L.none)),
              row(s.languagesInterpreted, esc((a.languages ?? []).map(languageName).join(', ') || L.none)),
              row(s.swornReference, esc(a.swornReference ?? L.none)),
            ]),
          ]),
        )
      : '';

  const followUp = draft.protectiveFollowUp;
  const followUpBlock =
    followUp || facts.protectiveFollowUpRequired
      ? section(S.sections.followUp, table(followUpRows(followUp, facts, { S, L, day, languageName, by, language })))
      : '';

  const signatureBlock = `<section class="signatures-section"><h2>${esc(S.sections.signatures)}</h2>${signatures(attendees, S, L)}</section>`;

  const room = draft.roomChecklist;
  const roomRows = [
    row(f.childFriendly, esc(yesNo(room?.childFriendly))),
    row(f.equipmentChecked, esc(yesNo(room?.equipmentChecked))),
    row(f.confirmedBy, `${esc(room?.confirmedBy ?? L.none)}, ${esc(time(room?.confirmedAt))}`),
  ];

  const recordingsBody = data.recordings
    .map((r) => {
      const rows = [
        row(f.started, esc(time(r.startedAt))),
        row(f.stopped, esc(time(r.stoppedAt))),
        row(f.duration, esc(formatDuration(r.durationMs))),
        row(f.status, `${esc(label(L.statuses, r.status))}${r.stopReason && r.stopReason !== 'stopped' ? ` (${esc(stopReasonLabel(r.stopReason, L))})` : ''}`),
        row(f.file, `<code>${esc(r.masterName)}</code>`),
        row(f.size, esc(r.sizeBytes)),
        row(f.sha256, `<code class="hash">${esc(r.sha256 ?? L.none)}</code>`),
      ];
      if (r.working) {
        rows.push(
          row(f.workingCopy, `<code>${esc(r.working.name)}</code> (${esc(r.working.sizeBytes)})`),
          row(`${f.workingCopy} ${f.sha256}`, `<code class="hash">${esc(r.working.sha256)}</code>`),
        );
      }
      return `<h3>${esc(f.segment)} ${esc(r.segment)}</h3>${table(rows)}`;
    })
    .join('');

  const reasons = pauseReasons(data.events);
  const eventsTable = `<table class="grid"><thead><tr>${[f.time, f.intoRecording, f.event, f.details]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('')}</tr></thead><tbody>${data.events
    // A reason given after its pause is shown with the pause, with the time it was noted.
    .filter((e) => e.kind !== 'pause_explained')
    .map(
      (e) =>
        `<tr><td>${esc(clock(e.at))}</td><td>${esc(e.offsetMs === null ? L.none : formatDuration(e.offsetMs))}</td><td>${esc(
          label(L.events, e.kind),
        )}</td><td>${esc(describeDetails(withPauseReason(e, reasons, L, clock), L))}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(L.title)} — ${esc(data.hearing.caseReference)}</title>
<style>
  @page {
    size: A4; margin: 18mm 16mm;
    @bottom-center { content: ${pageCounter(S.pageOf)}; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #444; }
  }
  body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; }
  h1 { font-size: 16pt; margin: 0; } .subtitle { margin: 2pt 0 12pt; color: #444; }
  h2 { font-size: 12pt; border-bottom: 1px solid #999; margin: 14pt 0 6pt; } h3 { font-size: 10.5pt; margin: 8pt 0 4pt; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; }
  table.facts th { width: 34%; font-weight: 600; } table.grid th, table.grid td { border: 1px solid #bbb; }
  code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; } .hash { word-break: break-all; }
  section { page-break-inside: auto; }
  table.signatures td { height: 14mm; vertical-align: bottom; } table.signatures td.line { width: 40%; border-bottom: 1px solid #111; }
  .signatures-section { page-break-inside: avoid; }
  .fingerprint code { font-size: 10pt; letter-spacing: 0.5pt; }
</style>
</head>
<body>
<h1>${esc(L.title)}</h1>
<p class="subtitle">${esc(L.subtitle)}</p>
${section(
  L.sections.case,
  table([
    row(f.caseReference, esc(data.hearing.caseReference)),
    row(f.hearingId, `<code>${esc(data.hearing.id)}</code>`),
    row(f.hearingDate, esc(day(draft.hearingDate))),
    row(f.hearingStart, esc(time(draft.hearingStart))),
    row(f.generatedAt, esc(time(data.generatedAt.toISOString()))),
  ]),
)}
${section(L.sections.order, table(orderRows))}
${section(L.sections.person, table(personRows))}
${consentBlock}
${informationBlock}
${section(L.sections.trust, table(personOfTrustRows(draft.personOfTrust, L, time, day)))}
${interpreterBlock}
${section(L.sections.attendees, attendeeTable)}
${section(L.sections.room, table(roomRows))}
${section(L.sections.recordings, recordingsBody || `<p>${esc(L.none)}</p>`)}
${section(L.sections.events, eventsTable)}
${followUpBlock}
${section(
  L.sections.rules,
  table([
    row(f.ruleSet, `<code>${esc(data.ruleSet.id)}</code>`),
    row(f.version, esc(data.ruleSet.version)),
    row(f.application, `Hearing Room ${esc(data.appVersion)}`),
  ]) +
    // On a line of its own under its label, so that it reads (and copies) in one piece.
    (data.keyFingerprint
      ? `<p class="fingerprint"><strong>${esc(f.keyFingerprint)}</strong><br><code>${esc(data.keyFingerprint)}</code></p>`
      : ''),
)}
${signatureBlock}
</body>
</html>
`;
}

/** Names of languages and countries in the record's language: `ar` is "Arabic", `AL` "Albania". */
function displayNames(locale: string) {
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const safely = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return { language: (code: string) => safely(languages, code), region: (code: string) => safely(regions, code) };
}

/** A CSS string for the page footer, with the printer's page counters in place of `{page}` and `{pages}`. */
function pageCounter(template: string): string {
  const text = (t: string) => `"${t.replace(/["\\\n]/g, ' ')}"`;
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : text(part)))
    .join(' ');
}

interface Words {
  S: SituationLabels;
  L: RecordLabels;
  day: (iso: string | null | undefined) => string;
  languageName: (code: string | null | undefined) => string;
  yesNo: (v: boolean | null | undefined) => string;
  by: (who: string | null | undefined, iso: string | null | undefined) => string;
  names: ReturnType<typeof displayNames>;
  language: RecordLanguage;
}

const htmlRow = (name: string, value: string) => `<tr><th scope="row">${esc(name)}</th><td>${value}</td></tr>`;

/**
 * The person's situation (study §§68-69): nationality, whether an EEA national on the hearing
 * day, accompanied or not, the guardian and the warning to the Guardianship Office, the age
 * assessment and the age used, said in words.
 */
function situationRows(draft: ProcedureDraft, facts: Facts, w: Words): string[] {
  const { S, L, day, languageName, yesNo, by, names } = w;
  const s = S.fields;
  const person = draft.personHeard;
  const rows: string[] = [];
  if (person?.otherLanguages?.length) rows.push(htmlRow(s.otherLanguages, esc(person.otherLanguages.map(languageName).join(', '))));
  if (person?.nationality) {
    rows.push(htmlRow(s.nationality, esc(names.region(person.nationality))));
    rows.push(htmlRow(s.eea, esc(yesNo(facts.eeaNational))));
  }
  if (person?.accompanied !== undefined && person.accompanied !== null) rows.push(htmlRow(s.accompanied, esc(yesNo(person.accompanied))));
  const guardian = person?.guardian;
  if (guardian) {
    rows.push(htmlRow(s.guardianStatus, esc(guardian.status ? S.guardianStatuses[guardian.status] : L.none)));
    if (guardian.name) rows.push(htmlRow(s.guardian, esc(guardian.name)));
    const warned = guardian.officeWarned;
    if (warned) {
      const reference = warned.reference ? ` (${esc(s.officeReference)} ${esc(warned.reference)})` : '';
      rows.push(htmlRow(s.officeWarned, `${by(warned.by, warned.at)}${reference}`));
    }
  }
  const assessment = person?.ageAssessment;
  if (assessment) {
    const tests = (assessment.medicalTests ?? []).map((t) => S.medicalTests[t]).join(', ');
    const method = assessment.method ? S.methods[assessment.method] : L.none;
    rows.push(htmlRow(s.ageAssessment, esc(method + (tests ? ` (${tests})` : ''))));
    rows.push(htmlRow(s.assessedOn, esc(day(assessment.date))));
    if (assessment.assessedBy) rows.push(htmlRow(s.assessedBy, esc(assessment.assessedBy)));
  }
  const used = describeAgeUsed(facts, w.language);
  if (used) rows.push(htmlRow(s.ageUsed, esc(used)));
  return rows;
}

/** The protective follow-up (study §§56, 78, 85-87), with the reflection period's last day. */
function followUpRows(followUp: ProcedureDraft['protectiveFollowUp'], facts: Facts, w: Pick<Words, 'S' | 'L' | 'day' | 'languageName' | 'by' | 'language'>): string[] {
  const { S, L, day, languageName, by } = w;
  const s = S.fields;
  const contact = followUp?.receptionCentre;
  const centre = receptionCentres.find((c) => c.id === contact?.centre);
  const centreName = centre ? `${centre.name} (${centre.place})` : (contact?.centre ?? '');
  const brochure = followUp?.brochure;
  const period = describeReflectionPeriod(facts, w.language);
  const informed = followUp?.guardianInformed;
  return [
    htmlRow(s.receptionCentre, contact ? `${esc(centreName)}, ${by(contact.by, contact.at)}` : esc(L.none)),
    htmlRow(s.brochure, brochure ? `${esc(languageName(brochure.language))}, ${by(brochure.by, brochure.at)}` : esc(L.none)),
    htmlRow(
      s.reflectionPeriod,
      esc(period ?? L.none) + (followUp?.reflectionPeriod?.notedBy ? ` — ${esc(s.by)} ${esc(followUp.reflectionPeriod.notedBy)}` : ''),
    ),
    htmlRow(s.reflectionEnd, esc(facts.reflectionPeriod ? day(facts.reflectionPeriod.end) : L.none)),
    htmlRow(s.guardianInformed, informed ? by(informed.by, informed.at) : esc(L.none)),
  ];
}

/** A line to sign for the interviewer first, then each other person present, once each. */
function signatures(attendees: readonly AttendeeDraft[], S: SituationLabels, L: RecordLabels): string {
  const seen = new Set<string>();
  const ordered = [...attendees.filter((a) => a.role === 'interviewer'), ...attendees.filter((a) => a.role !== 'interviewer')].filter((a) => {
    const key = `${a.name ?? ''}\u0000${a.role ?? ''}`;
    if (!a.name || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const head = [L.fields.name, S.fields.capacity, S.fields.signature].map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = ordered
    .map((a) => `<tr><td>${esc(a.name)}</td><td>${esc(a.role ? (L.roles[a.role] ?? a.role) : L.none)}</td><td class="line"></td></tr>`)
    .join('');
  return `<p>${esc(S.signaturesIntro)}</p><table class="signatures"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function personOfTrustRows(
  p: PersonOfTrustDraft | null | undefined,
  L: RecordLabels,
  time: (iso: string | null | undefined) => string,
  day: (iso: string | null | undefined) => string,
): string[] {
  const f = L.fields;
  const row = (name: string, value: string) => `<tr><th scope="row">${esc(name)}</th><td>${esc(value)}</td></tr>`;
  if (!p) return [row(f.choice, L.notRecorded)];
  if (p.kind === 'chosen') {
    return [row(f.choice, f.chosen), row(f.name, p.name ?? L.none), row(f.relation, p.relation ?? L.none), row(f.dateOfBirth, day(p.dateOfBirth))];
  }
  if (p.kind === 'none_chosen') {
    return [row(f.choice, f.noneChosen), row(f.recordedBy, p.recordedBy ?? L.none), row(f.at, time(p.at))];
  }
  const rows = [
    row(f.choice, f.refused),
    row(f.refusedPerson, `${p.refusedPerson?.name ?? L.none} (${p.refusedPerson?.relation ?? L.none})`),
    row(f.decidedBy, `${p.decidedBy?.name ?? L.none} (${p.decidedBy?.role ? (L.issuers[p.decidedBy.role] ?? '') : L.none})`),
    row(f.at, time(p.decidedAt)),
    row(f.reasons, p.reasons ?? L.none),
  ];
  const then = p.then;
  if (then?.kind === 'chosen') rows.push(row(f.then, `${then.name ?? L.none} (${then.relation ?? L.none})`));
  else if (then?.kind === 'none_chosen') rows.push(row(f.then, f.noneChosen));
  else rows.push(row(f.then, L.notRecorded));
  return rows;
}

function withPauseReason(
  e: HearingEvent,
  reasons: Map<number, PauseReason>,
  L: RecordLabels,
  clock: (iso: string) => string,
): HearingEvent {
  const given = e.kind === 'paused' ? reasons.get(e.seq) : undefined;
  if (!given?.notedAt) return e;
  const reason = `${given.reason} (${L.fields.reasonNotedAt} ${clock(given.notedAt)})`;
  return { ...e, details: { ...e.details, reason, decidedBy: given.decidedBy } };
}

function stopReasonLabel(reason: string, L: RecordLabels): string {
  return (L.stopReasons as Record<string, string>)[reason] ?? reason;
}

function describeDetails(e: HearingEvent, L: RecordLabels): string {
  const d = e.details as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.label === 'string' && d.label) parts.push(d.label);
  if (typeof d.reason === 'string' && d.reason !== 'stopped') {
    parts.push(e.kind === 'recording_stopped' ? stopReasonLabel(d.reason, L) : d.reason);
  }
  if (typeof d.decidedBy === 'string') parts.push(`${L.fields.decidedBy}: ${d.decidedBy}`);
  if (typeof d.name === 'string') parts.push(`${d.name} (${L.roles[String(d.role)] ?? ''}, ${L.rooms[String(d.room)] ?? ''})`);
  if (typeof d.text === 'string') parts.push(`${String(d.from ?? '')}: ${d.text}`);
  if (typeof d.description === 'string') parts.push(d.description);
  if (typeof d.notedBy === 'string') parts.push(`${L.fields.notedBy}: ${d.notedBy}`);
  if (typeof d.segment === 'number') parts.push(`${L.fields.segment} ${d.segment}`);
  if (typeof d.sha256 === 'string') parts.push(`SHA-256 ${d.sha256}`);
  return parts.join(' — ');
}

function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
