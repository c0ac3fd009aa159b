import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { FORM_FIELD_LABELS } from '@passerelle/domain-client';
import { cleanText, normalizeEmail } from '@passerelle/domain-validators';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { Label } from './labels';

/** Every DTO property cleaned by @CleanText (or declared @RawText), for the test that no free text escapes. */
export const TEXT_PROPERTIES = new Map<Function, Set<string>>(); // eslint-disable-line @typescript-eslint/no-unsafe-function-type

function remember(target: object, property: string | symbol): void {
  const owner = target.constructor;
  const set = TEXT_PROPERTIES.get(owner) ?? new Set<string>();
  set.add(String(property));
  TEXT_PROPERTIES.set(owner, set);
}

/** Each line cleaned on its own: the rule of cleanText, keeping the line breaks of a multi-line note. */
function cleanLines(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(cleanText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The one cleaning rule of every free-text field of every DTO (the domain's cleanText): control, zero-width
 * and bidi-override characters removed, runs of spaces collapsed, trimmed, Unicode NFC. `multiline` keeps
 * line breaks (notes). Non-strings pass through untouched for the type validators to name.
 */
export function CleanText(options: { multiline?: boolean } = {}): PropertyDecorator {
  const clean = options.multiline ? cleanLines : cleanText;
  return (target, property) => {
    remember(target, property);
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? clean(value) : value))(
      target,
      property,
    );
  };
}

/**
 * A mapped type (OmitType, PickType… of @nestjs/swagger) copies a DTO's rules, cleaning included, onto a
 * generated class, but not this registry: carry the source's entries over to that class (and its subclass).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function inheritTextProperties(mapped: Function, source: Function): void {
  const properties = TEXT_PROPERTIES.get(source) ?? new Set<string>();
  for (const target of [mapped, Object.getPrototypeOf(mapped)]) {
    const set = TEXT_PROPERTIES.get(target) ?? new Set<string>();
    properties.forEach((property) => set.add(property));
    TEXT_PROPERTIES.set(target, set);
  }
}

/** A string taken exactly as sent (passwords, tokens): declared so the free-text audit knows it is on purpose. */
export function RawText(): PropertyDecorator {
  return (target, property) => remember(target, property);
}

/**
 * An e-mail address checked and normalised by the domain rule (libs/domain/validators normalizeEmail): the
 * same rule as the client form and the import. Invalid → `invalid_email`.
 */
export function EmailAddress(validationOptions?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    (target: object, property: string | symbol) => remember(target, property),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const checked = normalizeEmail(value);
      return checked.ok ? checked.value : value;
    }),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: 'isEmail',
        target: target.constructor,
        propertyName: String(property),
        options: validationOptions,
        validator: {
          validate: (value: unknown) => {
            if (typeof value !== 'string') return false;
            const checked = normalizeEmail(value);
            return checked.ok && checked.value === value;
          },
        },
      }),
  );
}

/**
 * A required e-mail address field of a form other than the client record (sign-up, invitations, password
 * reset): labelled « Adresse e-mail », at most 254 characters, checked and normalised by @EmailAddress.
 */
export function EmailField(example: string): PropertyDecorator {
  // Listed bottom-up: the order a stack of decorators runs in, which orders the validation failures.
  return applyDecorators(
    EmailAddress(),
    MaxLength(254),
    IsNotEmpty(),
    IsString(),
    Label(FORM_FIELD_LABELS.email),
    ApiProperty({ maxLength: 254, example }),
  );
}
