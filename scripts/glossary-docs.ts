// Writes docs/glossary.md from shared/i18n/glossary.json, so that the page a translator or a
// legal adviser reads is the list the tests enforce. `--check` fails when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const languages = ['en', 'nl', 'fr', 'de'] as const;
const names = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' } as const;
const file = join(import.meta.dirname, '..', 'docs', 'glossary.md');
const source = join(import.meta.dirname, '..', 'shared', 'i18n', 'glossary.json');

interface Wording {
  term: string;
  match?: string[];
  forbidden: string[];
}
type Concept = { id: string; meaning: string; usedIn: string[] } & Record<
  (typeof languages)[number],
  Wording
>;

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderGlossaryDocs(): string {
  const { concepts } = JSON.parse(readFileSync(source, 'utf8')) as { concepts: Concept[] };
  const lines = [
    '# Glossary',
    '',
    'Generated from `shared/i18n/glossary.json` by `npm run docs:glossary`; do not edit by hand.',
    '',
    'One term per concept in each language, on screen (`renderer/i18n`), in the rules',
    "(`shared/rules/messages`), in the written record, in the verifier's messages, in the clerk's",
    'README of an export, in the default coding scheme and in the docs.',
    '`tests/unit/glossary.test.ts` fails, naming the file and the key or line, when a text uses a',
    'forbidden variant (whole words, case-insensitive; a trailing * stands for any ending), and when',
    'a text listed under "Used in" never uses the term. A variant inside a longer term does not',
    'count: "régie" alone is refused, "local de régie" is the term.',
    '',
    '"Used in" names the texts that speak of the concept: ui (`renderer/i18n/*.json`), rules',
    '(`shared/rules/messages`), record (`main/services/written-record/labels*.ts`), verifier',
    "(`main/services/seal/*messages.ts`), readme (the clerk's README, `export-readme.ts`), coding",
    '(`shared/coding/default-scheme.ts`). The docs are checked for the variants of every language.',
    '',
    'The vocabulary is that of Belgian criminal procedure (arts. 91bis–101 of the Code of Criminal',
    'Procedure): nl "verhoor", fr "audition", de "Vernehmung". A legal adviser confirms changes to',
    'this list; a new text that speaks of one of these concepts uses the term given here.',
    '',
  ];
  for (const concept of concepts) {
    lines.push(
      `## ${concept.id}`,
      '',
      concept.meaning,
      '',
      `Used in: ${concept.usedIn.join(', ')}.`,
      '',
    );
    lines.push('| Language | Term | Not |', '| --- | --- | --- |');
    for (const language of languages) {
      const w = concept[language];
      const forbidden = w.forbidden.length
        ? w.forbidden.map((f) => `“${cell(f)}”`).join(', ')
        : '—';
      lines.push(`| ${names[language]} | **${cell(w.term)}** | ${forbidden} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const text = renderGlossaryDocs();
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error('docs/glossary.md is out of date: run `npm run docs:glossary`.');
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    console.info(`Wrote ${file}`);
  }
}
