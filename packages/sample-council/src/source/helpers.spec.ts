import { pounds, poundsCell } from './helpers.js';

describe('pounds', () => {
  it('turns whole pounds into pence: £794,000 is 79,400,000 pence', () => {
    expect(pounds(794_000)).toBe(79_400_000);
    expect(pounds(12.34)).toBe(1234);
  });

  it('refuses fractions of a penny and unsafe amounts, naming the amount', () => {
    expect(() => pounds(0.005)).toThrow('Not a whole number of pence: £0.005');
    expect(() => pounds(Number.MAX_SAFE_INTEGER)).toThrow('Not a whole number of pence');
  });
});

describe('poundsCell', () => {
  it('prints pence as whole pounds with thousands separators', () => {
    expect(poundsCell(79_400_000)).toBe('£794,000');
    expect(poundsCell(66_003_000_00)).toBe('£66,003,000');
  });
});
