import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';

export interface FirmAccount {
  firmName: string;
  name: string;
  email: string;
  password: string;
}

export function newFirmAccount(city: string, person: string): FirmAccount {
  const suffix = randomBytes(3).toString('hex');
  const slug = person.toLowerCase().split(' ')[0];
  return {
    firmName: `Cabinet ${city} ${suffix}`,
    name: person,
    email: `${slug}.${suffix}@${city.toLowerCase()}-conseil.ma`,
    password: `${city}-Atlas-2026`,
  };
}

/** Fills and submits the sign-up page; resolves once the signed-in shell is shown. */
export async function signUpThroughUi(page: Page, url: string, firm: FirmAccount): Promise<void> {
  await page.goto(`${url}/signup`);
  await page.getByTestId('signup-firm').fill(firm.firmName);
  await page.getByTestId('signup-name').fill(firm.name);
  await page.getByTestId('signup-email').fill(firm.email);
  await page.getByTestId('signup-password').fill(firm.password);
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('app-bar').waitFor();
}

/** A valid ICE: 13 digits, then the two check digits making the number a multiple of 97 (never 00). */
export function validIce(): string {
  for (;;) {
    const base = BigInt(`1${randomBytes(6).readUIntBE(0, 6)}`.slice(0, 13).padStart(13, '0'));
    const check = 97n - ((base * 100n) % 97n);
    if (check !== 97n) return (base * 100n + check).toString().padStart(15, '0');
  }
}
