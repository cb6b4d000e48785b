// Writes docs/api.md from the contract in shared/api/contract.ts, so the documentation cannot
// drift from what main accepts. `--check` fails when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { contract, callNames } from '../shared/api/contract';
import { conflictReasons, errorCodes } from '../shared/api/errors';

const file = join(import.meta.dirname, '..', 'docs', 'api.md');

function schemaText(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.stringify(json, null, 2);
}

export function renderApiDocs(): string {
  const lines = [
    '# Hearing Room API',
    '',
    'Generated from `shared/api/contract.ts` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every call goes through one dispatcher in main, which validates the input, checks the',
    "caller's session, role and access to the hearing, runs the service and writes the audit entry.",
    'The renderer reaches it through Electron IPC; scripts and browser tests reach the same',
    'dispatcher through the web host.',
    '',
    '## Signing in',
    '',
    'Every call but `session.status`, `session.setup` and `session.signIn` needs a signed-in session;',
    'without one the answer is `signed_out` (HTTP 401). A script signs in with `session.signIn` and',
    'sends the `sessionToken` of the answer in the header `X-Hearing-Room-Session`; a page gets its',
    'session in an HttpOnly, SameSite=Strict cookie instead, and the token in its answer is null.',
    'On a hearing, only its team (or someone who opened it with `hearings.accessForReason`, to read)',
    'gets an answer; anyone else gets `not_found`, as for a hearing that does not exist. The',
    'administrator makes no hearing call. While the screen is locked (`locked`, HTTP 423) only the',
    "calls marked below as going on while locked are answered, so that a lock never stops a recording.",
    'After three wrong passwords for an account, each further attempt waits twice as long as the one',
    'before (`too_many_attempts`, HTTP 429, with `details.retryAfterMs`).',
    '',
    '## Calling the web host',
    '',
    '`npm run host` prints one JSON line with `url` and `openUrl`; the token is the `token` query',
    'parameter of `openUrl`. Every request must carry it:',
    '',
    '- API: `POST <url>/api/<call name>` with header `X-Hearing-Room-Token: <token>` and a JSON body',
    '  (the input). Inputs with binary fields (a media chunk) use the frame format of',
    '  `shared/api/wire.ts` (`Content-Type: application/vnd.hearing-room.frame`).',
    '- Media: `GET <url>/media/recordings/<id>/master|working?token=<token>`, with HTTP Range support and the',
    '  session (a script sends `X-Hearing-Room-Session`); each playback is one entry of the audit log.',
    '- Pages: open `openUrl` once; the host then sets a same-site cookie of its own for the pages and media, which never opens the API.',
    '',
    'Example:',
    '',
    '```sh',
    'SESSION=$(curl -s -X POST "$URL/api/session.signIn" -H "X-Hearing-Room-Token: $TOKEN" \\',
    "  -H 'Content-Type: application/json' -d '{\"username\":\"…\",\"password\":\"…\"}' | jq -r .value.sessionToken)",
    'curl -s -X POST "$URL/api/hearings.list" -H "X-Hearing-Room-Token: $TOKEN" \\',
    "  -H \"X-Hearing-Room-Session: $SESSION\" -H 'Content-Type: application/json' -d '{}'",
    '```',
    '',
    'Every answer is JSON: `{"ok": true, "value": ...}` or',
    '`{"ok": false, "error": {"code", "message", "issues"?: [{"path", "code", "message"}]}}`.',
    `Error codes: ${errorCodes.map((c) => `\`${c}\``).join(', ')}.`,
    `A \`conflict\` names its reason in \`details.reason\`: ${conflictReasons.map((c) => `\`${c}\``).join(', ')}.`,
    'A `readiness_unmet` lists every unmet rule in `details.unmet` (`code`, `field`, `params`), as `procedure.get` does.',
    'A body larger than one call may send (80 MiB) is refused with HTTP 413; when the bodies of all calls in flight',
    'would pass the host\'s memory budget (256 MiB), a call is refused with HTTP 503 and `details.reason` `busy`:',
    'nothing ran, try again in a moment.',
    '',
    '## Calls',
    '',
  ];
  for (const name of callNames) {
    const spec: (typeof contract)[typeof name] & { signedOut?: true; whileLocked?: true } = contract[name];
    const when = [spec.signedOut ? ' Needs no session.' : '', spec.whileLocked ? ' Goes on while the screen is locked.' : ''].join('');
    lines.push(
      `### \`${name}\``,
      '',
      spec.summary,
      '',
      `Roles: ${spec.roles.join(', ')}. Audited: ${spec.audit ? 'yes' : 'no'}.${when}`,
      '',
      'Input:',
      '',
      '```json',
      schemaText(spec.input, 'input'),
      '```',
      '',
      'Output:',
      '',
      '```json',
      schemaText(spec.output, 'output'),
      '```',
      '',
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const text = renderApiDocs();
  if (process.argv.includes('--check')) {
    const current = readFileSync(file, 'utf8');
    if (current !== text) {
      console.error('docs/api.md is out of date: run `npm run docs:api`.');
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    console.info(`Wrote ${file}`);
  }
}
