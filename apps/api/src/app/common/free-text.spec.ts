import { getMetadataStorage } from 'class-validator';
import '../app.module'; // every controller, hence every DTO
import { AppConfig } from '../../config/app-config';
import { TEXT_PROPERTIES } from './text';

/**
 * One cleaning rule for every free-text field: a string property of any DTO must be cleaned (@CleanText),
 * be an e-mail (@EmailAddress, which normalises) or be declared raw on purpose (@RawText: passwords, tokens).
 */
describe('free text in request bodies', () => {
  it('goes through the one cleaning rule in every DTO', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<Function, { propertyName: string; name?: string; type: string }[]>; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    };
    const unguarded: string[] = [];
    let checked = 0;
    for (const [target, metadatas] of storage.validationMetadatas) {
      if (target === AppConfig) continue; // the environment, not a request
      for (const metadata of metadatas) {
        if (metadata.name !== 'isString') continue;
        checked++;
        if (!TEXT_PROPERTIES.get(target)?.has(metadata.propertyName))
          unguarded.push(`${target.name}.${metadata.propertyName}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(unguarded).toEqual([]);
  });
});
