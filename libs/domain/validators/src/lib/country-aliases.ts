/**
 * Reviewed names that CLDR does not give (abbreviations, official long forms, former or colloquial names
 * people still type). They override the generated index. A list of codes marks a name as ambiguous on
 * purpose. Keys go through lookupKey, so case, accents, spaces and punctuation do not matter here.
 * Constituent countries of the United Kingdom map to GB: the ISO code is what is stored.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string | readonly string[]>> = {
  // Morocco
  'Royaume du Maroc': 'MA',
  'Kingdom of Morocco': 'MA',
  'Reino de Marruecos': 'MA',
  'Königreich Marokko': 'MA',
  'المملكة المغربية': 'MA',
  'ⵜⴰⴳⵍⴷⵉⵜ ⵏ ⵍⵎⵖⵔⵉⴱ': 'MA',
  // United Kingdom
  UK: 'GB',
  'Great Britain': 'GB',
  Britain: 'GB',
  'Grande-Bretagne': 'GB',
  'Grande Bretagne': 'GB',
  'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord': 'GB',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  England: 'GB',
  Angleterre: 'GB',
  Scotland: 'GB',
  Écosse: 'GB',
  Wales: 'GB',
  'Pays de Galles': 'GB',
  'Northern Ireland': 'GB',
  'Irlande du Nord': 'GB',
  بريطانيا: 'GB',
  إنجلترا: 'GB',
  انكلترا: 'GB',
  // United States
  USA: 'US',
  'United States of America': 'US',
  'États-Unis d’Amérique': 'US',
  'Estados Unidos de América': 'US',
  'الولايات المتحدة الأمريكية': 'US',
  أمريكا: 'US',
  // United Arab Emirates
  EAU: 'AE',
  UAE: 'AE',
  Émirats: 'AE',
  Emirates: 'AE',
  الإمارات: 'AE',
  'الإمارات العربية': 'AE',
  // Saudi Arabia
  KSA: 'SA',
  Arabie: 'SA',
  Saudi: 'SA',
  السعودية: 'SA',
  // Democratic Republic of the Congo
  RDC: 'CD',
  DRC: 'CD',
  'RD Congo': 'CD',
  'DR Congo': 'CD',
  Zaïre: 'CD',
  // Names that stayed in use after a change
  Hollande: 'NL',
  Holland: 'NL',
  Macédoine: 'MK',
  Macedonia: 'MK',
  'Ivory Coast': 'CI',
  'Czech Republic': 'CZ',
  'République tchèque': 'CZ',
  Turkey: 'TR',
  Turquie: 'TR',
  Swaziland: 'SZ',
  Burma: 'MM',
  Birmanie: 'MM',
  'Cape Verde': 'CV',
  'East Timor': 'TL',
  'Timor oriental': 'TL',
  Vatican: 'VA',
  Palestine: 'PS',
  فلسطين: 'PS',
  'Viet Nam': 'VN',
  // French usage: "Guyane" is French Guiana, not Guyana
  Guyane: 'GF',
  // Ambiguous on purpose
  Congo: ['CD', 'CG'],
  Corée: ['KP', 'KR'],
  Korea: ['KP', 'KR'],
  'Îles Vierges': ['VG', 'VI'],
  'Virgin Islands': ['VG', 'VI'],
  'Saint-Martin': ['MF', 'SX'],
};
