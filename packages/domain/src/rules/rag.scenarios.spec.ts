import { readdirSync, readFileSync } from 'node:fs';
import { DomainError } from '../errors.js';
import type { RagAssessment } from '../model/performance.js';
import { assessRag, type RagInput } from './rag.js';

/**
 * One scenario per JSON file in fixtures/rag/: the input to `assessRag` and either the
 * assessment a report prints or the error it must raise. Add a file to add a scenario.
 */
type RagScenario = {
  readonly description: string;
  readonly input: RagInput;
  readonly expected:
    RagAssessment | { readonly error: { readonly code: string; readonly message: string } };
};

const directory = new URL('./fixtures/rag/', import.meta.url);
const scenarios = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map(
    (name) =>
      [name, JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as RagScenario] as const,
  );

describe('RAG scenarios (fixtures/rag)', () => {
  it('has scenarios for every status and for bad input', () => {
    const outcomes = new Set(
      scenarios.map(([, s]) => ('error' in s.expected ? 'error' : s.expected.status)),
    );
    expect([...outcomes].sort()).toEqual([
      'amber',
      'error',
      'green',
      'no-data',
      'no-target',
      'red',
    ]);
  });

  describe.each(scenarios)('%s', (_name, scenario) => {
    it(scenario.description, () => {
      const { expected } = scenario;
      if ('error' in expected) {
        let caught: unknown;
        try {
          assessRag(scenario.input);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(DomainError);
        expect((caught as DomainError).code).toBe(expected.error.code);
        expect((caught as DomainError).message).toBe(expected.error.message);
      } else {
        expect(assessRag(scenario.input)).toEqual(expected);
      }
    });
  });
});
