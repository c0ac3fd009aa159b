import { formatNumber, intlLocale } from './format';
import type { Lang } from './i18n';

/**
 * The message syntax of the dictionaries: the part of ICU MessageFormat that the UI needs.
 *
 * - `{name}`: a placeholder, replaced by the parameter of that name (left as `{name}` when absent).
 * - `{count, plural, =0 {aucun client} one {# client} other {# clients}}`: the branch is chosen by an exact
 *   `=n` match first, then by the language's plural category (`Intl.PluralRules`: zero, one, two, few, many,
 *   other), then `other`, which every plural must have. Inside a branch `#` is the number written in the
 *   language's locale, and branches may hold placeholders and further plurals.
 *
 * Outside a plural branch `#` is an ordinary character. There is no quoting: `{` and `}` are always syntax,
 * apostrophes are ordinary characters (the dictionaries write « l’import » with typographic ones anyway).
 * The parser reads each character once and never backtracks.
 */
export type MessageNode = string | Placeholder | Plural | Pound;

export interface Placeholder {
  readonly type: 'placeholder';
  readonly name: string;
}

export type PluralCategory = Intl.LDMLPluralRule;

export interface Plural {
  readonly type: 'plural';
  readonly name: string;
  /** `=n` branches, by n. */
  readonly exact: ReadonlyMap<number, readonly MessageNode[]>;
  /** Category branches; `other` is always there. */
  readonly categories: Readonly<Partial<Record<PluralCategory, readonly MessageNode[]>>> & {
    readonly other: readonly MessageNode[];
  };
}

/** `#` inside a plural branch. */
export interface Pound {
  readonly type: 'pound';
}

/** A message that does not follow the syntax; `position` is the index of the offending character. */
export class MessageSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} (at character ${position})`);
    this.name = 'MessageSyntaxError';
  }
}

const PLURAL_CATEGORIES: ReadonlySet<string> = new Set<PluralCategory>([
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
]);
// Plurals inside plurals inside plurals: more than this is a mistake, and deep input must not exhaust the stack.
const MAX_PLURAL_DEPTH = 4;
const POUND: Pound = { type: 'pound' };

/** Parses a message; throws MessageSyntaxError when it does not follow the syntax. */
export function parseMessage(source: string): readonly MessageNode[] {
  return new Parser(source).parse();
}

class Parser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): readonly MessageNode[] {
    // At the top level only the end of the text stops message(): a stray '}' fails there.
    return this.message(0);
  }

  /** Text, placeholders and plurals up to the '}' closing the current branch (depth > 0) or the end. */
  private message(depth: number): MessageNode[] {
    const nodes: MessageNode[] = [];
    let start = this.pos;
    const flush = () => {
      if (this.pos > start) nodes.push(this.source.slice(start, this.pos));
    };
    while (this.pos < this.source.length) {
      const char = this.source[this.pos];
      if (char === '{') {
        flush();
        nodes.push(this.argument(depth));
        start = this.pos;
      } else if (char === '}') {
        if (depth === 0) throw this.error('this « } » closes nothing');
        break;
      } else if (char === '#' && depth > 0) {
        flush();
        nodes.push(POUND);
        this.pos++;
        start = this.pos;
      } else {
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** `{name}` or `{name, plural, …}`, from its '{'. */
  private argument(depth: number): Placeholder | Plural {
    this.pos++; // '{'
    this.spaces();
    const name = this.identifier('a parameter name');
    this.spaces();
    if (this.eat('}')) return { type: 'placeholder', name };
    this.expect(',');
    this.spaces();
    const kindAt = this.pos;
    const kind = this.identifier('« plural »');
    if (kind !== 'plural')
      throw new MessageSyntaxError(`« ${kind} » is not supported, only « plural »`, kindAt);
    if (depth >= MAX_PLURAL_DEPTH) throw new MessageSyntaxError('plurals are nested too deeply', kindAt);
    this.spaces();
    this.expect(',');

    const exact = new Map<number, readonly MessageNode[]>();
    const categories: Partial<Record<PluralCategory, readonly MessageNode[]>> = {};
    for (;;) {
      this.spaces();
      if (this.eat('}')) break;
      const selectorAt = this.pos;
      const selector = this.selector();
      this.spaces();
      this.expect('{');
      const branch = this.message(depth + 1);
      this.expect('}');
      const known = typeof selector === 'number' ? exact.has(selector) : selector in categories;
      if (known) throw new MessageSyntaxError('this branch is already given', selectorAt);
      if (typeof selector === 'number') exact.set(selector, branch);
      else categories[selector] = branch;
    }
    const other = categories.other;
    if (!other)
      throw new MessageSyntaxError(`the plural of « ${name} » has no « other » branch`, this.pos - 1);
    return { type: 'plural', name, exact, categories: { ...categories, other } };
  }

  /** `=12` or a plural category. */
  private selector(): number | PluralCategory {
    if (this.eat('=')) {
      const start = this.pos;
      while (isDigit(this.source.charCodeAt(this.pos))) this.pos++;
      if (this.pos === start) throw this.error('« = » must be followed by digits');
      return Number(this.source.slice(start, this.pos));
    }
    const at = this.pos;
    const word = this.identifier('a plural category or =n');
    if (!PLURAL_CATEGORIES.has(word)) {
      throw new MessageSyntaxError(
        `« ${word} » is not a plural category (zero, one, two, few, many, other)`,
        at,
      );
    }
    return word as PluralCategory;
  }

  private identifier(what: string): string {
    const start = this.pos;
    while (isWordChar(this.source.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) throw this.error(`${what} is expected here`);
    return this.source.slice(start, this.pos);
  }

  private spaces(): void {
    while (isSpace(this.source.charCodeAt(this.pos))) this.pos++;
  }

  private eat(char: string): boolean {
    if (this.source[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  private expect(char: string): void {
    if (!this.eat(char)) {
      throw this.error(
        this.pos < this.source.length ? `« ${char} » is expected here` : `« ${char} » is missing`,
      );
    }
  }

  private error(reason: string): MessageSyntaxError {
    return new MessageSyntaxError(reason, this.pos);
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordChar(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Values for placeholders and plurals. */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface FormatOptions {
  /** Wrap text parameters in first-strong isolates (right-to-left languages). */
  readonly isolate: boolean;
}

// First Strong Isolate … Pop Directional Isolate: what <bdi> does, inside a string.
const FSI = '\u2068';
const PDI = '\u2069';

// Parsed dictionary messages (a bounded set: the dictionaries' values), null for malformed ones.
const parsed = new Map<string, readonly MessageNode[] | null>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The message with its placeholders and plurals filled in for `lang`. Never throws: a malformed message is
 * shown as written (the catalogue test keeps them out of the dictionaries), so a typo can never blank a page.
 *
 * Numbers (placeholders and `#`) are written in the language's locale. A plural given a text instead of a
 * number takes its `other` branch with the text as `#`; given nothing, `other` with `#` left as `{name}`.
 */
export function formatMessage(
  source: string,
  params: MessageParams,
  lang: Lang,
  options: FormatOptions,
): string {
  if (!source.includes('{')) return source;
  let nodes = parsed.get(source);
  if (nodes === undefined) {
    try {
      nodes = parseMessage(source);
    } catch {
      nodes = null;
    }
    parsed.set(source, nodes);
  }
  return nodes === null ? source : render(nodes, params, lang, options, undefined);
}

function render(
  nodes: readonly MessageNode[],
  params: MessageParams,
  lang: Lang,
  options: FormatOptions,
  pound: string | undefined,
): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if (node.type === 'pound') out += pound ?? '#';
    else if (node.type === 'placeholder') out += placeholder(node.name, params, lang, options);
    else out += plural(node, params, lang, options);
  }
  return out;
}

function placeholder(name: string, params: MessageParams, lang: Lang, options: FormatOptions): string {
  if (!Object.prototype.hasOwnProperty.call(params, name)) return `{${name}}`;
  const value = params[name];
  if (typeof value === 'number') return formatNumber(value, lang);
  return options.isolate && value !== '' ? `${FSI}${value}${PDI}` : value;
}

function plural(node: Plural, params: MessageParams, lang: Lang, options: FormatOptions): string {
  const value = Object.prototype.hasOwnProperty.call(params, node.name) ? params[node.name] : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const shown = value === undefined ? `{${node.name}}` : String(value);
    return render(node.categories.other, params, lang, options, shown);
  }
  const branch =
    node.exact.get(value) ?? node.categories[rulesFor(lang).select(value)] ?? node.categories.other;
  return render(branch, params, lang, options, formatNumber(value, lang));
}

function rulesFor(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale(lang));
    pluralRules.set(lang, rules);
  }
  return rules;
}
