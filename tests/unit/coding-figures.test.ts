import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Annotation, Author } from '../../shared/coding/annotations';
import { forensicInterviewScheme as scheme } from '../../shared/coding/default-scheme';
import { qualityFigures } from '../../shared/coding/figures';

const anna: Author = { userId: 'u-anna', displayName: 'Anna Peeters' };
const bram: Author = { userId: 'u-bram', displayName: 'Bram Dubois' };
let n = 0;
const a = (
  tierId: string,
  code: string | null,
  startMs: number,
  endMs: number,
  author = anna,
): Annotation => ({
  id: `a${++n}`,
  tierId,
  code,
  text: null,
  startMs,
  endMs,
  author,
  createdAt: '2026-03-15T12:00:00.000Z',
});
const s = 1000;
const prompt = (code: string | null, atS: number, author = anna) =>
  a('prompt', code, atS * s, (atS + 3) * s, author);
const response = (code: string, atS: number) => a('response', code, atS * s, (atS + 2) * s);

// A hand-coded interview of 9 minutes; the expected tables below are counted by hand from it.
const coded: Annotation[] = [
  a('phase', 'introduction', 0, 60 * s),
  a('phase', 'rapport', 60 * s, 180 * s),
  a('phase', 'free_recall', 180 * s, 300 * s),
  a('phase', 'follow_up', 300 * s, 420 * s),
  a('phase', 'break', 420 * s, 450 * s),
  a('phase', 'follow_up', 450 * s, 510 * s),
  a('phase', 'closing', 510 * s, 540 * s),
  response('yes_no', 30), // before any prompt
  prompt('invitation', 65), // rapport: not substantive
  response('new_details', 69),
  prompt('invitation', 185),
  response('new_details', 189),
  response('repeated_details', 195), // a second answer to the same prompt
  prompt('invitation', 200), // no answer coded before the next prompt
  prompt('cued_invitation', 305),
  response('new_details', 309),
  prompt('directive', 320),
  response('dont_know', 324),
  prompt('directive', 340),
  response('new_details', 344),
  prompt('option_posing', 360),
  response('yes_no', 364),
  prompt('suggestive', 380),
  response('yes_no', 384),
  prompt('cued_invitation', 455), // unanswered
  prompt('option_posing', 470),
  response('dont_remember', 470), // starts with the prompt: answers it
  response('no_answer', 474),
  prompt(null, 500), // an interval left uncoded
  prompt('suggestive', 100, bram), // another annotator's: never counted with Anna's
];

const nonZero = (counts: Array<{ code: string; count: number }>) =>
  Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.code, c.count]));

describe('quality figures of one annotator', () => {
  const f = qualityFigures(scheme, coded, anna.userId);

  test('counts and shares of each prompt type', () => {
    assert.equal(f.prompts.total, 10);
    assert.equal(f.prompts.uncoded, 1);
    assert.deepEqual(
      f.prompts.byCode.map((c) => [c.code, c.count, c.share]),
      [
        ['invitation', 3, 0.3],
        ['cued_invitation', 2, 0.2],
        ['directive', 2, 0.2],
        ['option_posing', 2, 0.2],
        ['suggestive', 1, 0.1],
      ],
    );
  });

  test('the share of open prompts (invitations and cued invitations), overall and in the substantive phases', () => {
    assert.deepEqual(f.prompts.open, {
      codes: ['invitation', 'cued_invitation'],
      count: 5,
      share: 0.5,
    });
    assert.deepEqual(f.prompts.openInSubstantivePhases, { total: 9, count: 4, share: 4 / 9 });
    assert.match(f.basis, /cued invitations among invitations/);
  });

  test('time in each phase', () => {
    assert.deepEqual(
      f.phases.byCode.map((p) => [p.code, p.count, p.durationMs]),
      [
        ['introduction', 1, 60_000],
        ['rapport', 1, 120_000],
        ['episodic_memory_training', 0, 0],
        ['transition', 0, 0],
        ['free_recall', 1, 120_000],
        ['follow_up', 2, 180_000],
        ['break', 1, 30_000],
        ['closing', 1, 30_000],
      ],
    );
    assert.equal(f.phases.totalMs, 540_000);
  });

  test('answers per prompt type: each response belongs to the last prompt before it', () => {
    assert.deepEqual(
      f.answers.map((row) => ({
        prompt: row.promptCode,
        prompts: row.prompts,
        without: row.withoutResponse,
        responses: nonZero(row.responses),
      })),
      [
        { prompt: null, prompts: 0, without: 0, responses: { yes_no: 1 } },
        {
          prompt: 'invitation',
          prompts: 3,
          without: 1,
          responses: { new_details: 2, repeated_details: 1 },
        },
        { prompt: 'cued_invitation', prompts: 2, without: 1, responses: { new_details: 1 } },
        {
          prompt: 'directive',
          prompts: 2,
          without: 0,
          responses: { new_details: 1, dont_know: 1 },
        },
        {
          prompt: 'option_posing',
          prompts: 2,
          without: 0,
          responses: { yes_no: 1, dont_remember: 1, no_answer: 1 },
        },
        { prompt: 'suggestive', prompts: 1, without: 0, responses: { yes_no: 1 } },
      ],
    );
    const invitation = f.answers.find((r) => r.promptCode === 'invitation');
    assert.equal(invitation?.responses.find((r) => r.code === 'new_details')?.share, 2 / 3);
  });

  test('the other annotator has figures of their own, and an annotator without prompts has no shares', () => {
    const other = qualityFigures(scheme, coded, bram.userId);
    assert.equal(other.prompts.total, 1);
    assert.equal(other.prompts.open.share, 0);
    const none = qualityFigures(scheme, coded, 'u-nobody');
    assert.equal(none.prompts.open.share, null);
    assert.equal(none.prompts.byCode[0]?.share, null);
    assert.deepEqual(
      none.answers.map((r) => r.promptCode),
      ['invitation', 'cued_invitation', 'directive', 'option_posing', 'suggestive'],
    );
  });
});
