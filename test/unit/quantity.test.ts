import { describe, expect, it } from 'vitest';
import { canonicalizeQuantity, parseQuantity, quantityToNumber } from '../../src/quantity/quantity.js';

describe('canonical quantities (what Go marshals, hence what the operator hashes)', () => {
  it.each([
    ['1000m', '1'],
    ['1', '1'],
    ['0.5', '500m'],
    ['500m', '500m'],
    ['1500m', '1500m'],
    ['5120Mi', '5Gi'],
    ['5Gi', '5Gi'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['0.5Ki', '512'],
    ['1073741824', '1073741824'], // decimal stays decimal: hashes differently from 1Gi
    ['100000', '100k'],
    ['1200', '1200'],
    ['1e3', '1e3'],
    ['1E6', '1e6'],
    ['0.1n', '1n'], // rounded up to the nano
    ['0', '0'],
    ['0Gi', '0'],
    [2, '2'],
    [0.25, '250m'],
    ['-1', '-1'],
  ] as const)('%j → %s', (input, expected) => {
    expect(canonicalizeQuantity(input)).toBe(expected);
  });

  it.each(['1 Gi', 'abc', '1.2.3', '', '5GB', '1ki', '--1', 'Gi'])('refuses %j', (input) => {
    expect(() => parseQuantity(input)).toThrow(/not a valid quantity/);
  });

  it.each([null, true, {}, []])('refuses a non-quantity value %j', (input) => {
    expect(() => parseQuantity(input)).toThrow(/expected a quantity/);
  });

  it.each([
    ['2', 2],
    ['500m', 0.5],
    ['4Gi', 4 * 1024 ** 3],
    ['1e3', 1000],
    ['100Mi', 100 * 1024 ** 2],
  ] as const)('%s is %d base units', (input, n) => {
    expect(quantityToNumber(parseQuantity(input))).toBe(n);
  });
});
