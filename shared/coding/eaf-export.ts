import type { Annotation, Author } from './annotations';
import {
  entryOf,
  schemeLanguages,
  type CodingScheme,
  type Localized,
  type SchemeLanguage,
  type TierKind,
} from './scheme';
import { segmentEndMs, type HearingTimeline, type PlacedEvent } from './timeline';

/**
 * ELAN's EAF 3.0, written as a string. ELAN plays the media of one document side by side (one
 * player per MEDIA_DESCRIPTOR, all on one clock), not one after the other, so a hearing recorded
 * in several segments is written as one EAF per segment: each with its segment's working copy as
 * its only medium and times counted from that segment's start. An annotation across a boundary is
 * cut there, each part in its segment's file under the same ANNOTATION_ID, and joined again on
 * import. The header says where the file sits on the hearing's timeline (PROPERTY elements named
 * `hearing-room:…`), which ELAN keeps and shows and an import reads back.
 */

export const eafLanguages: Record<SchemeLanguage, { id: string; label: string }> = {
  en: { id: 'eng', label: 'English (eng)' },
  nl: { id: 'nld', label: 'Dutch (nld)' },
  fr: { id: 'fra', label: 'French (fra)' },
  de: { id: 'deu', label: 'German (deu)' },
};

/** The stereotypes ELAN declares in every document; the comment tiers use Symbolic_Association. */
const constraints = [
  [
    'Time_Subdivision',
    "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval",
  ],
  [
    'Symbolic_Subdivision',
    'Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered',
  ],
  ['Symbolic_Association', '1-1 association with a parent annotation'],
  [
    'Included_In',
    "Time alignable annotations within the parent annotation's time interval, gaps are allowed",
  ],
] as const;

export const propertyPrefix = 'hearing-room:';
export const eventsLinguisticType = 'hearing-room-event';
export const commentLinguisticType = 'hearing-room-comment';

/** What the `hearing-room:tier` property says of each tier this application writes. */
export interface TierProperty {
  tier: string;
  role: 'annotations' | 'comments' | 'events';
  schemeTier: string | null;
  kind: TierKind | null;
  label: Localized | null;
  author: Author | null;
  /** For a tier imported from ELAN as a dependent tier: the scheme tier it depends on and ELAN's stereotype. */
  dependsOn?: { parent: string; stereotype: string };
}

export interface EafExportInput {
  hearingId: string;
  scheme: CodingScheme;
  annotations: readonly Annotation[];
  /** The hearing's log on the timeline (placeEvents). */
  events: readonly PlacedEvent[];
  /** The DATE of the document, an ISO 8601 instant. */
  date: string;
  /** The AUTHOR of the document: who exported it. */
  author: string;
  /**
   * For tiers imported from ELAN as dependent tiers, by tier id: the tier they depend on and the
   * stereotype. Written in the tier's property (the tier itself is written time-aligned), so an
   * import restores the link.
   */
  dependencies?: Readonly<Record<string, { parentId: string | null; stereotype: string | null }>>;
}

/** The part of the timeline one file covers, and its medium. */
export interface EafSpan {
  segment: number | null;
  startMs: number;
  /** Exclusive; Infinity for the last part. */
  endMs: number;
  media: { url: string; mimeType: string } | null;
}

// XML 1.0 cannot carry these characters at all, not even as references: they become U+FFFD.
const notXml =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(value: string): string {
  return (
    value
      .replace(notXml, '\uFFFD')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      // A parser turns a bare CR into LF; written as a reference it stays a CR.
      .replaceAll('\r', '&#13;')
  );
}

/** Also quotes, and the white space a parser would otherwise fold into spaces in an attribute. */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;');
}

const attributes = (values: Record<string, string | number | null | undefined>): string =>
  Object.entries(values)
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined,
    )
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');

/** An ANNOTATION_ID is an xsd:ID; the application's ids (UUIDs) fit after a letter prefix. */
function xmlId(prefix: string, id: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(id))
    throw new RangeError(`Identifier ${id} cannot be written as an EAF ANNOTATION_ID.`);
  return `${prefix}${id}`;
}

/** A media type without parameters (`video/webm;codecs=vp9` -> `video/webm`), as ELAN lists them. */
const bareMimeType = (mimeType: string): string => mimeType.split(';')[0]?.trim() || 'video/*';

/** The annotator's name and id, kept apart in their own tier: several annotators never share one. */
const authorKey = (a: Author) => `${a.displayName}\u0000${a.userId}`;

function eventValue(placed: PlacedEvent): string {
  const details = Object.entries(placed.event.details)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}: ${String(v)}`);
  return details.length > 0 ? `${placed.event.kind} (${details.join('; ')})` : placed.event.kind;
}

interface Slot {
  id: string;
  ms: number;
}

interface WrittenTier {
  id: string;
  linguisticType: string;
  annotator: string | null;
  parent: string | null;
  annotations: string[];
}

/** One EAF document for one span of the hearing's timeline. */
export function eafDocument(input: EafExportInput, span: EafSpan): string {
  const { scheme } = input;
  const slots: Slot[] = [];
  const slot = (ms: number): Slot => {
    const s = { id: '', ms: Math.max(0, Math.round(ms - span.startMs)) };
    slots.push(s);
    return s;
  };
  const inSpan = (start: number, end: number) =>
    start === end
      ? span.startMs <= start && start < span.endMs
      : start < span.endMs && end > span.startMs;

  const usedTierIds = new Set<string>();
  const tierId = (wanted: string) => {
    let id = wanted;
    for (let n = 2; usedTierIds.has(id); n++) id = `${wanted} ${n}`;
    usedTierIds.add(id);
    return id;
  };
  const tiers: WrittenTier[] = [];
  const tierProperties: TierProperty[] = [];
  // Annotations refer to slots whose ids are given once all are known and sorted.
  const pending: Array<{ tier: WrittenTier; render: () => string }> = [];

  for (const schemeTier of scheme.tiers) {
    const onTier = input.annotations.filter((a) => a.tierId === schemeTier.id);
    const authors = [...new Map(onTier.map((a) => [authorKey(a.author), a.author])).values()].sort(
      (a, b) => (authorKey(a) < authorKey(b) ? -1 : 1),
    );
    const groups: Array<Author | null> = authors.length > 0 ? authors : [null];
    for (const who of groups) {
      const tier: WrittenTier = {
        id: tierId(who ? `${schemeTier.id} (${who.displayName})` : schemeTier.id),
        linguisticType: schemeTier.id,
        annotator: who?.displayName ?? null,
        parent: null,
        annotations: [],
      };
      tiers.push(tier);
      const link = input.dependencies?.[schemeTier.id];
      tierProperties.push({
        tier: tier.id,
        role: 'annotations',
        schemeTier: schemeTier.id,
        kind: schemeTier.kind,
        label: schemeTier.label,
        author: who,
        ...(link?.parentId && link.stereotype ? { dependsOn: { parent: link.parentId, stereotype: link.stereotype } } : {}),
      });
      const mine = who ? onTier.filter((a) => authorKey(a.author) === authorKey(who)) : [];
      const commented =
        schemeTier.vocabulary !== null && mine.some((a) => a.text !== null && a.text !== '');
      const comments: WrittenTier | null = commented
        ? {
            id: tierId(`${tier.id} comment`),
            linguisticType: commentLinguisticType,
            annotator: tier.annotator,
            parent: tier.id,
            annotations: [],
          }
        : null;
      if (comments) {
        tiers.push(comments);
        tierProperties.push({
          tier: comments.id,
          role: 'comments',
          schemeTier: schemeTier.id,
          kind: null,
          label: null,
          author: who,
        });
      }
      for (const a of [...mine].sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs)) {
        if (!inSpan(a.startMs, a.endMs)) continue;
        const begin = slot(Math.max(a.startMs, span.startMs));
        const end = slot(Math.min(a.endMs, span.endMs));
        const entry =
          a.code === null || schemeTier.vocabulary === null
            ? undefined
            : entryOf(schemeTier, a.code);
        const value = schemeTier.vocabulary === null ? (a.text ?? '') : (entry?.label.en ?? '');
        const id = xmlId('a-', a.id);
        pending.push({
          tier,
          render: () =>
            `<ANNOTATION><ALIGNABLE_ANNOTATION${attributes({ ANNOTATION_ID: id, TIME_SLOT_REF1: begin.id, TIME_SLOT_REF2: end.id, CVE_REF: entry?.code })}><ANNOTATION_VALUE>${escapeText(value)}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>`,
        });
        if (comments && a.text !== null && a.text !== '') {
          const text = a.text;
          pending.push({
            tier: comments,
            render: () =>
              `<ANNOTATION><REF_ANNOTATION${attributes({ ANNOTATION_ID: xmlId('c-', a.id), ANNOTATION_REF: id })}><ANNOTATION_VALUE>${escapeText(text)}</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>`,
          });
        }
      }
    }
  }

  const events: WrittenTier = {
    id: tierId('hearing-room events'),
    linguisticType: eventsLinguisticType,
    annotator: null,
    parent: null,
    annotations: [],
  };
  tiers.push(events);
  tierProperties.push({
    tier: events.id,
    role: 'events',
    schemeTier: null,
    kind: 'point',
    label: null,
    author: null,
  });
  for (const placed of input.events) {
    if (!inSpan(placed.atMs, placed.atMs)) continue;
    const begin = slot(placed.atMs);
    const end = slot(placed.atMs);
    pending.push({
      tier: events,
      render: () =>
        `<ANNOTATION><ALIGNABLE_ANNOTATION${attributes({ ANNOTATION_ID: xmlId('e-', placed.event.id), TIME_SLOT_REF1: begin.id, TIME_SLOT_REF2: end.id })}><ANNOTATION_VALUE>${escapeText(eventValue(placed))}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>`,
    });
  }

  // ELAN writes TIME_ORDER in time order and numbers the slots along it.
  [...slots].sort((a, b) => a.ms - b.ms).forEach((s, i) => (s.id = `ts${i + 1}`));
  for (const p of pending) p.tier.annotations.push(p.render());

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<ANNOTATION_DOCUMENT${attributes({ AUTHOR: input.author, DATE: input.date, FORMAT: '3.0', VERSION: '3.0', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:noNamespaceSchemaLocation': 'http://www.mpi.nl/tools/elan/EAFv3.0.xsd' })}>`,
  );
  out.push('  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">');
  if (span.media) {
    out.push(
      `    <MEDIA_DESCRIPTOR${attributes({ MEDIA_URL: span.media.url, MIME_TYPE: bareMimeType(span.media.mimeType), RELATIVE_MEDIA_URL: span.media.url })}/>`,
    );
  }
  const property = (name: string, value: string) =>
    out.push(
      `    <PROPERTY${attributes({ NAME: `${propertyPrefix}${name}` })}>${escapeText(value)}</PROPERTY>`,
    );
  property('hearing', input.hearingId);
  property('scheme', `${scheme.id}@${scheme.version}`);
  if (span.segment !== null) property('segment', String(span.segment));
  property('timeline-start-ms', String(span.startMs));
  for (const t of tierProperties) property('tier', JSON.stringify(t));
  out.push('  </HEADER>');

  out.push('  <TIME_ORDER>');
  for (const s of [...slots].sort((a, b) => a.ms - b.ms))
    out.push(`    <TIME_SLOT${attributes({ TIME_SLOT_ID: s.id, TIME_VALUE: s.ms })}/>`);
  out.push('  </TIME_ORDER>');

  for (const tier of tiers) {
    const head = `  <TIER${attributes({ TIER_ID: tier.id, LINGUISTIC_TYPE_REF: tier.linguisticType, ANNOTATOR: tier.annotator, PARENT_REF: tier.parent })}`;
    if (tier.annotations.length === 0) {
      out.push(`${head}/>`);
      continue;
    }
    out.push(`${head}>`);
    for (const a of tier.annotations) out.push(`    ${a}`);
    out.push('  </TIER>');
  }

  for (const schemeTier of scheme.tiers) {
    out.push(
      `  <LINGUISTIC_TYPE${attributes({ LINGUISTIC_TYPE_ID: schemeTier.id, TIME_ALIGNABLE: 'true', GRAPHIC_REFERENCES: 'false', CONTROLLED_VOCABULARY_REF: schemeTier.vocabulary === null ? null : schemeTier.id })}/>`,
    );
  }
  out.push(
    `  <LINGUISTIC_TYPE${attributes({ LINGUISTIC_TYPE_ID: commentLinguisticType, TIME_ALIGNABLE: 'false', GRAPHIC_REFERENCES: 'false', CONSTRAINTS: 'Symbolic_Association' })}/>`,
  );
  out.push(
    `  <LINGUISTIC_TYPE${attributes({ LINGUISTIC_TYPE_ID: eventsLinguisticType, TIME_ALIGNABLE: 'true', GRAPHIC_REFERENCES: 'false' })}/>`,
  );

  for (const language of schemeLanguages) {
    out.push(
      `  <LANGUAGE${attributes({ LANG_ID: eafLanguages[language].id, LANG_LABEL: eafLanguages[language].label })}/>`,
    );
  }
  for (const [stereotype, description] of constraints) {
    out.push(`  <CONSTRAINT${attributes({ STEREOTYPE: stereotype, DESCRIPTION: description })}/>`);
  }
  for (const schemeTier of scheme.tiers) {
    if (schemeTier.vocabulary === null) continue;
    out.push(`  <CONTROLLED_VOCABULARY${attributes({ CV_ID: schemeTier.id })}>`);
    if (schemeTier.description) {
      for (const language of schemeLanguages) {
        out.push(
          `    <DESCRIPTION${attributes({ LANG_REF: eafLanguages[language].id })}>${escapeText(schemeTier.description[language])}</DESCRIPTION>`,
        );
      }
    }
    for (const entry of schemeTier.vocabulary) {
      out.push(`    <CV_ENTRY_ML${attributes({ CVE_ID: entry.code })}>`);
      for (const language of schemeLanguages) {
        out.push(
          `      <CVE_VALUE${attributes({ LANG_REF: eafLanguages[language].id, DESCRIPTION: entry.description?.[language] })}>${escapeText(entry.label[language])}</CVE_VALUE>`,
        );
      }
      out.push('    </CV_ENTRY_ML>');
    }
    out.push('  </CONTROLLED_VOCABULARY>');
  }
  out.push('</ANNOTATION_DOCUMENT>');
  return out.join('\n') + '\n';
}

export interface EafFile {
  /** A file name for the export folder, beside the working copies. */
  name: string;
  segment: number | null;
  xml: string;
}

/**
 * The EAF files of a hearing: one per segment, each pointing at its working copy through
 * `mediaUrl` (a URL relative to the EAF, e.g. `segment-001-working.webm` when both sit in the
 * export folder). A hearing without recordings gets one file without media.
 */
export function hearingEafFiles(
  input: EafExportInput,
  timeline: HearingTimeline,
  mediaUrl: (segment: number) => string | null,
): EafFile[] {
  const base = `hearing-${input.hearingId}`;
  if (timeline.segments.length === 0) {
    return [
      {
        name: `${base}.eaf`,
        segment: null,
        xml: eafDocument(input, { segment: null, startMs: 0, endMs: Infinity, media: null }),
      },
    ];
  }
  return timeline.segments.map((s, i) => {
    const last = i === timeline.segments.length - 1;
    const url = mediaUrl(s.segment);
    const span: EafSpan = {
      segment: s.segment,
      startMs: s.startMs,
      // The last file takes whatever lies past the recorded duration too: nothing is left out.
      endMs: last ? Infinity : segmentEndMs(s),
      media: url === null ? null : { url, mimeType: s.mimeType },
    };
    return {
      name: `${base}-segment-${String(s.segment).padStart(3, '0')}.eaf`,
      segment: s.segment,
      xml: eafDocument(input, span),
    };
  });
}
