import * as argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes); the library default (64 MiB) starves a 2-core server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies; with no stored hash it still spends the same time, so timing does not reveal unknown e-mails. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const hash = storedHash ?? (await (dummyHash ??= hashPassword('not-a-real-password-0000')));
  try {
    const ok = await argon2.verify(hash, password);
    return ok && storedHash !== undefined;
  } catch {
    return false;
  }
}
