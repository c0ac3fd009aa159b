import { CLIENT_STATUSES } from '@passerelle/domain-client';
import { COUNTRY_CODES } from '@passerelle/domain-validators';

const byLanguage = new Map<string, readonly string[]>();

/**
 * Every country code the validators accept, ordered by the country's name in `lang` (the names the web
 * app shows: Intl.DisplayNames, compared with Intl.Collator): Afrique du Sud, Albanie, Algérie… in French.
 */
export function countriesByName(lang: string): readonly string[] {
  let codes = byLanguage.get(lang);
  if (!codes) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(lang);
    codes = [...COUNTRY_CODES]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code))
      .map((entry) => entry.code);
    byLanguage.set(lang, codes);
  }
  return codes;
}

/**
 * The order of a ranked sort's values (country by name in the user's language, status in lifecycle order),
 * narrowed to the values a filter keeps; undefined for the sorts on a stored key (name, city, dates).
 */
export function sortRanks(
  sort: string,
  lang: string,
  filter: { status?: readonly string[]; country?: readonly string[] },
): readonly string[] | undefined {
  const keep = (values: readonly string[], only?: readonly string[]) =>
    only?.length ? values.filter((value) => only.includes(value)) : values;
  if (sort === 'country') return keep(countriesByName(lang), filter.country);
  if (sort === 'status') return keep(CLIENT_STATUSES, filter.status);
  return undefined;
}
