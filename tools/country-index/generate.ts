/*
 * Builds libs/domain/validators/src/lib/generated/country-index.json from two kept sources of country names,
 * reduced to lookup keys (nameKey), so that resolveCountry accepts "Maroc", "Morocco", "المغرب", "Marokko" or
 * "ⵍⵎⵖⵔⵉⴱ" without shipping ICU to the browser:
 *
 * - CLDR, through the runtime's ICU (Intl.DisplayNames): every name of every country in every locale ICU has;
 * - i18n-iso-countries (a pinned npm package): common names and alternates in the product's languages, which
 *   CLDR often spells differently (« الدنمارك » beside CLDR's « الدانمرك », « المجر » beside « هنغاريا »).
 *
 *   TS_NODE_PROJECT=tools/tsconfig.json node -r ts-node/register/transpile-only tools/country-index/generate.ts
 *   … generate.ts --check   exits 1 when the committed file differs (the `generated` date aside)
 *
 * The index records both sources' versions: a Node (ICU) upgrade or a new i18n-iso-countries makes --check fail.
 *
 * Besides each full name, the name without its qualifier is indexed too ("Myanmar (Birmanie)" → "Myanmar",
 * "Congo - Kinshasa" → "Congo"). A key that names several countries is not guessed: it goes to `ambiguous`
 * with its candidates. Names in the product's languages take precedence over names in other locales, so a
 * collision in a far-away locale cannot make "Chine" or "Maroc" ambiguous; they are kept apart (`codes` and
 * `other`) because only the former are candidates for near-match (one-typo) lookups. Reviewed aliases (UK,
 * EAU…) live in libs/domain/validators/src/lib/country-aliases.ts and override this index at run time;
 * official forms (« République fédérale d'Allemagne ») are read by rule in country.ts, not listed here.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import isISO31661Alpha3 from 'validator/lib/isISO31661Alpha3';
import { nameKey } from '../../libs/domain/validators/src/lib/text';
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
/** Codes outside ISO 3166-1 proper that the product accepts all the same. */
const USER_ASSIGNED = new Set(['XK']);

const I18N_ISO_COUNTRIES = dirname(require.resolve('i18n-iso-countries/package.json'));

interface I18nIsoCountries {
  version: string;
  alpha2ToAlpha3(code: string): string | undefined;
}

function i18nIsoCountries(): I18nIsoCountries {
  const { version } = JSON.parse(readFileSync(join(I18N_ISO_COUNTRIES, 'package.json'), 'utf8'));
  const { alpha2ToAlpha3 } = require('i18n-iso-countries');
  return { version, alpha2ToAlpha3 };
}

/** The alpha-3 table must agree with two independent sources, or a typo would silently misroute "MAR". */
function checkCodes(source: I18nIsoCountries): void {
  const problems: string[] = [];
  for (const [alpha2, alpha3] of Object.entries(ISO3166_ALPHA3)) {
    if (!USER_ASSIGNED.has(alpha2) && !isISO31661Alpha2(alpha2)) problems.push(`${alpha2} is not ISO 3166-1`);
    if (!USER_ASSIGNED.has(alpha2) && !isISO31661Alpha3(alpha3)) problems.push(`${alpha3} is not ISO 3166-1`);
    const theirs = source.alpha2ToAlpha3(alpha2);
    if (theirs !== alpha3) problems.push(`${alpha2}: ${alpha3} here, ${theirs} in i18n-iso-countries`);
  }
  if (problems.length) throw new Error(`tools/country-index/iso3166.ts: ${problems.join('; ')}`);
}

/**
 * Reviewed mistakes of i18n-iso-countries (language:code → names left out). Its Portuguese file swaps the two
 * Congos: "República Democrática do Congo" is CD, and "República Popular do Congo" was CG's name until 1991.
 */
const I18N_ISO_COUNTRIES_ERRATA: Readonly<Record<string, readonly string[]>> = {
  'pt:CG': ['República Democrática do Congo'],
  'pt:CD': ['República Popular do Congo'],
};

/**
 * Names of every country in the product's languages from i18n-iso-countries: [language, code, name][]. Its
 * other languages are left out on purpose: CLDR already names every country in every locale, and each extra
 * name costs the client form's lazy chunk about 40 bytes (esbuild writes non-ASCII as \u escapes) — the
 * second source is for the everyday spellings of the languages our users write in.
 */
function i18nIsoCountriesNames(): [string, string, string][] {
  const names: [string, string, string][] = [];
  const folder = join(I18N_ISO_COUNTRIES, 'langs');
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue;
    const data = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
      locale: string;
      countries: Record<string, string | string[]>;
    };
    if (!PRIMARY_LANGUAGES.has(data.locale)) continue;
    for (const code of ALPHA2) {
      const value = data.countries[code];
      const wrong = I18N_ISO_COUNTRIES_ERRATA[`${data.locale}:${code}`] ?? [];
      for (const name of typeof value === 'string' ? [value] : (value ?? [])) {
        if (!wrong.includes(name)) names.push([data.locale, code, name]);
      }
    }
  }
  return names;
}
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

const ISLANDS_FIRST =
  /^(?:Île|Îles|Ile|Iles|Isla|Islas|Ilha|Ilhas|Isola|Isole|جزر|جزيرة)\s+(?:(?:de la|de|du|des|d’|d'|di|delle|do|da|dos)\s*)?(\S.*)$/iu;
const ISLANDS_LAST = /^(\S.*?)(?:[\s-]+(?:Islands|Island|Inseln|Insel|Eilanden|Eiland)|inseln)$/iu;

/** "Myanmar (Birmanie)" → "Myanmar"; "Congo - Kinshasa" → "Congo" (then ambiguous, as it should be). */
function derivedNames(name: string): string[] {
  const derived: string[] = [];
  const parenthesis = /^(.+?)\s*[(（[].*[)）\]]\s*$/u.exec(name);
  if (parenthesis) derived.push(parenthesis[1]);
  const spacedDash = /^(.+?)\s+[-–—]\s+\S.*$/u.exec(name);
  if (spacedDash) derived.push(spacedDash[1]);
  return derived;
}

/**
 * The name without its island word, as people write it: « Îles Salomon » → « Salomon », « جزر البهاما » →
 * « البهاما », "Cayman Islands" → "Cayman". Weaker than any real name: « جزر الولايات المتحدة » (UM) must not
 * make « الولايات المتحدة » ambiguous.
 */
function withoutIslandWord(name: string): string | undefined {
  const island = ISLANDS_FIRST.exec(name) ?? ISLANDS_LAST.exec(name);
  return island?.[1];
}

type Level = Map<string, Set<string>>;
const SHORT_LATIN = /^[a-z]{1,3}$/;

function build() {
  const source = i18nIsoCountries();
  checkCodes(source);
  const locales = distinctLocales();
  // Precedence: names in the product's languages, then names in every other locale.
  const levels: Level[] = [new Map(), new Map()];
  const add = (level: Level, name: string, code: string) => {
    const key = nameKey(name);
    // Latin abbreviations of one to three letters ("É.-U.", "R.-U.", "ABD") collide with ISO codes and
    // everyday words (EU, CAT, DAY): codes and the reviewed aliases (UK, EAU, KSA…) cover that ground.
    if (!key || SHORT_LATIN.test(key)) return;
    let codes = level.get(key);
    if (!codes) level.set(key, (codes = new Set()));
    codes.add(code);
  };
  const weak: [Level, string, string][] = [];
  const addWithDerived = (level: Level, name: string, code: string) => {
    add(level, name, code);
    const derived = derivedNames(name);
    for (const other of derived) add(level, other, code);
    for (const base of [name, ...derived]) {
      const island = withoutIslandWord(base);
      if (island) weak.push([level, island, code]);
    }
  };
  for (const locale of locales) {
    const primary = PRIMARY_LANGUAGES.has(new Intl.Locale(locale).language);
    for (const style of STYLES) {
      const names = regionNames(locale, style);
      names.forEach((name, i) => {
        if (name && name !== ALPHA2[i]) addWithDerived(levels[primary ? 0 : 1], name, ALPHA2[i]);
      });
    }
  }
  for (const [, code, name] of i18nIsoCountriesNames()) addWithDerived(levels[0], name, code);
  const strong = new Set(levels.flatMap((level) => [...level.keys()]));
  for (const [level, name, code] of weak) if (!strong.has(nameKey(name))) add(level, name, code);

  const resolved = new Map<string, { codes: string[]; primary: boolean }>();
  levels.forEach((level, i) => {
    for (const [key, codes] of level) {
      if (!resolved.has(key)) resolved.set(key, { codes: [...codes].sort(), primary: i === 0 });
    }
  });
  const primaryNames: Record<string, string[]> = Object.fromEntries(
    ALPHA2.map((code) => [code, [] as string[]]),
  );
  const otherNames: Record<string, string[]> = Object.fromEntries(
    ALPHA2.map((code) => [code, [] as string[]]),
  );
  // One '|'-separated string per country rather than an array: the file is part of the client form's bundle,
  // and a key never contains '|' (nameKey keeps letters, marks and digits only).
  const joined = (lists: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(lists).map(([code, keys]) => [code, keys.join('|')]));
  const ambiguous: Record<string, string[]> = {};
  for (const key of [...resolved.keys()].sort()) {
    const { codes, primary } = resolved.get(key) as { codes: string[]; primary: boolean };
    if (codes.length === 1) (primary ? primaryNames : otherNames)[codes[0]].push(key);
    else ambiguous[key] = codes;
  }

  const alpha3ToAlpha2 = Object.fromEntries(ALPHA2.map((code) => [ISO3166_ALPHA3[code], code]));
  return {
    icu: process.versions.icu,
    cldr: process.versions.cldr,
    unicode: process.versions.unicode,
    'i18n-iso-countries': source.version,
    generated: new Date().toISOString().slice(0, 10),
    locales: locales.length,
    alpha3: Object.fromEntries(Object.entries(alpha3ToAlpha2).sort(([a], [b]) => a.localeCompare(b))),
    /** keys of names in the product's languages (fr, en, ar, es, de, nl, it, pt, zgh) */
    codes: joined(primaryNames),
    /** keys of names in every other locale */
    other: joined(otherNames),
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
        `${OUTPUT} is out of date (committed: ICU ${committed.icu}, i18n-iso-countries ` +
          `${committed['i18n-iso-countries']}; here: ICU ${index.icu}, i18n-iso-countries ` +
          `${index['i18n-iso-countries']}): regenerate it with npm run generate:countries`,
      );
      process.exit(1);
    }
    console.log('country index up to date');
    return;
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, json);
  const count = (lists: Record<string, string>) =>
    Object.values(lists).reduce((n, keys) => n + (keys ? keys.split('|').length : 0), 0);
  console.log(
    `wrote ${OUTPUT}: ICU ${index.icu}, i18n-iso-countries ${index['i18n-iso-countries']}, ` +
      `${index.locales} locales, ${count(index.codes)} + ${count(index.other)} names, ` +
      `${Object.keys(index.ambiguous).length} ambiguous, ${(json.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`,
  );
}

main();
