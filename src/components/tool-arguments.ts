/** One named argument of a tool call: a string as its text, anything else as indented JSON. */
export interface ToolArgument {
  name: string;
  value: string;
  /** The value is JSON (a number, a list, an object…), not a string. */
  json: boolean;
}

/**
 * How a tool call's arguments read: a model sends them as a JSON object, in
 * pieces, so until the last piece (or when a model sends something else) they
 * are its text as it came; an object becomes its fields, a string without its
 * quotes and escapes, and an empty one says there are none.
 */
export type ToolArguments =
  | { kind: 'text'; text: string }
  | { kind: 'none' }
  | { kind: 'fields'; fields: ToolArgument[] }
  | { kind: 'json'; text: string };

const indented = (value: unknown): string => JSON.stringify(value, null, 2);

export function toolArguments(text: string): ToolArguments {
  if (text.trim() === '') return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'text', text };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'json', text: indented(value) };
  const fields = Object.entries(value).map(([name, field]): ToolArgument =>
    typeof field === 'string' ? { name, value: field, json: false } : { name, value: indented(field), json: true },
  );
  return fields.length === 0 ? { kind: 'none' } : { kind: 'fields', fields };
}
