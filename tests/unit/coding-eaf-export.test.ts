import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Annotation, Author } from '../../shared/coding/annotations';
import { annotationsCsv, clockTime, csvField } from '../../shared/coding/csv';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';
import {
  eafDocument,
  escapeAttribute,
  hearingEafFiles,
  type EafExportInput,
} from '../../shared/coding/eaf-export';
import { importEaf, joinSegments } from '../../shared/coding/eaf-import';
import type { CodingScheme } from '../../shared/coding/scheme';
import { hearingTimeline, placeEvents } from '../../shared/coding/timeline';
import type { HearingEvent } from '../../shared/domain/events';
import type { Recording } from '../../shared/domain/hearing';
import { validateEaf, xmllintMissing } from '../helpers/xmllint';

const anna: Author = { userId: 'u-anna', displayName: 'Anna "An" Peeters & Co <psy>' };
const bram: Author = { userId: 'u-bram', displayName: 'Bram Dubois' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let n = 0;
const a = (
  tierId: string,
  code: string | null,
  text: string | null,
  startMs: number,
  endMs: number,
  author = anna,
): Annotation => ({
  id: uuid(++n),
  tierId,
  code,
  text,
  startMs,
  endMs,
  author,
  createdAt: '2026-03-15T12:00:00.000Z',
});

const recording = (
  segment: number,
  durationMs: number,
  startedAt: string,
  stoppedAt: string,
): Recording => ({
  id: `r${segment}`,
  hearingId: 'h1',
  segment,
  status: 'complete',
  stopReason: 'stopped',
  mimeType: 'video/webm;codecs=vp9,opus',
  startedAt,
  stoppedAt,
  durationMs,
  sizeBytes: 1,
  chunkCount: 1,
  sha256: null,
  masterUrl: '',
  workingUrl: '',
});
const timeline = hearingTimeline([
  recording(1, 900_000, '2026-03-15T10:00:00.000Z', '2026-03-15T10:15:00.000Z'),
  recording(2, 600_000, '2026-03-15T10:20:00.000Z', '2026-03-15T10:30:00.000Z'),
]);
const event = (
  seq: number,
  recordingId: string,
  offsetMs: number,
  kind: HearingEvent['kind'],
  details: Record<string, unknown>,
): HearingEvent => ({
  id: uuid(1000 + seq),
  hearingId: 'h1',
  seq,
  kind,
  at: '2026-03-15T10:00:00.000Z',
  recordingId,
  offsetMs,
  details,
  recordedBy: 'u-x',
});
const events = placeEvents(timeline, [
  event(1, 'r1', 0, 'recording_started', {}),
  event(2, 'r1', 120_000, 'mark', { label: 'child <points> & "looks" away' }),
  event(3, 'r2', 10_000, 'paused', { reason: 'control room', decidedBy: 'magistrate' }),
]).placed;

const special = 'Said: "stop" & <left>\nthen, came back;\r\ttabbed — élève 👧';
const annotations: Annotation[] = [
  a('phase', 'introduction', null, 0, 60_000),
  a('phase', 'follow_up', null, 850_000, 950_000), // across the boundary of the two segments
  a('prompt', 'invitation', special, 65_000, 68_000),
  a('prompt', 'suggestive', null, 901_000, 903_000),
  a('prompt', 'directive', null, 65_500, 67_000, bram),
  a('response', null, null, 70_000, 71_000), // an interval left uncoded
  a('notes', null, special, 900_000, 900_000), // on the boundary: the second segment's
  a('notes', null, '=HYPERLINK("x")', 1_400_000, 1_400_000, bram),
];
const input = (over: Partial<EafExportInput> = {}): EafExportInput => ({
  hearingId: 'h1',
  scheme: forensicInterviewScheme,
  annotations,
  events,
  date: '2026-03-16T09:00:00.000Z',
  author: 'Hearing Room',
  ...over,
});
const files = hearingEafFiles(
  input(),
  timeline,
  (segment) => `segment-${String(segment).padStart(3, '0')}-working.webm`,
);
const importer = {
  by: { userId: 'u-imp', displayName: 'Importer' },
  now: '2026-03-17T00:00:00.000Z',
  newId: () => 'new',
};
const comparable = (list: readonly Annotation[]) =>
  [...list]
    .map(({ id, tierId, code, text, startMs, endMs, author }) => ({
      id,
      tierId,
      code,
      text,
      startMs,
      endMs,
      author,
    }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));

describe('EAF export', () => {
  test(
    'one file per segment, each validating against the EAF 3.0 schema',
    { skip: xmllintMissing ?? false },
    () => {
      assert.deepEqual(
        files.map((f) => f.name),
        ['hearing-h1-segment-001.eaf', 'hearing-h1-segment-002.eaf'],
      );
      for (const f of files) {
        const verdict = validateEaf(f.xml, f.name);
        assert.ok(verdict.ok, verdict.output);
      }
    },
  );

  test('each file names its own working copy and where it sits on the timeline', () => {
    const [first, second] = files.map((f) => f.xml);
    assert.match(
      first ?? '',
      /<MEDIA_DESCRIPTOR MEDIA_URL="segment-001-working.webm" MIME_TYPE="video\/webm" RELATIVE_MEDIA_URL="segment-001-working.webm"\/>/,
    );
    assert.match(second ?? '', /RELATIVE_MEDIA_URL="segment-002-working.webm"/);
    assert.match(
      second ?? '',
      /<PROPERTY NAME="hearing-room:timeline-start-ms">900000<\/PROPERTY>/,
    );
    assert.match(second ?? '', /<PROPERTY NAME="hearing-room:segment">2<\/PROPERTY>/);
  });

  test('one tier per scheme tier and annotator, comments on a dependent tier, the events on a tier of their own', () => {
    const xml = files[0]?.xml ?? '';
    const tierIds = [...xml.matchAll(/<TIER TIER_ID="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(tierIds, [
      'phase (Anna &quot;An&quot; Peeters &amp; Co &lt;psy&gt;)',
      'prompt (Anna &quot;An&quot; Peeters &amp; Co &lt;psy&gt;)',
      'prompt (Anna &quot;An&quot; Peeters &amp; Co &lt;psy&gt;) comment',
      'prompt (Bram Dubois)',
      'response (Anna &quot;An&quot; Peeters &amp; Co &lt;psy&gt;)',
      'notes (Anna &quot;An&quot; Peeters &amp; Co &lt;psy&gt;)',
      'notes (Bram Dubois)',
      'hearing-room events',
    ]);
    assert.match(xml, /ANNOTATOR="Bram Dubois"/);
    assert.match(xml, /CVE_REF="invitation"><ANNOTATION_VALUE>Invitation<\/ANNOTATION_VALUE>/);
    assert.match(
      xml,
      /<CVE_VALUE LANG_REF="nld" DESCRIPTION="[^"]+">Gerichte uitnodiging<\/CVE_VALUE>/,
    );
    assert.match(xml, /<LANGUAGE LANG_ID="deu" LANG_LABEL="German \(deu\)"\/>/);
    assert.match(
      xml,
      /<ANNOTATION_VALUE>mark \(label: child &lt;points&gt; &amp; "looks" away\)<\/ANNOTATION_VALUE>/,
    );
    assert.doesNotMatch(xml, /paused/, 'the pause is in the second segment');
  });

  test('cuts an annotation at the segment boundary, keeping its id in both files', () => {
    const id = `a-${annotations[1]?.id}`;
    for (const f of files) assert.ok(f.xml.includes(`ANNOTATION_ID="${id}"`), f.name);
  });

  test(
    'schemes of other shapes, empty tiers and an empty hearing validate',
    { skip: xmllintMissing ?? false },
    () => {
      const small: CodingScheme = {
        id: 'minimal',
        version: '2.1.0',
        validFrom: '2024-01-01',
        basis: ['test'],
        tiers: [
          {
            id: 'gaze',
            kind: 'point',
            label: { en: 'Gaze', nl: 'Blik', fr: 'Regard', de: 'Blick' },
            vocabulary: [
              {
                code: 'away',
                key: 'a',
                label: { en: 'Away', nl: 'Weg', fr: 'Ailleurs', de: 'Weg' },
              },
            ],
          },
          {
            id: 'free',
            kind: 'interval',
            label: { en: 'Free', nl: 'Vrij', fr: 'Libre', de: 'Frei' },
            vocabulary: null,
          },
        ],
        figures: null,
      };
      const gaze = a('gaze', 'away', null, 5000, 5000);
      for (const doc of [
        eafDocument(input({ scheme: small, annotations: [gaze], events: [] }), {
          segment: null,
          startMs: 0,
          endMs: Infinity,
          media: null,
        }),
        eafDocument(input({ annotations: [], events: [] }), {
          segment: 1,
          startMs: 0,
          endMs: Infinity,
          media: { url: 'a b.webm', mimeType: 'video/webm' },
        }),
        ...hearingEafFiles(input({ annotations: [] }), hearingTimeline([]), () => null).map(
          (f) => f.xml,
        ),
      ]) {
        const verdict = validateEaf(doc);
        assert.ok(verdict.ok, verdict.output);
      }
      const empty = eafDocument(input({ annotations: [], events: [] }), {
        segment: null,
        startMs: 0,
        endMs: Infinity,
        media: null,
      });
      assert.match(empty, /<TIER TIER_ID="phase" LINGUISTIC_TYPE_REF="phase"\/>/);
      assert.match(empty, /<TIME_ORDER>\n {2}<\/TIME_ORDER>/);
    },
  );

  test(
    'a six-hour hearing with 6,000 annotations validates',
    { skip: xmllintMissing ?? false },
    () => {
      const codes = ['invitation', 'cued_invitation', 'directive', 'option_posing', 'suggestive'];
      const many = Array.from({ length: 6000 }, (_, i) =>
        a('prompt', codes[i % 5] ?? null, null, i * 3600, i * 3600 + 2000),
      );
      const xml = eafDocument(input({ annotations: many, events: [] }), {
        segment: null,
        startMs: 0,
        endMs: Infinity,
        media: null,
      });
      const verdict = validateEaf(xml);
      assert.ok(verdict.ok, verdict.output);
      assert.match(xml, /TIME_VALUE="21598400"/);
    },
  );
});

describe('EAF round trip', () => {
  test('export, then import of every segment file, gives the same annotations', () => {
    const imported = files.map((f) => importEaf(f.xml, importer));
    assert.deepEqual(
      imported.map((i) => [i.segment, i.timelineStartMs, i.hearingId, i.schemeRef]),
      [
        [1, 0, 'h1', 'forensic-interview-nichd@1.1.0'],
        [2, 900_000, 'h1', 'forensic-interview-nichd@1.1.0'],
      ],
    );
    // Text with quotes, markup, CR, LF, tab and emoji, an uncoded interval, a note on the
    // boundary and a phase across it all come back as they were.
    assert.deepEqual(comparable(joinSegments(imported)), comparable(annotations));
    assert.deepEqual(
      imported.flatMap((i) => i.logEvents.map((e) => [e.atMs, e.value])),
      [
        [0, 'recording_started'],
        [120_000, 'mark (label: child <points> & "looks" away)'],
        [910_000, 'paused (decidedBy: magistrate; reason: control room)'],
      ],
    );
    assert.deepEqual(
      imported.flatMap((i) => i.notes.filter((note) => note.level !== 'info')),
      [],
    );
  });

  test('the imported scheme has the tiers, kinds, labels and vocabularies of the one exported', () => {
    const { scheme } = importEaf(files[0]?.xml ?? '', importer);
    assert.deepEqual(
      scheme.tiers.map((t) => [t.id, t.kind, t.label.nl]),
      forensicInterviewScheme.tiers.map((t) => [t.id, t.kind, t.label.nl]),
    );
    const prompt = scheme.tiers.find((t) => t.id === 'prompt');
    assert.deepEqual(
      prompt?.vocabulary?.map((e) => [e.code, e.label.fr, e.description?.de]),
      forensicInterviewScheme.tiers[1]?.vocabulary?.map((e) => [
        e.code,
        e.label.fr,
        e.description?.de,
      ]),
    );
  });

  test('characters XML cannot carry become U+FFFD; the rest comes back as typed', () => {
    const text = 'bell\u0007 & <ok>';
    const xml = eafDocument(
      input({ annotations: [a('notes', null, text, 1000, 1000)], events: [] }),
      { segment: null, startMs: 0, endMs: Infinity, media: null },
    );
    assert.equal(importEaf(xml, importer).annotations[0]?.text, 'bell\uFFFD & <ok>');
    assert.equal(escapeAttribute('a\tb\nc"d'), 'a&#9;b&#10;c&quot;d');
  });
});

describe('CSV export', () => {
  const csv = annotationsCsv(forensicInterviewScheme, annotations, 'nl');
  const lines = csv.split('\r\n');

  test('a header and one row per annotation in timeline order, CRLF line ends', () => {
    assert.equal(
      lines[0],
      'tier,tier_label,code,label,text,start_ms,end_ms,start,end,duration_ms,author,author_id,annotation_id,created_at,updated_at',
    );
    assert.equal(csv.endsWith('\r\n'), true);
    assert.match(
      lines[1] ?? '',
      /^phase,Fase van het verhoor,introduction,Inleiding,,0,60000,00:00:00\.000,00:01:00\.000,60000,/,
    );
  });

  test('quotes fields as RFC 4180 asks and defuses formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('-2'), "'-2");
    assert.equal(csvField(-2), '-2');
    assert.ok(csv.includes(`"Said: ""stop"" & <left>\nthen, came back;\r\ttabbed — élève 👧"`));
    assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`));
    assert.ok(csv.includes(',"Anna ""An"" Peeters & Co <psy>",u-anna,'));
  });

  test('times as hh:mm:ss.mmm, hours past a day not wrapped', () => {
    assert.equal(clockTime(0), '00:00:00.000');
    assert.equal(clockTime(3_723_004), '01:02:03.004');
    assert.equal(clockTime(90_000_000), '25:00:00.000');
  });
});
