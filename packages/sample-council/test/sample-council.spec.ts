// The sample council file as a whole, and loading a data set from a file.
import { isDomainError, isUnknown, parseCouncilDataset } from '@scrutineer/domain';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCouncilDataset, sampleCouncilPath } from '../src/index.js';
import { sampleCouncilSource } from '../src/source/sample-council.data.js';
import { dataset } from './sample.js';

describe('the sample council file', () => {
  it('parses with no problems', () => {
    const raw: unknown = JSON.parse(readFileSync(sampleCouncilPath, 'utf8'));
    const parsed = parseCouncilDataset(raw);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('is what the typed sources generate (run `npm run generate` after editing src/source)', () => {
    const raw: unknown = JSON.parse(readFileSync(sampleCouncilPath, 'utf8'));
    expect(raw).toEqual(JSON.parse(JSON.stringify(sampleCouncilSource)));
  });

  it('holds three authorities (one Welsh), their committees and the three portfolios', () => {
    expect(dataset.authorities.map((a) => [a.name, a.region])).toEqual([
      ['Stockport Metropolitan Borough Council', 'england'],
      ['West Sussex County Council', 'england'],
      ['Flintshire County Council', 'wales'],
    ]);
    expect(dataset.portfolios.map((p) => p.code)).toEqual(['CFSE', 'CYP', 'LS']);
    expect(dataset.portfolios[0]?.cabinetMember?.name).toBe('Councillor Colin Foster');
  });

  it('uses unique ids everywhere', () => {
    const unique = (values: readonly string[]) => expect(new Set(values).size).toBe(values.length);
    unique(dataset.authorities.map((a) => a.id));
    unique(dataset.members.map((m) => m.id));
    unique(dataset.committees.map((c) => c.id));
    unique(dataset.portfolios.map((p) => p.code));
    unique(dataset.measures.map((m) => m.code));
    unique(dataset.performanceReports.map((r) => r.id));
    unique(dataset.meetings.map((d) => d.meeting.id));
    unique(dataset.results.map((r) => `${r.measureCode} ${JSON.stringify(r.period)}`));
    for (const document of dataset.meetings) {
      unique(document.agendaItems.map((i) => i.number));
      unique((document.minutes?.minutes ?? []).map((m) => m.ref.text));
    }
  });

  it('money is whole pence everywhere', () => {
    const amounts = [
      ...dataset.agreements.flatMap((a) => [
        ...a.revenueBudget.map((l) => l.budget),
        ...a.reserves.flatMap((r) => [r.balance, r.plannedUse ?? 0]),
        ...a.savings.map((s) => s.target),
        ...a.capital.map((c) => c.budget),
      ]),
      ...dataset.performanceReports.flatMap((r) => [
        ...r.partTwo.revenue.flatMap((l) => [l.budget, isUnknown(l.forecast) ? 0 : l.forecast]),
        ...r.partTwo.reserves.flatMap((l) => [
          l.balance,
          isUnknown(l.forecastUse) ? 0 : l.forecastUse,
        ]),
      ]),
    ];
    expect(amounts.length).toBeGreaterThan(40);
    expect(amounts.filter((a) => !Number.isSafeInteger(a))).toEqual([]);
  });
});

describe('loadCouncilDataset', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sample-council-'));

  it('names the file when it is not JSON', () => {
    const path = join(directory, 'broken.json');
    writeFileSync(path, '{ "schemaVersion": 1,');
    expect(() => loadCouncilDataset(path)).toThrow(`${path} is not valid JSON`);
  });

  it('lists each problem with its JSON path when the data set is invalid', () => {
    const path = join(directory, 'invalid.json');
    const broken = JSON.parse(JSON.stringify(sampleCouncilSource)) as {
      agreements: { reserves: { balance: number }[] }[];
    };
    const reserve = broken.agreements[0]?.reserves[0];
    if (reserve === undefined) throw new Error('no reserve');
    reserve.balance = 794_000.5; // pounds with a fraction, not pence
    writeFileSync(path, JSON.stringify(broken));
    let caught: unknown;
    try {
      loadCouncilDataset(path);
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught)).toBe(true);
    expect((caught as Error).message).toContain(path);
    expect((caught as Error).message).toContain('$.agreements[0].reserves[0].balance');
  });
});
