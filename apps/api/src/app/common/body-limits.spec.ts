import { checkJsonShape, MAX_JSON_DEPTH, MAX_JSON_KEYS } from './body-limits';

const shapeError = (body: string) => {
  try {
    checkJsonShape(Buffer.from(body));
    return null;
  } catch (error) {
    return error as { status: number; hint: string };
  }
};

describe('checkJsonShape', () => {
  it('lets ordinary bodies through, whatever their strings contain', () => {
    expect(shapeError('{"name":"Atlas {[:]} \\" : [","tags":[1,[2,[3]]]}')).toBeNull();
    expect(shapeError(JSON.stringify({ ids: Array.from({ length: 5000 }, (_, i) => `id-${i}`) }))).toBeNull();
  });

  it('refuses more keys than the limit, naming it', () => {
    const keys = Object.fromEntries(Array.from({ length: MAX_JSON_KEYS + 1 }, (_, i) => [`k${i}`, 1]));
    expect(shapeError(JSON.stringify(keys))).toMatchObject({ status: 400, hint: 'keys:1000' });
    const justEnough = Object.fromEntries(Array.from({ length: MAX_JSON_KEYS }, (_, i) => [`k${i}`, 1]));
    expect(shapeError(JSON.stringify(justEnough))).toBeNull();
  });

  it('refuses deeper nesting than the limit, without recursion', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(shapeError(deep(MAX_JSON_DEPTH))).toBeNull();
    expect(shapeError(deep(MAX_JSON_DEPTH + 1))).toMatchObject({
      status: 400,
      hint: 'depth:20',
    });
    expect(shapeError(deep(100_000))).toMatchObject({ status: 400 });
  });

  it('does not count colons and brackets inside strings, escaped quotes included', () => {
    const tricky = JSON.stringify({ note: '\\":'.repeat(5000) + '[{'.repeat(5000) });
    expect(shapeError(tricky)).toBeNull();
  });
});
