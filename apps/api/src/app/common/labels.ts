import 'reflect-metadata';
import type { FieldLabelText } from './app-error';

const LABEL_KEY = 'passerelle:label';

/**
 * The label a form shows for this property, used to name it in error messages (« Votre nom — ce champ est
 * obligatoire »). Properties of the client record need none: their keys are the domain's field keys.
 */
export function Label(text: FieldLabelText): PropertyDecorator {
  return (target, property) => Reflect.defineMetadata(LABEL_KEY, text, target, property);
}

/** The label declared with @Label on a DTO instance's (or class prototype's) property, if any. */
export function labelOf(target: object | undefined, property: string): FieldLabelText | undefined {
  if (!target) return undefined;
  const prototype = typeof target === 'function' ? (target as { prototype: object }).prototype : target;
  return Reflect.getMetadata(LABEL_KEY, prototype, property) as FieldLabelText | undefined;
}
