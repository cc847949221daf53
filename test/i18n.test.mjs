// Every string the source hands to msg() has a translation in each
// xliff/<locale>.xlf, and src/generated/locales/ was built from those files.
// A fresh extraction (into a temporary folder, the repository untouched) is
// compared with the committed XLIFF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const ids = (xliff, withTarget) =>
  [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].filter(([, , body]) => !withTarget || body.includes('<target>')).map(([, id]) => id);

test('every msg() string has a translation in each xliff file (run `npm run localize:extract`, translate, `npm run localize:build`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  const fresh = {
    ...config,
    tsConfig: resolve(config.tsConfig),
    output: { ...config.output, outputDir: join(dir, 'out'), localeCodesModule: join(dir, 'out', 'locale-codes.ts') },
    interchange: { ...config.interchange, xliffDir: join(dir, 'xliff') },
  };
  writeFileSync(join(dir, 'lit-localize.json'), JSON.stringify(fresh));
  execFileSync('npx', ['lit-localize', `--config=${join(dir, 'lit-localize.json')}`, 'extract'], { stdio: 'pipe' });
  for (const locale of config.targetLocales) {
    const extracted = readFileSync(join(dir, 'xliff', `${locale}.xlf`), 'utf8');
    const wanted = ids(extracted, false);
    const committed = readFileSync(join(config.interchange.xliffDir, `${locale}.xlf`), 'utf8');
    const translated = new Set(ids(committed, true));
    const missing = wanted.filter((id) => !translated.has(id));
    const sources = missing.map((id) => extracted.match(new RegExp(`<trans-unit id="${id}">\\s*<source>([\\s\\S]*?)</source>`))?.[1] ?? id);
    assert.deepEqual(sources, [], `${locale}: strings without a translation`);
    const built = readFileSync(join(config.output.outputDir, `${locale}.ts`), 'utf8');
    const unbuilt = wanted.filter((id) => !built.includes(`'${id}'`));
    assert.deepEqual(unbuilt, [], `${locale}: translated in xliff but not built into ${config.output.outputDir}`);
  }
});
