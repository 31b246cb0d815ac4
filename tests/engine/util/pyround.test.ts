import { pyFixed, pyFloatRepr, pyRound } from '../../../src/engine/util/pyround';

describe('pyRound (Python round)', () => {
  it('breaks exact binary ties to even, unlike toFixed', () => {
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.375, 2)).toBe(0.38);
    expect(pyRound(2.5)).toBe(2);
    expect(pyRound(3.5)).toBe(4);
    expect(pyRound(-2.5)).toBe(-2);
    expect((0.125).toFixed(2)).toBe('0.13'); // the difference this module exists for
  });

  it('rounds values that only look like ties by their exact binary value', () => {
    // 2.675 is stored as 2.67499999..., so Python gives 2.67.
    expect(pyRound(2.675, 2)).toBe(2.67);
    expect(pyRound(1.005, 2)).toBe(1);
    expect(pyRound(17.919999999999998, 2)).toBe(17.92);
  });

  it('passes non-finite values through and never returns -0', () => {
    expect(pyRound(Infinity, 2)).toBe(Infinity);
    expect(Number.isNaN(pyRound(NaN, 2))).toBe(true);
    expect(Object.is(pyRound(-0.001, 2), 0)).toBe(true);
  });
});

describe('pyFixed and pyFloatRepr', () => {
  it('format like Python', () => {
    expect(pyFixed(0.125, 2)).toBe('0.12');
    expect(pyFixed(2, 1)).toBe('2.0');
    expect(pyFixed(1 / 30, 4)).toBe('0.0333');
    expect(pyFloatRepr(3800)).toBe('3800.0');
    expect(pyFloatRepr(0.1)).toBe('0.1');
    expect(pyFloatRepr(1e-5)).toBe('1e-05');
    expect(pyFloatRepr(1.5e16)).toBe('1.5e+16');
  });
});
