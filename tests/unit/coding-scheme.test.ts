import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';
import {
  codingScheme,
  entryForKey,
  reservedKeys,
  schemeLanguages,
  type CodingScheme,
} from '../../shared/coding/scheme';

const clone = (): CodingScheme => structuredClone(forensicInterviewScheme);
const messages = (scheme: unknown) => {
  const result = codingScheme.safeParse(scheme);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('the default scheme for forensic interviews of children', () => {
  const scheme = forensicInterviewScheme;

  test('passes its own schema', () => {
    assert.deepEqual(messages(scheme), []);
  });

  test('has the phases, the five NICHD prompt types, child responses and a free-text notes tier', () => {
    const codes = (tierId: string) =>
      scheme.tiers.find((t) => t.id === tierId)?.vocabulary?.map((e) => e.code);
    assert.deepEqual(codes('phase'), [
      'introduction',
      'rapport',
      'episodic_memory_training',
      'transition',
      'free_recall',
      'follow_up',
      'break',
      'closing',
    ]);
    assert.deepEqual(codes('prompt'), [
      'invitation',
      'cued_invitation',
      'directive',
      'option_posing',
      'suggestive',
    ]);
    assert.ok(codes('response')?.includes('new_details'));
    assert.ok(codes('response')?.includes('no_answer'));
    assert.ok(codes('response')?.includes('dont_know'));
    const notes = scheme.tiers.find((t) => t.id === 'notes');
    assert.equal(notes?.vocabulary, null);
  });

  test('gives every code its own key, none of them kept for the player', () => {
    const keys = scheme.tiers.flatMap((t) => t.vocabulary ?? []).map((e) => e.key);
    assert.ok(keys.every((k) => k !== null && k.length === 1));
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(keys.every((k) => k !== null && !reservedKeys.includes(k)));
    assert.equal(entryForKey(scheme, 'C')?.entry.code, 'cued_invitation');
    assert.equal(entryForKey(scheme, 'j'), undefined);
  });

  test('keeps codes unique within each tier', () => {
    for (const tier of scheme.tiers) {
      const codes = (tier.vocabulary ?? []).map((e) => e.code);
      assert.equal(new Set(codes).size, codes.length, tier.id);
    }
  });

  test('speaks the four languages in every label and definition', () => {
    const texts = scheme.tiers.flatMap((t) => [
      t.label,
      ...(t.description ? [t.description] : []),
      ...(t.vocabulary ?? []).flatMap((e) => [e.label, ...(e.description ? [e.description] : [])]),
    ]);
    for (const text of texts) {
      for (const language of schemeLanguages)
        assert.ok(text[language].trim().length > 0, `${text.en} in ${language}`);
    }
    // Translated, not copied: the Dutch and German tier names differ from the English.
    for (const tier of scheme.tiers) {
      assert.notEqual(tier.label.nl, tier.label.en);
      assert.notEqual(tier.label.de, tier.label.en);
    }
  });

  test('uses the Belgian names of the hearing', () => {
    const phase = scheme.tiers.find((t) => t.id === 'phase');
    assert.match(phase?.label.nl ?? '', /verhoor/);
    assert.match(phase?.label.fr ?? '', /audition/);
    assert.match(phase?.label.de ?? '', /Vernehmung/);
  });

  test('defines each prompt type, and open prompts as invitations with cued invitations, with a basis', () => {
    const prompts = scheme.tiers.find((t) => t.id === 'prompt')?.vocabulary ?? [];
    assert.ok(prompts.every((e) => e.description !== undefined));
    assert.deepEqual(scheme.figures?.openPromptCodes, ['invitation', 'cued_invitation']);
    assert.match(scheme.figures?.basis ?? '', /Lamb et al\. \(2007\)/);
    assert.ok(scheme.basis.length > 0 && scheme.version === '1.1.0');
  });
});

describe('the scheme schema', () => {
  test('refuses a key used twice', () => {
    const scheme = clone();
    const [first, second] = scheme.tiers[1]?.vocabulary ?? [];
    if (!first || !second) throw new Error('fixture');
    second.key = first.key;
    assert.ok(messages(scheme).some((m) => /key i is already used by prompt\/invitation/.test(m)));
  });

  test('refuses a code used twice in a tier, and a key kept for the player', () => {
    const scheme = clone();
    const vocabulary = scheme.tiers[0]?.vocabulary ?? [];
    if (!vocabulary[0] || !vocabulary[1]) throw new Error('fixture');
    vocabulary[1].code = vocabulary[0].code;
    vocabulary[0].key = 'k';
    const found = messages(scheme);
    assert.ok(found.some((m) => /appears twice in tier phase/.test(m)));
    assert.ok(found.includes('is kept for the player'));
  });

  test('refuses a label without one of the four languages', () => {
    const scheme = clone() as unknown as { tiers: Array<{ label: Record<string, string> }> };
    delete scheme.tiers[0]?.label.de;
    assert.ok(messages(scheme).length > 0);
  });

  test('refuses figures that name a code the prompt tier does not have', () => {
    const scheme = clone();
    if (!scheme.figures) throw new Error('fixture');
    scheme.figures.openPromptCodes = ['invitation', 'open_question'];
    assert.ok(messages(scheme).some((m) => /open_question is not in tier prompt/.test(m)));
  });
});
