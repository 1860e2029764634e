import { generatePdfs } from '/work/wt/e2efix/src/lib/pdf/generate.ts';
import { inspectPdf } from '/work/wt/e2efix/src/lib/pdf/inspect.ts';
import { readFileSync, writeFileSync } from 'node:fs';
const work = '/tmp/e2efix-work/site';
const only = process.argv[2];
const results = await generatePdfs({ root: process.cwd(), dist: work, out: work + '/pdf', format: 'a4', base: '/', build: 'never' }, () => {});
for (const r of results) {
  const pdf = await inspectPdf(new Uint8Array(readFileSync(r.path)));
  const text = await pdf.text(); const lines = await pdf.lines();
  writeFileSync('/tmp/e2efix-work/' + r.file.replace(/\//g, '__') + '.json', JSON.stringify({ text, lines, outline: await pdf.outline() }));
  await pdf.close();
}
console.log(results.map((r) => r.file).join(' '));
