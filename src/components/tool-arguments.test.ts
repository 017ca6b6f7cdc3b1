import { describe, expect, it } from 'vitest';
import { toolArguments } from './tool-arguments.ts';

describe('toolArguments', () => {
  it('reads an object as its fields: strings as their text, anything else as indented JSON', () => {
    expect(toolArguments('{"query": "say \\"hi\\"\\nthen go", "limit": 5, "filters": {"lang": ["go", "ts"]}, "exact": false}')).toEqual({
      kind: 'fields',
      fields: [
        { name: 'query', value: 'say "hi"\nthen go', json: false },
        { name: 'limit', value: '5', json: true },
        { name: 'filters', value: '{\n  "lang": [\n    "go",\n    "ts"\n  ]\n}', json: true },
        { name: 'exact', value: 'false', json: true },
      ],
    });
  });

  it('keeps the text as it came while it is not JSON yet (a call still streaming) or never will be', () => {
    expect(toolArguments('{"query": "infer')).toEqual({ kind: 'text', text: '{"query": "infer' });
    expect(toolArguments('city=Berlin')).toEqual({ kind: 'text', text: 'city=Berlin' });
  });

  it('says there are none for an empty object or no text', () => {
    expect(toolArguments('{}')).toEqual({ kind: 'none' });
    expect(toolArguments('')).toEqual({ kind: 'none' });
    expect(toolArguments('  ')).toEqual({ kind: 'none' });
  });

  it('shows JSON that is not an object indented', () => {
    expect(toolArguments('[1,2]')).toEqual({ kind: 'json', text: '[\n  1,\n  2\n]' });
    expect(toolArguments('"Berlin"')).toEqual({ kind: 'json', text: '"Berlin"' });
    expect(toolArguments('null')).toEqual({ kind: 'json', text: 'null' });
  });
});
