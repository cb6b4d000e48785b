import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { clerkReadme } from '../../main/services/export-readme';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';
import { renderGlossaryDocs } from '../../scripts/glossary-docs';

/**
 * One term per concept: every text the application shows or prints, in every language, uses the
 * glossary's term and none of its forbidden variants (shared/i18n/glossary.json).
 */
const languages = ['en', 'nl', 'fr', 'de'] as const;
type Language = (typeof languages)[number];
const sourceNames = ['ui', 'rules', 'record', 'verifier', 'readme', 'coding', 'docs'] as const;
type SourceName = (typeof sourceNames)[number];

interface Wording {
  term: string;
  match?: string[];
  forbidden: string[];
}
type Concept = { id: string; meaning: string; usedIn: SourceName[] } & Record<Language, Wording>;

const root = join(import.meta.dirname, '../..');
const glossary = JSON.parse(readFileSync(join(root, 'shared/i18n/glossary.json'), 'utf8')) as {
  concepts: Concept[];
};

/** One piece of text, where it comes from, and the language it is written in. */
interface Entry {
  source: SourceName;
  language: Language;
  where: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Matching: case-insensitive, whole words, typographic apostrophes read as plain ones.

/** Placeholders ({{caseReference}}) and the product's name are not words of the language. */
function normalize(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/Hearing Room/g, ' ')
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\u00a0/g, ' ')
    .toLowerCase();
}

/** "kwetsbare volwassene*" -> whole words, any ending after the star, any spacing between. */
function patternRegExp(pattern: string): RegExp {
  const words = normalize(pattern)
    .trim()
    .split(/\s+/)
    .map((word) => {
      const open = word.endsWith('*');
      const escaped = (open ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return open ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
}

interface Span {
  start: number;
  end: number;
}

function spans(text: string, pattern: string): Span[] {
  return [...text.matchAll(patternRegExp(pattern))].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const preferredPatterns = (wording: Wording) => wording.match ?? [wording.term];

/**
 * The forbidden variants found in a text. A variant inside a longer preferred term does not count
 * ("régie" is forbidden alone, but "local de régie" is the term).
 */
function forbiddenIn(
  text: string,
  language: Language,
  concepts: Concept[],
): Array<{ concept: string; variant: string; found: string }> {
  const normal = normalize(text);
  const allowed = concepts.flatMap((c) =>
    preferredPatterns(c[language]).flatMap((p) => spans(normal, p)),
  );
  const found: Array<{ concept: string; variant: string; found: string }> = [];
  for (const concept of concepts) {
    for (const variant of concept[language].forbidden) {
      for (const span of spans(normal, variant)) {
        const inside = allowed.some(
          (a) =>
            a.start <= span.start && a.end >= span.end && a.end - a.start > span.end - span.start,
        );
        if (!inside)
          found.push({ concept: concept.id, variant, found: normal.slice(span.start, span.end) });
      }
    }
  }
  return found;
}

function uses(text: string, wording: Wording): boolean {
  const normal = normalize(text);
  return preferredPatterns(wording).some((p) => spans(normal, p).length > 0);
}

// ---------------------------------------------------------------------------------------------
// The texts.

/** Every string below a value, with its dotted path; message functions are called with stand-ins. */
function strings(value: unknown, path: string, out: Array<[string, string]> = []) {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    // A number in an array reads as "1" in a template and still has .map, .join and .length.
    const stand = Object.assign([1], { toString: () => '1' });
    const args = Array.from({ length: value.length }, () => stand);
    let text: string;
    try {
      text = String((value as (...a: unknown[]) => unknown)(...args));
    } catch {
      // A message that needs other arguments is read from its source: its words are there too.
      text = String(value);
    }
    out.push([path, text]);
  } else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

const isByLanguage = (value: unknown): value is Record<Language, unknown> =>
  !!value && typeof value === 'object' && languages.every((l) => l in (value as object));

/** Every export of the modules that holds one table per language. */
async function byLanguageExports(
  folder: string,
  name: RegExp,
  source: SourceName,
): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of readdirSync(join(root, folder)).sort()) {
    if (!name.test(file)) continue;
    const module = (await import(pathToFileURL(join(root, folder, file)).href)) as Record<
      string,
      unknown
    >;
    for (const [exported, value] of Object.entries(module)) {
      if (!isByLanguage(value)) continue;
      for (const language of languages) {
        for (const [path, text] of strings(value[language], '')) {
          entries.push({
            source,
            language,
            where: `${folder}/${file} ${exported}.${language}.${path}`,
            text,
          });
        }
      }
    }
  }
  return entries;
}

function uiEntries(): Entry[] {
  return languages.flatMap((language) => {
    const file = `renderer/i18n/${language}.json`;
    const messages = JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
    return strings(messages, '').map(([key, text]) => ({
      source: 'ui' as const,
      language,
      where: `${file} ${key}`,
      text,
    }));
  });
}

/** The clerk's README, cut at each language's heading; the lines above the headings mix them all. */
function readmeEntries(): Entry[] {
  const text = clerkReadme({
    caseReference: 'X',
    hearingId: 'X',
    sealedAt: 'X',
    keyFingerprint: '00',
    verifierSha256: '00',
    files: (
      ['master', 'working', 'written-record', 'unsealed-written-record', 'document'] as const
    ).map((kind) => ({ name: `${kind}.bin`, kind })),
  });
  const headings: Record<string, Language> = {
    ENGLISH: 'en',
    NEDERLANDS: 'nl',
    FRANÇAIS: 'fr',
    DEUTSCH: 'de',
  };
  const entries: Entry[] = [];
  let language: Language | null = null;
  text.split('\r\n').forEach((line, index) => {
    if (line in headings) language = headings[line]!;
    else if (language && line.trim())
      entries.push({
        source: 'readme',
        language,
        where: `README-CLERK.txt (export-readme.ts) line ${index + 1}`,
        text: line,
      });
  });
  return entries;
}

/** The default coding scheme's labels and definitions: every object that says one thing in each language. */
function codingEntries(): Entry[] {
  const entries: Entry[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (isByLanguage(value) && languages.every((l) => typeof value[l] === 'string'))
      for (const language of languages)
        entries.push({
          source: 'coding',
          language,
          where: `shared/coding/default-scheme.ts ${path}.${language}`,
          text: value[language] as string,
        });
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(forensicInterviewScheme, 'forensicInterviewScheme');
  return entries;
}

/** The docs are written in English; they quote the other languages' words, so all are checked. */
function docEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const file of readdirSync(join(root, 'docs')).sort()) {
    if (!file.endsWith('.md') || file === 'glossary.md' || file === 'api.md') continue;
    readFileSync(join(root, 'docs', file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const language of languages)
          entries.push({
            source: 'docs',
            language,
            where: `docs/${file} line ${index + 1}`,
            text: line,
          });
      });
  }
  return entries;
}

async function allEntries(): Promise<Entry[]> {
  return [
    ...uiEntries(),
    ...(await byLanguageExports('shared/rules/messages', /^(index|facts)\.ts$/, 'rules')),
    ...(await byLanguageExports('main/services/written-record', /^labels.*\.ts$/, 'record')),
    ...(await byLanguageExports('main/services/seal', /messages\.ts$/, 'verifier')),
    ...readmeEntries(),
    ...codingEntries(),
    ...docEntries(),
  ];
}

// ---------------------------------------------------------------------------------------------

test('the glossary names every concept in every language, each term being its own match', () => {
  const ids = new Set<string>();
  for (const concept of glossary.concepts) {
    assert.ok(!ids.has(concept.id), `concept "${concept.id}" appears twice`);
    ids.add(concept.id);
    assert.ok(concept.meaning.trim(), `concept "${concept.id}" has no meaning`);
    for (const source of concept.usedIn)
      assert.ok(sourceNames.includes(source), `${concept.id}: unknown source ${source}`);
    for (const language of languages) {
      const wording = concept[language];
      assert.ok(wording?.term.trim(), `${concept.id}: no ${language} term`);
      assert.ok(
        uses(wording.term.replace(/ \/ .*/, ''), wording),
        `${concept.id}: the ${language} term is not among its matches`,
      );
      assert.deepEqual(
        forbiddenIn(wording.term, language, [concept]),
        [],
        `${concept.id}: the ${language} term is forbidden`,
      );
    }
  }
});

test('the scan finds a planted variant, ignores one inside the term, and reads apostrophes alike', () => {
  const concepts = glossary.concepts;
  assert.deepEqual(
    forbiddenIn('Le Procès-verbal fait partie du Scellé.', 'fr', concepts).map((f) => f.concept),
    ['sealing'],
  );
  assert.deepEqual(
    forbiddenIn('Vérifiez la salle d’audition.', 'fr', concepts).map((f) => f.variant),
    ["salle d'audition*"],
  );
  assert.deepEqual(forbiddenIn('Question du local de régie', 'fr', concepts), []);
  assert.deepEqual(
    forbiddenIn('Question de la régie', 'fr', concepts).map((f) => f.variant),
    ['régie'],
  );
  assert.deepEqual(
    forbiddenIn('Die ANHÖRUNG beginnt.', 'de', concepts).map((f) => f.concept),
    ['hearing'],
  );
  // Whole words only: "Angehörige" (relatives) is not "angehört".
  assert.deepEqual(forbiddenIn('Die Angehörigen warten.', 'de', concepts), []);
  assert.deepEqual(
    forbiddenIn('Kies kwetsbare volwassenen.', 'nl', concepts).map((f) => f.concept),
    ['vulnerableAdult'],
  );
});

test('no text uses a forbidden variant of a glossary term', async () => {
  const problems: string[] = [];
  for (const entry of await allEntries()) {
    for (const hit of forbiddenIn(entry.text, entry.language, glossary.concepts)) {
      const concept = glossary.concepts.find((c) => c.id === hit.concept)!;
      problems.push(
        `${entry.where} [${entry.language}]: "${hit.found}" (forbidden "${hit.variant}" for ${hit.concept}); use "${concept[entry.language].term}"`,
      );
    }
  }
  assert.deepEqual(problems, [], `forbidden variants:\n${problems.join('\n')}`);
});

test('each text that speaks of a concept uses its term', async () => {
  const entries = await allEntries();
  const problems: string[] = [];
  for (const concept of glossary.concepts) {
    for (const source of concept.usedIn) {
      for (const language of languages) {
        const texts = entries.filter((e) => e.source === source && e.language === language);
        assert.ok(texts.length > 0, `no ${language} text found for source ${source}`);
        if (!texts.some((e) => uses(e.text, concept[language])))
          problems.push(
            `${source} [${language}] never says "${concept[language].term}" (${concept.id})`,
          );
      }
    }
  }
  assert.deepEqual(problems, [], `terms missing:\n${problems.join('\n')}`);
});

test('docs/glossary.md is rendered from the glossary', () => {
  const current = readFileSync(join(root, 'docs/glossary.md'), 'utf8');
  assert.equal(
    current,
    renderGlossaryDocs(),
    'docs/glossary.md is out of date: run `npm run docs:glossary`',
  );
});
