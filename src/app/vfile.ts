// vfile and vfile-message, left out of the bundle for a stand-in with the
// part of their API the markdown pipeline touches here. react-markdown makes
// one VFile per render and sets its value; unified reads it back as a string
// and hands the file to the plugins, which (remark-parse, remark-gfm,
// remark-rehype) read nothing else of it; hast-util-to-jsx-runtime makes a
// VFileMessage only for an invalid style attribute (ignored here:
// ignoreInvalidStyle) or an MDX node (never made). The real packages carry
// path handling and message formatting that none of this uses: about 2.6 KB
// of the entry script gzipped. Vite resolves their imports from inside
// node_modules to this file (scripts/slim-dependencies.ts); the unit tests
// run the real packages.

export class VFileMessage extends Error {
  constructor(reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'VFileMessage';
  }
}

export class VFile {
  data: Record<string, unknown> = {};
  messages: VFileMessage[] = [];
  history: string[] = [];
  cwd = '/';
  value: string | Uint8Array | undefined;

  /** A string, bytes, or another file's fields (`{ value }`), as vfile takes them. */
  constructor(value?: unknown) {
    if (typeof value === 'string' || value instanceof Uint8Array) this.value = value;
    else if (value && typeof value === 'object' && 'value' in value) this.value = (value as { value: string | Uint8Array | undefined }).value;
  }

  toString(): string {
    if (this.value === undefined) return '';
    return typeof this.value === 'string' ? this.value : new TextDecoder().decode(this.value);
  }

  message(reason: unknown): VFileMessage {
    const message = new VFileMessage(reason);
    this.messages.push(message);
    return message;
  }

  info(reason: unknown): VFileMessage {
    return this.message(reason);
  }

  fail(reason: unknown): never {
    throw this.message(reason);
  }
}
