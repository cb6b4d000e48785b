import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ChromiumPrinter } from '../../main/host/chromium-printer';
import { chromiumPath } from '../helpers/chromium';
import { tempDir } from '../helpers/temp';

const page = (name: string) => `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>@page { size: A4; margin: 18mm; @bottom-center { content: "page " counter(page) " of " counter(pages); } }</style>
</head><body><h1>Written record of ${name}</h1>${'<p>A line of the record.</p>'.repeat(120)}
<script>document.body.append('A SCRIPT RAN')</script></body></html>`;

function text(pdf: Uint8Array): string {
  const dir = tempDir();
  const file = join(dir, 'record.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

function pageSize(pdf: Uint8Array): string {
  const file = join(tempDir(), 'record.pdf');
  writeFileSync(file, pdf);
  return /Page size:\s+(.*)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '';
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('one browser prints record after record, each with only its own content, on A4, with no script run', async () => {
  const printer = new ChromiumPrinter(chromiumPath());
  try {
    const first = await printer.print(page('Zoë Émile'));
    const pid = printer.browserPid;
    assert.ok(pid, 'a browser runs after the first print');
    const second = await printer.print(page('Jan Peeters'));
    assert.equal(printer.browserPid, pid, 'the second print reuses the browser');
    const one = text(first);
    const two = text(second);
    assert.match(one, /Written record of Zoë Émile/);
    assert.match(one, /page 1 of \d+/);
    assert.match(two, /Written record of Jan Peeters/);
    assert.doesNotMatch(two, /Zoë/, 'nothing of the first record is left in the second');
    assert.doesNotMatch(one + two, /A SCRIPT RAN/);
    assert.match(pageSize(first), /\(A4\)/);
  } finally {
    printer.close();
  }
});

test('prints asked for at once are made one after the other, each right', async () => {
  const printer = new ChromiumPrinter(chromiumPath());
  try {
    const names = ['Anna', 'Bram', 'Chloé'];
    const pdfs = await Promise.all(names.map((n) => printer.print(page(n))));
    pdfs.forEach((pdf, i) => {
      const t = text(pdf);
      assert.match(t, new RegExp(`Written record of ${names[i]}`));
      for (const other of names.filter((_, j) => j !== i)) assert.doesNotMatch(t, new RegExp(`of ${other}`));
    });
  } finally {
    printer.close();
  }
});

test('a browser that died is replaced at the next print; close ends it', async () => {
  const printer = new ChromiumPrinter(chromiumPath());
  try {
    await printer.print(page('One'));
    const pid = printer.browserPid!;
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && printer.browserPid === pid; i++) await new Promise((r) => setTimeout(r, 20));
    assert.match(text(await printer.print(page('Two'))), /Written record of Two/);
    const next = printer.browserPid!;
    assert.notEqual(next, pid);
    printer.close();
    assert.equal(printer.browserPid, null);
    for (let i = 0; i < 100 && alive(next); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(alive(next), false, 'the browser is gone after close');
    assert.match(text(await printer.print(page('Three'))), /Written record of Three/, 'a print after close starts a browser');
    // The browser closed before it ends after its successor started: the successor stays known.
    const third = printer.browserPid;
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(printer.browserPid, third);
    assert.ok(third !== null && alive(third));
  } finally {
    printer.close();
  }
});

test('a print that takes too long fails with a clear message and leaves no browser behind', async () => {
  const printer = new ChromiumPrinter(chromiumPath(), { timeoutMs: 1 });
  try {
    await assert.rejects(printer.print(page('Late')), /Chromium could not print: Chromium did not print within 0 s/);
    assert.equal(printer.browserPid, null);
  } finally {
    printer.close();
  }
});

test('a browser that cannot start is named', async () => {
  const printer = new ChromiumPrinter(join(tempDir(), 'no-such-chromium'));
  await assert.rejects(printer.print(page('Nobody')), /Chromium could not print: .*could not be started/);
  printer.close();
});
