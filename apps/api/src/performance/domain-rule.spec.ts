import { describe, expect, it } from '@jest/globals';
import { financialYear, measureCode } from '@scrutineer/domain';
import { validateSync } from 'class-validator';
import { SatisfiesDomain } from './domain-rule.js';

class Sample {
  @SatisfiesDomain(measureCode)
  code: unknown;

  @SatisfiesDomain(financialYear, { each: true })
  years: unknown;
}

const sample = (code: unknown, years: unknown): Sample =>
  Object.assign(new Sample(), { code, years });

describe(SatisfiesDomain.name, () => {
  it('accepts what the domain constructor accepts', () => {
    expect(validateSync(sample('CFSE12(ii)', ['2021/22', '2022/23']))).toEqual([]);
  });

  it('rejects with the domain’s own message, per field and per item', () => {
    const errors = validateSync(sample('cfse 28', ['2021/22', '2021/23']));
    expect(errors.map((e) => e.property)).toEqual(['code', 'years']);
    expect(Object.values(errors[0]?.constraints ?? {})[0]).toMatch(/CFSE\.28/);
    expect(Object.values(errors[1]?.constraints ?? {})[0]).toMatch(/consecutive/);
  });
});
