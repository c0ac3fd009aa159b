import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  FORM_FIELD_LABELS,
  isRepeatedCharacter,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ErrorCode,
} from '@passerelle/domain-client';
import * as argon2 from 'argon2';
import { IsNotEmpty, IsString, MaxLength, registerDecorator } from 'class-validator';
import { Label } from '../common/labels';
import { RawText } from '../common/text';

// OWASP's argon2id baseline (19 MiB, 2 passes); the library default (64 MiB) starves a 2-core server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MIN_LENGTH as MIN_PASSWORD_LENGTH } from '@passerelle/domain-client';

let commonPasswords: Set<string> | undefined;

/** A kept list (zxcvbn-ts's ≈ 49,000 most common passwords), loaded once, compared case-insensitively. */
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    // A CommonJS data package of ≈ 500 KB: loaded on first use, not at start-up.
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: { passwords: string[] } };
    commonPasswords = new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  }
  return commonPasswords.has(password.toLowerCase());
}

/** Why a new password is refused (the rules shared with the web forms, plus the common-password list). */
export function passwordProblem(password: string): ErrorCode | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (isRepeatedCharacter(password)) return 'password_repeated';
  if (isCommonPassword(password)) return 'password_too_common';
  return null;
}

/** Validates a DTO property as a new password; the failing rule's code names the problem. */
export function NewPassword(): PropertyDecorator {
  return (target, property) => {
    for (const code of ['password_too_short', 'password_repeated', 'password_too_common'] as const) {
      registerDecorator({
        name: code,
        target: target.constructor,
        propertyName: String(property),
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || passwordProblem(value) !== code,
        },
      });
    }
  };
}

/** A new-password field of a form (sign-up, accepting an invitation, a reset…): the rules above, taken as typed. */
export function NewPasswordField(): PropertyDecorator {
  // Listed bottom-up: the order a stack of decorators runs in, which orders the validation failures.
  return applyDecorators(
    NewPassword(),
    MaxLength(PASSWORD_MAX_LENGTH),
    IsNotEmpty(),
    IsString(),
    RawText(),
    Label(FORM_FIELD_LABELS.password),
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  );
}

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
