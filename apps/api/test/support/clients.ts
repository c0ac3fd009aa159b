import { randomInt } from 'node:crypto';

/** A valid ICE: 13 random digits + the two check digits making the number a multiple of 97 (never 00). */
export function makeIce(): string {
  for (;;) {
    const base = BigInt(randomInt(0, 10 ** 9)) * 10_000n + BigInt(randomInt(0, 10_000));
    const check = (97n - ((base * 100n) % 97n)) % 97n;
    if (check !== 0n) return (base * 100n + check).toString().padStart(15, '0');
  }
}

/** Changes the last check digit: same format, wrong checksum. */
export function breakChecksum(ice: string): string {
  const last = Number(ice[14]);
  return ice.slice(0, 14) + String((last + 1) % 10);
}

let counter = 0;

export function moroccanClient(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    name: `Société Atlas ${tag}`,
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'Maroc',
    ice: makeIce(),
    taxId: String(randomInt(1_000_000, 99_999_999)),
    language: 'fr',
    contactName: 'Karim Benjelloun',
    contactLanguage: 'ar',
    contactEmail: `karim.${tag}@atlas.ma`,
    shareDocuments: false,
    ...overrides,
  };
}
