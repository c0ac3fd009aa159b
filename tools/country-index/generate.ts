/*
 * Builds libs/domain/validators/src/lib/generated/country-index.json: every name the runtime's CLDR data
 * (through Intl.DisplayNames) gives to every ISO 3166-1 country, in every locale ICU has, reduced to lookup
 * keys, so that resolveCountry accepts "Maroc", "Morocco", "المغرب", "Marokko" or "ⵍⵎⵖⵔⵉⴱ" without shipping
 * ICU to the browser.
 *
 *   TS_NODE_PROJECT=tools/tsconfig.json node -r ts-node/register/transpile-only tools/country-index/generate.ts
 *   … generate.ts --check   exits 1 when the committed file differs (the `generated` date aside)
 *
 * Besides each full name, the name without its qualifier is indexed too ("Myanmar (Birmanie)" → "Myanmar",
 * "Congo - Kinshasa" → "Congo"). A key that names several countries is not guessed: it goes to `ambiguous`
 * with its candidates. Names in the product's languages take precedence over names in other locales, so a
 * collision in a far-away locale cannot make "Chine" or "Maroc" ambiguous. Reviewed aliases (UK, EAU…)
 * live in libs/domain/validators/src/lib/country-aliases.ts and override this index at run time.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lookupKey } from '../../libs/domain/validators/src/lib/text';
import { ISO3166_ALPHA3 } from './iso3166';

const OUTPUT = resolve(__dirname, '../../libs/domain/validators/src/lib/generated/country-index.json');

/** The product's languages (SPEC §2): their names take precedence over other locales'. */
const PRIMARY_LANGUAGES = new Set(['fr', 'en', 'ar', 'es', 'de', 'nl', 'it', 'pt', 'zgh']);

/** ISO 15924 scripts that some CLDR locales are written in (sr-Latn, uz-Arab, zh-Hant, ff-Adlm…). */
const SCRIPTS = [
  'Adlm', 'Arab', 'Armn', 'Beng', 'Cakm', 'Cans', 'Cher', 'Cyrl', 'Deva', 'Dsrt', 'Ethi', 'Geor', 'Grek',
  'Gujr', 'Guru', 'Hans', 'Hant', 'Hebr', 'Jpan', 'Khmr', 'Knda', 'Kore', 'Laoo', 'Latn', 'Mlym', 'Mong',
  'Mtei', 'Mymr', 'Nkoo', 'Olck', 'Orya', 'Rohg', 'Shaw', 'Sinh', 'Syrc', 'Taml', 'Telu', 'Tfng', 'Thaa',
  'Thai', 'Tibt', 'Vaii', 'Yiii',
]; // prettier-ignore

/** Region subtags that carry regional CLDR variants besides the countries themselves. */
const EXTRA_REGIONS = ['001', '150', '419'];

const ALPHA2 = Object.keys(ISO3166_ALPHA3).sort();
const STYLES = ['long', 'short', 'narrow'] as const;

function regionNames(locale: string, style: (typeof STYLES)[number]): string[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
  return ALPHA2.map((code) => names.of(code) ?? '');
}

/** Every language subtag ICU has data for, canonicalised ('iw' → 'he'): tries all 2- and 3-letter codes. */
function baseLanguages(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const candidates: string[] = [];
  for (const a of letters) {
    for (const b of letters) {
      candidates.push(a + b);
      for (const c of letters) candidates.push(a + b + c);
    }
  }
  const supported = new Set<string>();
  for (let i = 0; i < candidates.length; i += 1000) {
    for (const locale of Intl.DisplayNames.supportedLocalesOf(candidates.slice(i, i + 1000), {
      localeMatcher: 'lookup',
    })) {
      supported.add(locale);
    }
  }
  return [...supported].sort();
}

/**
 * The locales whose region names differ: each base language, plus every script and region variant whose
 * names are not identical to its parent's (ICU falls back silently, so an unknown variant is a duplicate).
 */
function distinctLocales(): string[] {
  const seen = new Set<string>();
  const locales: string[] = [];
  const consider = (locale: string): boolean => {
    let fingerprint: string;
    try {
      fingerprint = STYLES.map((style) => regionNames(locale, style).join('|')).join('\n');
    } catch {
      return false; // structurally invalid tag
    }
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    locales.push(locale);
    return true;
  };
  for (const base of baseLanguages()) {
    consider(base);
    const withScripts = [base];
    for (const script of SCRIPTS) if (consider(`${base}-${script}`)) withScripts.push(`${base}-${script}`);
    for (const parent of withScripts) {
      for (const region of [...ALPHA2, ...EXTRA_REGIONS]) consider(`${parent}-${region}`);
    }
  }
  return locales;
}

/** "Myanmar (Birmanie)" → "Myanmar"; "Congo - Kinshasa" → "Congo" (then ambiguous, as it should be). */
function derivedNames(name: string): string[] {
  const derived: string[] = [];
  const parenthesis = /^(.+?)\s*[(（[].*[)）\]]\s*$/u.exec(name);
  if (parenthesis) derived.push(parenthesis[1]);
  const spacedDash = /^(.+?)\s+[-–—]\s+\S.*$/u.exec(name);
  if (spacedDash) derived.push(spacedDash[1]);
  return derived;
}

type Level = Map<string, Set<string>>;
const SHORT_LATIN = /^[a-z]{1,3}$/;

function build() {
  const locales = distinctLocales();
  // Precedence: names in the product's languages, then names in every other locale.
  const levels: Level[] = [new Map(), new Map()];
  const add = (level: Level, name: string, code: string) => {
    const key = lookupKey(name);
    // Latin abbreviations of one to three letters ("É.-U.", "R.-U.", "ABD") collide with ISO codes and
    // everyday words (EU, CAT, DAY): codes and the reviewed aliases (UK, EAU, KSA…) cover that ground.
    if (!key || SHORT_LATIN.test(key)) return;
    let codes = level.get(key);
    if (!codes) level.set(key, (codes = new Set()));
    codes.add(code);
  };
  for (const locale of locales) {
    const primary = PRIMARY_LANGUAGES.has(new Intl.Locale(locale).language);
    for (const style of STYLES) {
      const names = regionNames(locale, style);
      names.forEach((name, i) => {
        if (!name || name === ALPHA2[i]) return;
        add(levels[primary ? 0 : 1], name, ALPHA2[i]);
        for (const derived of derivedNames(name)) add(levels[primary ? 0 : 1], derived, ALPHA2[i]);
      });
    }
  }

  const resolved = new Map<string, string[]>();
  for (const level of levels) {
    for (const [key, codes] of level) if (!resolved.has(key)) resolved.set(key, [...codes].sort());
  }
  const byCode: Record<string, string[]> = Object.fromEntries(ALPHA2.map((code) => [code, [] as string[]]));
  const ambiguous: Record<string, string[]> = {};
  for (const key of [...resolved.keys()].sort()) {
    const codes = resolved.get(key) as string[];
    if (codes.length === 1) byCode[codes[0]].push(key);
    else ambiguous[key] = codes;
  }

  const alpha3ToAlpha2 = Object.fromEntries(ALPHA2.map((code) => [ISO3166_ALPHA3[code], code]));
  return {
    icu: process.versions.icu,
    cldr: process.versions.cldr,
    unicode: process.versions.unicode,
    generated: new Date().toISOString().slice(0, 10),
    locales: locales.length,
    alpha3: Object.fromEntries(Object.entries(alpha3ToAlpha2).sort(([a], [b]) => a.localeCompare(b))),
    codes: byCode,
    ambiguous,
  };
}

function main() {
  const started = Date.now();
  const index = build();
  const json = JSON.stringify(index) + '\n';
  if (process.argv.includes('--check')) {
    const committed = JSON.parse(readFileSync(OUTPUT, 'utf8'));
    const same =
      JSON.stringify({ ...committed, generated: '' }) === JSON.stringify({ ...index, generated: '' });
    if (!same) {
      console.error(
        `${OUTPUT} is out of date (ICU ${committed.icu} committed, ${index.icu} here): regenerate it`,
      );
      process.exit(1);
    }
    console.log('country index up to date');
    return;
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, json);
  const names = Object.values(index.codes).reduce((n, list) => n + list.length, 0);
  console.log(
    `wrote ${OUTPUT}: ICU ${index.icu}, ${index.locales} locales, ${names} names, ` +
      `${Object.keys(index.ambiguous).length} ambiguous, ${(json.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`,
  );
}

main();
