import { jsonPath } from './json-path.js';

describe(jsonPath.name, () => {
  it('writes array indexes in brackets and quotes keys that are not identifiers', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['agendaItems', 3, 'exemption', 'paragraph'])).toBe(
      '$.agendaItems[3].exemption.paragraph',
    );
    expect(jsonPath(['a b', 'x"y'])).toBe('$["a b"]["x\\"y"]');
  });
});
