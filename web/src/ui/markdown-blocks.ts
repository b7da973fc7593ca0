/**
 * Splits markdown into top-level blocks, incrementally: a message that grows at its end (streaming) is
 * re-lexed only from its last blocks, so each update costs about the size of the tail, not the whole
 * text. Pure text work (marked's lexer), no DOM: rendering and sanitizing are render-markdown.ts's job.
 */
import { Lexer, type MarkedOptions, type Token, type TokensList } from 'marked';

/** One unit of rendering: top-level tokens whose HTML can be rendered and sanitized on its own. */
export interface MarkdownBlock {
  /**
   * Same key, same rendering: the block's token types and source, plus the document's link
   * reference definitions when it has any (they change how references anywhere render).
   */
  readonly key: string;
  readonly tokens: readonly Token[];
}

/**
 * Blocks re-lexed at the end of the previous text when more text is appended. Two, not one: a new
 * line can still change how the block before the last one ends (e.g. a table or a list it interrupts).
 */
const RELEX_BLOCKS = 2;

/** Elements that never have a closing tag, so they open no HTML span. */
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b[^>]*?(\/?)>/gi;

/**
 * Keeps the blocks of one growing text. `split(text)` returns the blocks of `text`; when `text` extends
 * the previous one, the blocks before the last {@link RELEX_BLOCKS} keep their token objects (and keys)
 * and only the tail is lexed again. Anything else (an edit, a link definition) lexes the whole text.
 */
export class MarkdownSplitter {
  private source = '';
  private tokens: Token[] = [];
  /** JSON of the link definitions ('' when none): part of every key. */
  private linksKey = '';
  /** Whether the tokens' `raw` add up to `source` exactly (needed to re-lex from an offset). */
  private exact = false;
  private blocks: readonly MarkdownBlock[] = [];
  /** Blocks by their first token, so unchanged groups keep their objects across calls. */
  private byFirstToken = new WeakMap<Token, MarkdownBlock>();

  constructor(private readonly options: MarkedOptions) {}

  /** The blocks of `text`, in order. Unchanged blocks are the same objects as in the previous call. */
  split(text: string): readonly MarkdownBlock[] {
    const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    if (src === this.source) return this.blocks;
    const grows = this.exact && this.linksKey === '' && this.source !== '' && src.startsWith(this.source);
    if (!grows || !this.relexTail(src)) this.lexAll(src);
    this.source = src;
    this.blocks = this.group();
    return this.blocks;
  }

  private lexAll(src: string): void {
    const tokens = this.lex(src);
    this.tokens = tokens;
    this.exact = joinRaw(tokens) === src;
    this.setLinks(tokens);
  }

  /** Re-lexes from the start of the last few blocks; false when the whole text must be lexed. */
  private relexTail(src: string): boolean {
    let keep = this.tokens.length;
    for (let seen = 0; keep > 0 && seen < RELEX_BLOCKS; ) {
      keep--;
      if (this.tokens[keep]?.type !== 'space') seen++;
    }
    const stable = this.tokens.slice(0, keep);
    const tail = src.slice(stable.reduce((n, t) => n + t.raw.length, 0));
    const tokens = this.lex(tail);
    // A definition in the tail changes how earlier references render: lex everything again.
    if (Object.keys(tokens.links).length > 0 || joinRaw(tokens) !== tail) return false;
    this.tokens = [...stable, ...tokens];
    return true;
  }

  private lex(src: string): TokensList {
    // why a copy: the Lexer writes its tokenizer into the options object it is given.
    return new Lexer({ ...this.options }).lex(src);
  }

  private setLinks(tokens: TokensList): void {
    const key = Object.keys(tokens.links).length > 0 ? JSON.stringify(tokens.links) : '';
    if (key !== this.linksKey) this.byFirstToken = new WeakMap();
    this.linksKey = key;
  }

  /**
   * Groups tokens into blocks: each top-level token is a block, except that blank lines join the block
   * before them, and raw HTML that opens an element (`<details>`) keeps everything up to its closing
   * tag in one block, so it renders as one element. The grouping only affects how the HTML looks:
   * every block is sanitized on its own, so no grouping can make markup executable.
   */
  private group(): readonly MarkdownBlock[] {
    const blocks: MarkdownBlock[] = [];
    let group: Token[] = [];
    let depth = 0;
    const flush = (): void => {
      const first = group[0];
      if (first === undefined) return;
      const known = this.byFirstToken.get(first);
      if (known !== undefined && sameTokens(known.tokens, group)) blocks.push(known);
      else {
        const block = { key: this.keyOf(group), tokens: group };
        this.byFirstToken.set(first, block);
        blocks.push(block);
      }
      group = [];
    };
    for (const token of this.tokens) {
      if (depth === 0 && token.type !== 'space') flush();
      group.push(token);
      if (token.type === 'html') depth = Math.max(0, depth + htmlDepthChange(token.raw));
    }
    flush();
    return blocks;
  }

  private keyOf(tokens: readonly Token[]): string {
    const types = tokens.map((t) => t.type).join(',');
    return `${types}\u0000${joinRaw(tokens)}${this.linksKey === '' ? '' : `\u0000${this.linksKey}`}`;
  }
}

function joinRaw(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) s += t.raw;
  return s;
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Opening minus closing tags of non-void elements in a raw HTML block (comments ignored). */
function htmlDepthChange(raw: string): number {
  let change = 0;
  for (const m of raw.replace(/<!--[\s\S]*?(?:-->|$)/g, '').matchAll(TAG)) {
    const [, closing, name = '', selfClosing] = m;
    if (VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing === '/') continue;
    change += closing === '/' ? -1 : 1;
  }
  return change;
}
