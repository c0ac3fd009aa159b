/*
 * Micro-benchmark of validateClient (not a test: timings depend on the machine).
 *
 *   TS_NODE_PROJECT=tools/tsconfig.json node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     tools/bench/validate.ts [rows]
 *
 * Generates varied rows as an import would hand them over (valid and invalid, text and numeric cells, many
 * spellings of countries and languages — official forms, Arabic without the article, a misspelling, a region
 * in brackets —, placeholders such as N/A, unique names and e-mails), then validates them all several times
 * and prints rows per second. Target: ≥ 300,000 rows/s.
 */
import { composeIBAN } from 'ibantools';
import { validateClient, type RawClientRow } from '@passerelle/domain-validators';

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = 5;

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same rows.
let seed = 0x5eed;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

function mod97(s: string): number {
  let r = 0;
  for (const ch of s) r = (r * 10 + Number(ch)) % 97;
  return r;
}
function validIce(): string {
  const body = digits(13);
  return body + String(97 - mod97(body + '00')).padStart(2, '0');
}
function validRib(): string {
  const body = String(1 + Math.floor(random() * 998)).padStart(3, '0') + digits(19);
  return body + String(97 - mod97(body + '00')).padStart(2, '0');
}
function germanIban(): string {
  return composeIBAN({ countryCode: 'DE', bban: digits(18) }) as string;
}
function corrupt(s: string): string {
  const i = Math.floor(random() * s.length);
  return s.slice(0, i) + String((Number(s[i]) + 1) % 10) + s.slice(i + 1);
}

const MOROCCAN_COUNTRY = [
  'Maroc',
  'MA',
  'ma',
  'Morocco',
  'المغرب',
  'MAROC',
  'maroc ',
  'Royaume du Maroc',
  'MAR',
  'مغرب',
  'Marrocco',
];
const FOREIGN = [
  { country: 'France', postalCode: '75008', iban: 'FR7630006000011234567890189' },
  { country: 'Belgique', postalCode: '1000', iban: 'BE68539007547034' },
  { country: 'ES', postalCode: '28001', iban: 'ES9121000418450200051332' },
  { country: 'Allemagne', postalCode: '10115', iban: 'DE' },
  { country: 'Émirats arabes unis', postalCode: '00000', iban: '' },
  { country: 'République fédérale d’Allemagne', postalCode: '10115', iban: 'N/A' },
];
const LANGUAGES = [
  'fr',
  'Français',
  'FR',
  'Arabe',
  'ar',
  'العربية',
  'عربية',
  'Angl.',
  'English',
  'es',
  'Espagnol',
  'Français (Maroc)',
];
const CITIES = ['Casablanca', 'Rabat', 'Marrakech', 'Tanger', 'Fès', 'Agadir', 'الدار البيضاء'];
const DOMAINS = ['gmail.com', 'hotmail.fr', 'menara.ma', 'outlook.com', 'gmail.con', 'société.ma'];

function row(i: number): RawClientRow {
  const roll = random();
  const foreign = roll < 0.1 ? pick(FOREIGN) : undefined;
  const ice = validIce();
  const rib = validRib();
  const r: RawClientRow = {
    name: `Société ${i} SARL`,
    address: `${1 + (i % 300)} boulevard Mohammed V`,
    postalCode: foreign?.postalCode ?? (random() < 0.2 ? 20000 + (i % 100) : String(10000 + (i % 80000))),
    city: pick(CITIES),
    country: foreign?.country ?? pick(MOROCCAN_COUNTRY),
    ice: foreign
      ? ''
      : random() < 0.1
        ? Number(ice)
        : random() < 0.3
          ? ice.replace(/(\d{3})(?=\d)/g, '$1 ')
          : ice,
    taxId: foreign ? null : digits(random() < 0.5 ? 7 : 8),
    iban: foreign
      ? foreign.iban === 'DE'
        ? germanIban()
        : foreign.iban
      : random() < 0.5
        ? `MA64${rib}`
        : random() < 0.5
          ? rib
          : '',
    language: pick(LANGUAGES),
    contactName: `Contact ${i}`,
    contactLanguage: random() < 0.2 ? '' : pick(LANGUAGES),
    contactEmail: `contact.${i}@${random() < 0.6 ? `entreprise${i % 5000}.ma` : pick(DOMAINS)}`,
    shareDocuments: random() < 0.5 ? 'oui' : '',
    accountingSoftwareId: 'sage-100',
  };
  // about one row in five carries a mistake
  const mistake = random();
  if (mistake < 0.04) r.ice = corrupt(ice);
  else if (mistake < 0.08) r.iban = `MA64${corrupt(rib)}`;
  else if (mistake < 0.11) r.contactEmail = `contact.${i}@@example.com`;
  else if (mistake < 0.14) r.country = 'Atlantide';
  else if (mistake < 0.17) r.language = 'Klingon';
  else if (mistake < 0.2) r.name = '   ';
  return r;
}

function main() {
  // A round trip through JSON gives flat strings, as a CSV/xlsx parser produces (template literals would
  // leave concatenation ropes that every first read has to flatten).
  const rows: RawClientRow[] = JSON.parse(JSON.stringify(Array.from({ length: ROWS }, (_, i) => row(i))));
  let valid = 0;
  for (const r of rows.slice(0, 10_000)) validateClient(r); // warm-up (JIT, caches)
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    valid = 0;
    const start = process.hrtime.bigint();
    for (const r of rows) if (validateClient(r).value) valid++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(ROWS / seconds);
  }
  rates.sort((a, b) => a - b);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `validateClient: ${ROWS.toLocaleString('en-US')} rows (${valid.toLocaleString('en-US')} valid), ` +
      `median ${fmt(rates[Math.floor(RUNS / 2)])} rows/s, best ${fmt(rates[RUNS - 1])} rows/s ` +
      `(node ${process.versions.node})`,
  );
}

if (require.main === module) main();
export { row };
