import { DOMParser } from '@xmldom/xmldom';
import { problemsOf, type Annotation, type Author } from './annotations';
import { propertyPrefix, type TierProperty } from './eaf-export';
import {
  schemeLanguages,
  type CodingScheme,
  type Localized,
  type SchemeLanguage,
  type SchemeTier,
  type VocabularyEntry,
} from './scheme';

/**
 * Reads an EAF document as ELAN writes it (2.8 to 3.0). Every tier becomes a tier of an imported
 * scheme, every controlled vocabulary a vocabulary; dependent tiers are kept as tiers of their
 * own with the times ELAN shows for them (their parent's, subdivided where the stereotype
 * subdivides). What the application cannot hold is listed in `notes`, never dropped unsaid.
 */

export interface ImportNote {
  /** `lost`: in the file, not in the result; `changed`: kept, but not as written; `info`: how it was read. */
  level: 'lost' | 'changed' | 'info';
  subject: string;
  message: string;
}

export interface ImportedMedia {
  url: string;
  relativeUrl: string | null;
  mimeType: string;
  timeOriginMs: number | null;
}

export interface ImportedLogEvent {
  id: string;
  atMs: number;
  value: string;
}

export interface EafImport {
  /** The tiers and vocabularies as the file has them. */
  scheme: CodingScheme;
  /** The scheme an export of this application named (`id@version`), for the app to use its own copy. */
  schemeRef: string | null;
  hearingId: string | null;
  segment: number | null;
  /** Where time 0 of the file lies on the hearing's timeline; already added to every time here. */
  timelineStartMs: number;
  annotations: Annotation[];
  /** The hearing's log, as an export of this application wrote it: not annotations. */
  logEvents: ImportedLogEvent[];
  media: ImportedMedia[];
  notes: ImportNote[];
  /** For each tier of `scheme`, the tier it depends on in the file (its id in `scheme`) and ELAN's stereotype. */
  dependencies: Record<string, { parent: string | null; stereotype: string | null }>;
}

export interface ImportOptions {
  /** Who imports: the author of annotations whose annotator the file does not identify. */
  by: Author;
  now: string;
  newId: () => string;
  /** Where time 0 lies on the timeline when the file does not say (a file from ELAN). */
  timelineStartMs?: number;
}

export class EafImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EafImportError';
  }
}

// ---------------------------------------------------------------------------------------------
// The document as read

interface RawAlignable {
  kind: 'alignable';
  id: string;
  tierId: string;
  ts1: string;
  ts2: string;
  value: string;
  cveRef: string | null;
}

interface RawRef {
  kind: 'ref';
  id: string;
  tierId: string;
  ref: string;
  previous: string | null;
  value: string;
  cveRef: string | null;
}

type RawAnnotation = RawAlignable | RawRef;

interface RawTier {
  id: string;
  linguisticType: string;
  parent: string | null;
  annotator: string | null;
  annotations: RawAnnotation[];
}

const elements = (parent: Element, name?: string): Element[] => {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || node.nodeName === name))
      found.push(node as Element);
  }
  return found;
};

const attr = (el: Element, name: string): string | null =>
  el.hasAttribute(name) ? el.getAttribute(name) : null;

const textOf = (el: Element | undefined): string => el?.textContent ?? '';

/** ELAN's three time units; frames are counted at the NTSC and PAL rates. */
const msPerUnit: Record<string, number> = {
  milliseconds: 1,
  'NTSC-frames': 1000 / 29.97,
  'PAL-frames': 1000 / 25,
};

/** LANGUAGE ids as ELAN writes them (ISO 639-3), and the two-letter and older forms. */
const languageOf = (langId: string, langDef: string | null): SchemeLanguage | null => {
  const tail = (langDef ?? '').split('/').pop() ?? '';
  for (const candidate of [langId.toLowerCase(), tail.toLowerCase()]) {
    for (const language of schemeLanguages) {
      const aliases = {
        en: ['eng', 'en'],
        nl: ['nld', 'dut', 'nl'],
        fr: ['fra', 'fre', 'fr'],
        de: ['deu', 'ger', 'de'],
      }[language];
      if (aliases.includes(candidate)) return language;
    }
  }
  return null;
};

const fill = (values: Partial<Record<SchemeLanguage, string>>, fallback: string): Localized => {
  const first =
    schemeLanguages.map((l) => values[l]).find((v) => v !== undefined && v.trim() !== '') ??
    fallback;
  return {
    en: values.en || first,
    nl: values.nl || first,
    fr: values.fr || first,
    de: values.de || first,
  };
};

export function importEaf(xml: string, options: ImportOptions): EafImport {
  const notes: ImportNote[] = [];
  const note = (level: ImportNote['level'], subject: string, message: string) =>
    notes.push({ level, subject, message });

  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => note('info', 'XML', m),
      error: (m: string) => errors.push(m),
      fatalError: (m: string) => errors.push(m),
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (errors.length > 0 || !root)
    throw new EafImportError(`The file is not well-formed XML: ${errors.join('; ')}`);
  if (root.nodeName !== 'ANNOTATION_DOCUMENT') {
    throw new EafImportError(`The file is not an EAF document: its root is ${root.nodeName}.`);
  }

  // Header: media, properties (this application's own, and any other, which are listed).
  const header = elements(root, 'HEADER')[0];
  if (!header) throw new EafImportError('The EAF document has no HEADER.');
  const unit = attr(header, 'TIME_UNITS') ?? 'milliseconds';
  const factor = msPerUnit[unit];
  if (factor === undefined) throw new EafImportError(`Unknown TIME_UNITS ${unit}.`);
  if (factor !== 1) note('changed', 'HEADER', `Times are in ${unit}; converted to milliseconds.`);
  const media: ImportedMedia[] = [];
  const ours = new Map<string, string>();
  const tierProps = new Map<string, TierProperty>();
  for (const el of elements(header)) {
    if (el.nodeName === 'MEDIA_DESCRIPTOR') {
      const origin = attr(el, 'TIME_ORIGIN');
      media.push({
        url: attr(el, 'MEDIA_URL') ?? '',
        relativeUrl: attr(el, 'RELATIVE_MEDIA_URL'),
        mimeType: attr(el, 'MIME_TYPE') ?? '',
        timeOriginMs: origin === null ? null : Number(origin) * factor,
      });
      if (attr(el, 'EXTRACTED_FROM') !== null)
        note('lost', 'MEDIA_DESCRIPTOR', `EXTRACTED_FROM of ${attr(el, 'MEDIA_URL')} is not kept.`);
    } else if (el.nodeName === 'PROPERTY') {
      const name = attr(el, 'NAME') ?? '';
      if (name === `${propertyPrefix}tier`) {
        // Written by this application, but a file may have been edited by hand since.
        let parsed: TierProperty | null = null;
        try {
          parsed = JSON.parse(textOf(el)) as TierProperty;
        } catch {
          note('lost', 'PROPERTY', `Property ${name} is not valid JSON: "${textOf(el)}".`);
        }
        if (parsed) tierProps.set(parsed.tier, parsed);
      } else if (name.startsWith(propertyPrefix)) {
        ours.set(name.slice(propertyPrefix.length), textOf(el));
      } else {
        note('lost', 'PROPERTY', `Property ${name || '(no name)'} = "${textOf(el)}" is not kept.`);
      }
    } else {
      note(
        'lost',
        el.nodeName,
        `${el.nodeName} ${attr(el, 'LINK_URL') ?? ''} is not kept.`.replace(/ +\./, '.'),
      );
    }
  }
  const timelineStartMs = ours.has('timeline-start-ms')
    ? Number(ours.get('timeline-start-ms'))
    : (options.timelineStartMs ?? 0);
  const segmentText = ours.get('segment');

  // Time slots, in document order: the order is ELAN's time order, aligned or not.
  const slotOrder: string[] = [];
  const slotTime = new Map<string, number | null>();
  const timeOrder = elements(root, 'TIME_ORDER')[0];
  for (const el of timeOrder ? elements(timeOrder, 'TIME_SLOT') : []) {
    const id = attr(el, 'TIME_SLOT_ID') ?? '';
    const value = attr(el, 'TIME_VALUE');
    slotOrder.push(id);
    slotTime.set(id, value === null ? null : Math.round(Number(value) * factor));
  }

  // Languages, linguistic types, vocabularies.
  const languages = new Map<string, SchemeLanguage | null>();
  for (const el of elements(root, 'LANGUAGE')) {
    const id = attr(el, 'LANG_ID') ?? '';
    languages.set(id, languageOf(id, attr(el, 'LANG_DEF')));
  }
  const linguisticTypes = new Map<
    string,
    { constraint: string | null; cv: string | null; extRef: string | null }
  >();
  for (const el of elements(root, 'LINGUISTIC_TYPE')) {
    linguisticTypes.set(attr(el, 'LINGUISTIC_TYPE_ID') ?? '', {
      constraint: attr(el, 'CONSTRAINTS'),
      cv: attr(el, 'CONTROLLED_VOCABULARY_REF'),
      extRef: attr(el, 'EXT_REF'),
    });
    if (attr(el, 'LEXICON_REF') !== null)
      note(
        'lost',
        'LINGUISTIC_TYPE',
        `The lexicon link of type ${attr(el, 'LINGUISTIC_TYPE_ID')} is not kept.`,
      );
  }
  const externalRefs = new Map<string, { type: string; value: string }>();
  for (const el of elements(root, 'EXTERNAL_REF')) {
    externalRefs.set(attr(el, 'EXT_REF_ID') ?? '', {
      type: attr(el, 'TYPE') ?? '',
      value: attr(el, 'VALUE') ?? '',
    });
  }
  const vocabularies = new Map<
    string,
    { entries: VocabularyEntry[]; description: Localized | null }
  >();
  for (const el of elements(root, 'CONTROLLED_VOCABULARY')) {
    const cvId = attr(el, 'CV_ID') ?? '';
    const ext = attr(el, 'EXT_REF');
    if (ext !== null) {
      const ref = externalRefs.get(ext);
      note(
        'lost',
        `vocabulary ${cvId}`,
        `An external vocabulary (${ref?.value ?? ext}) is not fetched: its annotations keep their values, as codes added to the vocabulary.`,
      );
    }
    const readValues = (els: Element[], subject: string) => {
      const values: Partial<Record<SchemeLanguage, string>> = {};
      const descriptions: Partial<Record<SchemeLanguage, string>> = {};
      for (const v of els) {
        const langRef = attr(v, 'LANG_REF') ?? '';
        const language = languages.get(langRef) ?? null;
        if (language === null) {
          note(
            'lost',
            subject,
            `The value "${textOf(v)}" in language ${langRef} is not kept: the application keeps English, Dutch, French and German.`,
          );
          continue;
        }
        values[language] = textOf(v);
        const description = attr(v, 'DESCRIPTION');
        if (description) descriptions[language] = description;
      }
      return { values, descriptions };
    };
    const description = readValues(elements(el, 'DESCRIPTION'), `vocabulary ${cvId}`).values;
    const entries: VocabularyEntry[] = [];
    // ELAN 2.7 and older wrote CV_ENTRY with one value and no id; read it as one entry in English.
    for (const old of elements(el, 'CV_ENTRY')) {
      const value = textOf(old);
      entries.push({ code: value, label: fill({ en: value }, value), key: null });
      note(
        'changed',
        `vocabulary ${cvId}`,
        `The old-style entry "${value}" has no language: read as English.`,
      );
    }
    for (const entryEl of elements(el, 'CV_ENTRY_ML')) {
      const code = attr(entryEl, 'CVE_ID') ?? '';
      const subject = `vocabulary ${cvId}, entry ${code}`;
      const { values, descriptions } = readValues(elements(entryEl, 'CVE_VALUE'), subject);
      const missing = schemeLanguages.filter((l) => !values[l]);
      if (missing.length > 0 && missing.length < schemeLanguages.length) {
        note(
          'changed',
          subject,
          `No value in ${missing.join(', ')}: the value of another language is used.`,
        );
      }
      if (attr(entryEl, 'EXT_REF') !== null)
        note('lost', subject, 'The external reference of the entry is not kept.');
      const entry: VocabularyEntry = { code, label: fill(values, code), key: null };
      if (Object.keys(descriptions).length > 0) entry.description = fill(descriptions, code);
      entries.push(entry);
    }
    vocabularies.set(cvId, {
      entries,
      description: Object.keys(description).length > 0 ? fill(description, cvId) : null,
    });
  }

  // Tiers and their annotations.
  const tiers: RawTier[] = [];
  const byId = new Map<string, RawAnnotation>();
  for (const el of elements(root, 'TIER')) {
    const tier: RawTier = {
      id: attr(el, 'TIER_ID') ?? '',
      linguisticType: attr(el, 'LINGUISTIC_TYPE_REF') ?? '',
      parent: attr(el, 'PARENT_REF'),
      annotator: attr(el, 'ANNOTATOR'),
      annotations: [],
    };
    for (const [name, what] of [
      ['PARTICIPANT', 'participant'],
      ['LANG_REF', 'language'],
      ['DEFAULT_LOCALE', 'locale'],
      ['EXT_REF', 'external reference'],
    ] as const) {
      const value = attr(el, name);
      if (value) note('lost', `tier ${tier.id}`, `Its ${what} (${value}) is not kept.`);
    }
    for (const wrapper of elements(el, 'ANNOTATION')) {
      for (const a of elements(wrapper)) {
        const common = {
          id: attr(a, 'ANNOTATION_ID') ?? '',
          tierId: tier.id,
          value: textOf(elements(a, 'ANNOTATION_VALUE')[0]),
          cveRef: attr(a, 'CVE_REF'),
        };
        for (const extra of ['EXT_REF', 'LANG_REF', 'SVG_REF'] as const) {
          if (attr(a, extra) !== null)
            note(
              'lost',
              `annotation ${common.id}`,
              `Its ${extra} (${attr(a, extra)}) is not kept.`,
            );
        }
        const raw: RawAnnotation =
          a.nodeName === 'ALIGNABLE_ANNOTATION'
            ? {
                kind: 'alignable',
                ...common,
                ts1: attr(a, 'TIME_SLOT_REF1') ?? '',
                ts2: attr(a, 'TIME_SLOT_REF2') ?? '',
              }
            : {
                kind: 'ref',
                ...common,
                ref: attr(a, 'ANNOTATION_REF') ?? '',
                previous: attr(a, 'PREVIOUS_ANNOTATION'),
              };
        tier.annotations.push(raw);
        byId.set(raw.id, raw);
      }
    }
    tiers.push(tier);
  }
  for (const el of elements(root)) {
    if (
      [
        'HEADER',
        'TIME_ORDER',
        'TIER',
        'LINGUISTIC_TYPE',
        'LANGUAGE',
        'CONSTRAINT',
        'CONTROLLED_VOCABULARY',
        'EXTERNAL_REF',
      ].includes(el.nodeName)
    )
      continue;
    const subject = el.nodeName;
    const what = {
      LICENSE: 'The licence text',
      LOCALE: 'The locale',
      LEXICON_REF: 'The lexicon reference',
      REF_LINK_SET: 'The set of referential links',
    }[subject];
    note('lost', subject, `${what ?? `The element ${subject}`} is not kept.`);
  }

  const stereotypeOf = (tier: RawTier) =>
    linguisticTypes.get(tier.linguisticType)?.constraint ?? null;
  const times = resolveTimes(tiers, byId, slotOrder, slotTime, stereotypeOf, note);

  // The scheme of the file: one tier per EAF tier, or per scheme tier when this application wrote it.
  const schemeTiers = new Map<string, SchemeTier>();
  const dependencies: EafImport['dependencies'] = {};
  const annotations: Annotation[] = [];
  const logEvents: ImportedLogEvent[] = [];
  const comments = new Map<string, string>();
  const commentTargets = new Map<string, Annotation>();
  const idOf = (raw: RawAnnotation) =>
    /^a-./.test(raw.id) && tierProps.size > 0 ? raw.id.slice(2) : options.newId();

  for (const tier of tiers) {
    const prop = tierProps.get(tier.id);
    if (prop?.role === 'comments') {
      for (const raw of tier.annotations) if (raw.kind === 'ref') comments.set(raw.ref, raw.value);
      continue;
    }
    if (prop?.role === 'events') {
      for (const raw of tier.annotations) {
        const t = times.get(raw.id);
        if (t)
          logEvents.push({
            id: raw.id.replace(/^e-/, ''),
            atMs: t.startMs + timelineStartMs,
            value: raw.value,
          });
      }
      if (tier.annotations.length > 0) {
        note(
          'info',
          `tier ${tier.id}`,
          `${tier.annotations.length} events of the hearing's log, returned apart from the annotations.`,
        );
      }
      continue;
    }
    const type = linguisticTypes.get(tier.linguisticType);
    if (!type)
      note(
        'changed',
        `tier ${tier.id}`,
        `Its linguistic type ${tier.linguisticType} is not declared: read as a free-text tier.`,
      );
    const cv = type?.cv ? vocabularies.get(type.cv) : undefined;
    if (type?.cv && !cv)
      note(
        'changed',
        `tier ${tier.id}`,
        `Its vocabulary ${type.cv} is not in the file: read as free text.`,
      );
    const extCv = type?.extRef ? externalRefs.get(type.extRef) : undefined;
    if (extCv)
      note(
        'lost',
        `tier ${tier.id}`,
        `The external reference of its type (${extCv.value}) is not kept.`,
      );
    if (tier.parent !== null) {
      note(
        'info',
        `tier ${tier.id}`,
        `Depends on tier ${tier.parent} (${stereotypeOf(tier) ?? 'no stereotype'}): kept as a tier of its own, with the times ELAN shows for it.`,
      );
    }
    const schemeTierId = prop?.schemeTier ?? tier.id;
    let schemeTier = schemeTiers.get(schemeTierId);
    if (!schemeTier) {
      schemeTier = {
        id: schemeTierId,
        kind: prop?.kind ?? 'interval',
        label: prop?.label ?? fill({}, tier.id),
        vocabulary: cv ? cv.entries.map((e) => ({ ...e })) : null,
      };
      if (cv?.description) schemeTier.description = cv.description;
      schemeTiers.set(schemeTierId, schemeTier);
      const parent = tier.parent === null ? undefined : tiers.find((t) => t.id === tier.parent);
      const written = prop?.dependsOn;
      dependencies[schemeTierId] = parent
        ? { parent: tierProps.get(parent.id)?.schemeTier ?? parent.id, stereotype: stereotypeOf(tier) }
        : typeof written?.parent === 'string' && typeof written.stereotype === 'string'
          ? { parent: written.parent, stereotype: written.stereotype }
          : { parent: null, stereotype: null };
    }
    const author: Author = prop?.author ?? options.by;
    if (!prop?.author && tier.annotator !== null && tier.annotations.length > 0) {
      note(
        'changed',
        `tier ${tier.id}`,
        `Annotator "${tier.annotator}" in the file; its annotations are entered as ${options.by.displayName}'s.`,
      );
    }
    for (const raw of tier.annotations) {
      const t = times.get(raw.id);
      if (!t) continue;
      const vocabulary = schemeTier.vocabulary;
      let code: string | null = null;
      let text: string | null = raw.value === '' ? null : raw.value;
      if (vocabulary !== null) {
        const byRef =
          raw.cveRef === null ? undefined : vocabulary.find((e) => e.code === raw.cveRef);
        const byValue = vocabulary.find((e) =>
          schemeLanguages.some((l) => e.label[l] === raw.value),
        );
        const entry = byRef ?? byValue;
        text = null;
        if (entry) code = entry.code;
        else if (raw.value !== '') {
          vocabulary.push({ code: raw.value, label: fill({}, raw.value), key: null });
          note(
            'changed',
            `annotation ${raw.id}`,
            `The value "${raw.value}" is not in the vocabulary of tier ${tier.id}: added to it.`,
          );
          code = raw.value;
        }
      }
      annotations.push({
        id: idOf(raw),
        tierId: schemeTierId,
        code,
        text,
        startMs: t.startMs + timelineStartMs,
        endMs: (schemeTier.kind === 'point' ? t.startMs : t.endMs) + timelineStartMs,
        author,
        createdAt: options.now,
      });
      const last = annotations[annotations.length - 1];
      if (last) commentTargets.set(raw.id, last);
    }
  }
  for (const [eafId, text] of comments) {
    const target = commentTargets.get(eafId);
    if (target) target.text = text;
    else
      note(
        'lost',
        `annotation ${eafId}`,
        `A comment refers to annotation ${eafId}, which is not in the file: "${text}".`,
      );
  }

  const schemeRef = ours.get('scheme') ?? null;
  const dateAttr = attr(root, 'DATE') ?? '';
  const date = /^\d{4}-\d{2}-\d{2}/.exec(dateAttr)?.[0] ?? '1970-01-01';
  const scheme: CodingScheme = {
    id: schemeRef?.split('@')[0] ?? 'eaf-import',
    version: schemeRef?.split('@')[1] ?? '1.0.0',
    validFrom: date,
    basis: [
      `EAF document by ${attr(root, 'AUTHOR') || 'an unnamed author'}, dated ${dateAttr || 'without a date'}.`,
    ],
    tiers: [...schemeTiers.values()],
    figures: null,
  };
  for (const a of annotations) {
    for (const problem of problemsOf(a, scheme))
      note('changed', `annotation ${a.id}`, problem.message);
  }
  return {
    scheme,
    schemeRef,
    hearingId: ours.get('hearing') ?? null,
    segment: segmentText === undefined ? null : Number(segmentText),
    timelineStartMs,
    annotations,
    logEvents,
    media,
    notes,
    dependencies,
  };
}

// ---------------------------------------------------------------------------------------------
// Times

interface Span {
  startMs: number;
  endMs: number;
}

/**
 * The times ELAN shows for every annotation. Aligned slots have their value. An unaligned slot
 * inside a chain of annotations (one's end slot is the next one's start slot, as in a time
 * subdivision) is spread evenly between the nearest aligned slots of its chain; a chain that
 * starts or ends unaligned takes its parent annotation's start or end; what is still open is
 * placed by its position in TIME_ORDER between the nearest aligned slots there. A reference
 * annotation takes its parent's times; on a symbolic subdivision, the children of one parent
 * share its interval in equal parts, in the order PREVIOUS_ANNOTATION gives them.
 */
function resolveTimes(
  tiers: readonly RawTier[],
  byId: ReadonlyMap<string, RawAnnotation>,
  slotOrder: readonly string[],
  slotTime: ReadonlyMap<string, number | null>,
  stereotypeOf: (tier: RawTier) => string | null,
  note: (level: ImportNote['level'], subject: string, message: string) => void,
): Map<string, Span> {
  const known = new Map<string, number>();
  for (const [id, ms] of slotTime) if (ms !== null) known.set(id, ms);
  const times = new Map<string, Span>();
  const tierById = new Map(tiers.map((t) => [t.id, t]));

  // Parents before their children; a tier whose parent is missing or circular is read as independent.
  const ordered: RawTier[] = [];
  const placed = new Set<string>();
  const visit = (tier: RawTier, path: Set<string>) => {
    if (placed.has(tier.id)) return;
    const parent = tier.parent === null ? undefined : tierById.get(tier.parent);
    if (tier.parent !== null && !parent)
      note('changed', `tier ${tier.id}`, `Its parent tier ${tier.parent} is not in the file.`);
    if (parent && !path.has(parent.id)) visit(parent, new Set([...path, tier.id]));
    placed.add(tier.id);
    ordered.push(tier);
  };
  for (const tier of tiers) visit(tier, new Set([tier.id]));

  const orderIndex = new Map(slotOrder.map((id, i) => [id, i]));
  const byTimeOrder = (slot: string): number | null => {
    const index = orderIndex.get(slot);
    if (index === undefined) return null;
    let before = index - 1;
    while (before >= 0 && !known.has(slotOrder[before] ?? '')) before--;
    let after = index + 1;
    while (after < slotOrder.length && !known.has(slotOrder[after] ?? '')) after++;
    const from = known.get(slotOrder[before] ?? '');
    const to = known.get(slotOrder[after] ?? '');
    if (from === undefined || to === undefined) return null;
    return Math.round(from + ((to - from) * (index - before)) / (after - before));
  };

  for (const tier of ordered) {
    const subject = `tier ${tier.id}`;
    const parentSpans =
      tier.parent === null
        ? []
        : (tierById.get(tier.parent)?.annotations ?? []).flatMap((a) => times.get(a.id) ?? []);
    const alignable = tier.annotations.filter((a): a is RawAlignable => a.kind === 'alignable');
    const usable = alignable.filter((a) => {
      const missing = [a.ts1, a.ts2].filter((ts) => !slotTime.has(ts));
      if (missing.length > 0)
        note(
          'lost',
          `annotation ${a.id}`,
          `On ${subject}, it refers to time slot ${missing.join(' and ')}, which TIME_ORDER does not have: "${a.value}".`,
        );
      return missing.length === 0;
    });

    // Chains: one annotation's end slot is the next one's start slot.
    const startingAt = new Map(usable.map((a) => [a.ts1, a]));
    const endSlots = new Set(usable.map((a) => a.ts2));
    const seen = new Set<RawAlignable>();
    const chains: string[][] = [];
    for (const first of [...usable.filter((a) => !endSlots.has(a.ts1)), ...usable]) {
      if (seen.has(first)) continue;
      const slots = [first.ts1];
      for (let a: RawAlignable | undefined = first; a && !seen.has(a); a = startingAt.get(a.ts2)) {
        seen.add(a);
        slots.push(a.ts2);
      }
      chains.push(slots);
    }
    for (const slots of chains) {
      if (slots.every((s) => known.has(s))) continue;
      const anyKnown = slots.map((s) => known.get(s)).find((ms) => ms !== undefined);
      const parent =
        anyKnown === undefined
          ? undefined
          : parentSpans.find((p) => p.startMs <= anyKnown && anyKnown <= p.endMs);
      const [head, tail] = [slots[0] ?? '', slots[slots.length - 1] ?? ''];
      if (!known.has(head) && parent) known.set(head, parent.startMs);
      if (!known.has(tail) && parent) known.set(tail, parent.endMs);
      slots.forEach((slot, i) => {
        if (known.has(slot)) return;
        let before = i - 1;
        while (before >= 0 && !known.has(slots[before] ?? '')) before--;
        let after = i + 1;
        while (after < slots.length && !known.has(slots[after] ?? '')) after++;
        const from = known.get(slots[before] ?? '');
        const to = known.get(slots[after] ?? '');
        const ms =
          from !== undefined && to !== undefined
            ? Math.round(from + ((to - from) * (i - before)) / (after - before))
            : byTimeOrder(slot);
        if (ms !== null) known.set(slot, ms);
      });
    }
    let interpolated = 0;
    for (const a of usable) {
      const start = known.get(a.ts1);
      const end = known.get(a.ts2);
      if (start === undefined || end === undefined) {
        note(
          'lost',
          `annotation ${a.id}`,
          `On ${subject}, its time cannot be worked out: no aligned time slot around it. "${a.value}"`,
        );
        continue;
      }
      if (slotTime.get(a.ts1) === null || slotTime.get(a.ts2) === null) interpolated++;
      if (end < start) {
        note(
          'changed',
          `annotation ${a.id}`,
          `On ${subject}, it ends (${end} ms) before it starts (${start} ms): its start is used as its end.`,
        );
      }
      times.set(a.id, { startMs: start, endMs: Math.max(start, end) });
    }
    if (interpolated > 0) {
      note(
        'info',
        subject,
        `${interpolated} annotations have unaligned time slots: their times are interpolated as ELAN shows them.`,
      );
    }

    // Reference annotations: the parent's times, subdivided on a symbolic subdivision.
    const refs = tier.annotations.filter((a): a is RawRef => a.kind === 'ref');
    const byParent = new Map<string, RawRef[]>();
    for (const r of refs) byParent.set(r.ref, [...(byParent.get(r.ref) ?? []), r]);
    const subdivides = stereotypeOf(tier) === 'Symbolic_Subdivision';
    for (const [parentId, children] of byParent) {
      const parent = byId.has(parentId) ? times.get(parentId) : undefined;
      if (!parent) {
        for (const child of children) {
          note(
            'lost',
            `annotation ${child.id}`,
            `On ${subject}, it refers to annotation ${parentId}, which ${byId.has(parentId) ? 'has no time' : 'is not in the file'}: "${child.value}".`,
          );
        }
        continue;
      }
      const sequence = subdivides ? inPreviousOrder(children) : children;
      sequence.forEach((child, i) => {
        const n = subdivides ? sequence.length : 1;
        const k = subdivides ? i : 0;
        const length = parent.endMs - parent.startMs;
        times.set(child.id, {
          startMs: parent.startMs + Math.round((length * k) / n),
          endMs: parent.startMs + Math.round((length * (k + 1)) / n),
        });
      });
    }
  }
  return times;
}

/** Children of one parent in the order PREVIOUS_ANNOTATION links them; unlinked ones keep file order after. */
function inPreviousOrder(children: readonly RawRef[]): RawRef[] {
  const after = new Map(children.filter((c) => c.previous !== null).map((c) => [c.previous, c]));
  const ordered: RawRef[] = [];
  for (
    let c = children.find((x) => x.previous === null);
    c && !ordered.includes(c);
    c = after.get(c.id)
  )
    ordered.push(c);
  return [...ordered, ...children.filter((c) => !ordered.includes(c))];
}

/**
 * The annotations of the files of one hearing (one per segment) on one list: an annotation cut at
 * a segment boundary comes back as parts with the same id, one ending where the next starts, and
 * is joined again.
 */
export function joinSegments(imports: readonly EafImport[]): Annotation[] {
  const all = imports
    .flatMap((i) => i.annotations)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const joined: Annotation[] = [];
  const open = new Map<string, Annotation>();
  for (const a of all) {
    const previous = open.get(a.id);
    if (previous && previous.endMs === a.startMs) {
      previous.endMs = a.endMs;
      continue;
    }
    const copy = { ...a };
    open.set(a.id, copy);
    joined.push(copy);
  }
  return joined;
}
