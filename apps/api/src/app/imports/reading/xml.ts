import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFileError } from './file-error';

export interface XmlHandlers {
  /** `name` without its namespace prefix ("x:row" → "row"); attributes as written ("r:id" keeps its prefix). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * A streaming XML parser (saxes) for the parts of an .xlsx. A DOCTYPE is refused outright: saxes never
 * fetches external entities nor expands declared ones, and an OOXML part has no business declaring any
 * (XXE and billion-laughs payloads live there). Malformed XML is a corrupt file.
 */
export class XmlStream {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private failure: Error | undefined;

  constructor(handlers: XmlHandlers) {
    const { parser } = this;
    parser.on('doctype', () => {
      throw new ImportFileError('xml_dtd_forbidden');
    });
    parser.on('error', (error) => {
      this.failure ??= error instanceof ImportFileError ? error : new ImportFileError('corrupt_file');
      throw this.failure;
    });
    if (handlers.open) {
      const open = handlers.open;
      parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
    }
    if (handlers.close) {
      const close = handlers.close;
      parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
    }
    if (handlers.text) {
      parser.on('text', handlers.text);
      parser.on('cdata', handlers.text);
    }
  }

  write(text: string): void {
    try {
      this.parser.write(text);
    } catch (error) {
      throw this.translate(error);
    }
  }

  end(): void {
    try {
      this.parser.close();
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): Error {
    if (error instanceof ImportFileError) return error;
    return this.failure ?? new ImportFileError('corrupt_file');
  }
}

/** Excel escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;
export function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
