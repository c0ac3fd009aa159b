import * as v8 from 'node:v8';
import { loadConfig } from './app-config';
import { applyHeapPolicy } from './heap-policy';

jest.mock('node:v8', () => ({ ...jest.requireActual<typeof v8>('node:v8'), setFlagsFromString: jest.fn() }));

describe('heap policy', () => {
  const setFlags = v8.setFlagsFromString as jest.MockedFunction<typeof v8.setFlagsFromString>;
  beforeEach(() => setFlags.mockClear());

  it('lets the heap grow by 25 % past its last full collection unless told otherwise', () => {
    applyHeapPolicy(loadConfig({}));
    expect(setFlags.mock.calls).toEqual([['--heap-growing-percent=25']]);
  });

  it('takes HEAP_GROWTH_PERCENT, and leaves V8 its own policy with 0', () => {
    applyHeapPolicy(loadConfig({ HEAP_GROWTH_PERCENT: '60' }));
    applyHeapPolicy(loadConfig({ HEAP_GROWTH_PERCENT: '0' }));
    expect(setFlags.mock.calls).toEqual([['--heap-growing-percent=60']]);
  });

  it('refuses a value outside 0–400 with the rule', () => {
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '-5' })).toThrow(
      /HEAP_GROWTH_PERCENT must be a whole number between 0 and 400/,
    );
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: 'lots' })).toThrow(/HEAP_GROWTH_PERCENT must be a whole/);
  });
});
