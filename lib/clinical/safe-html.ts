/**
 * A small allow-list reader for the HTML a hospital sends (FHIR narrative `text.div`, `text/html`
 * attachments). It never returns HTML: it returns a tree of allowed element names and text, which React
 * renders as elements (text escaped by React), so no attribute, script, style, URL or event handler can
 * ever reach the page. Pure and DOM-free, so it runs on the server and in tests alike.
 *
 * Rules: only the tags in SAFE_TAGS survive, without any attribute; h1–h6 become a bold paragraph (a
 * document's headings must not break the page's own outline); the content of script, style and other
 * raw-text or embedding elements is dropped whole; any other tag is dropped but its text kept; comments,
 * doctypes and processing instructions are dropped; entities are decoded once. Depth and size are capped.
 */

export const SAFE_TAGS = [
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'div',
  'span',
  'pre',
  'code',
  'blockquote',
  'hr',
] as const;

export type SafeTag = (typeof SAFE_TAGS)[number];
export type SafeNode = string | { tag: SafeTag; children: SafeNode[] };

const SAFE = new Set<string>(SAFE_TAGS);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'wbr', 'area', 'base', 'source', 'embed', 'param', 'track']);
/** Elements whose whole content is dropped (code, styles, embedded documents, form values). */
const DROP_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'template',
  'noscript',
  'textarea',
  'title',
  'head',
  'svg',
  'math',
  'select',
  'xmp',
  'noembed',
  'noframes',
  'frameset',
  'plaintext',
]);
const HEADING = /^h[1-6]$/;
const BLOCK = new Set(['p', 'div', 'li', 'tr', 'table', 'ul', 'ol', 'pre', 'blockquote', 'caption', 'hr', 'br', 'thead', 'tbody']);

/** Past this many characters the input is cut: a narrative is a few kilobytes. */
export const SAFE_HTML_MAX_CHARS = 500_000;
const MAX_DEPTH = 32;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Decodes character references once (`&amp;lt;` stays `&lt;` as text, which React escapes again). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
      // Control characters and out-of-range code points are not text.
      if (!Number.isFinite(code) || code > 0x10ffff || code === 0 || (code < 32 && code !== 9 && code !== 10 && code !== 13)) return '';
      if (code >= 0xd800 && code <= 0xdfff) return '';
      return String.fromCodePoint(code);
    }
    return NAMED[lower] ?? whole;
  });
}

interface Open {
  name: string;
  node: { tag: SafeTag; children: SafeNode[] } | null;
  children: SafeNode[];
}

/** Reads the tag name at `i` (letters, digits, dash); '' when none. */
function tagNameAt(html: string, i: number): string {
  const m = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(html.slice(i, i + 40));
  return m ? m[0].toLowerCase() : '';
}

/** Index just after the `>` closing a tag opened at or before `from`, honouring quoted attribute values. */
function endOfTag(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i]!;
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return html.length;
}

/** Parses untrusted HTML into a tree of allowed elements and text (see the module comment). */
export function parseSafeHtml(input: string): SafeNode[] {
  const html = input.length > SAFE_HTML_MAX_CHARS ? input.slice(0, SAFE_HTML_MAX_CHARS) : input;
  const root: Open = { name: '#root', node: null, children: [] };
  const stack: Open[] = [root];
  const top = (): Open => stack[stack.length - 1]!;
  const pushText = (text: string): void => {
    if (text === '') return;
    const decoded = decodeEntities(text);
    if (decoded !== '') top().children.push(decoded);
  };
  const close = (at: number): void => {
    while (stack.length > at) {
      const done = stack.pop()!;
      const parent = top();
      if (done.node) parent.children.push(done.node);
      else parent.children.push(...done.children);
    }
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      const closer = html.startsWith('<!--', lt) ? '-->' : html.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const end = html.indexOf(closer, lt + 2);
      i = end < 0 ? html.length : end + closer.length;
      continue;
    }
    if (next === '/') {
      const name = tagNameAt(html, lt + 2);
      i = endOfTag(html, lt + 2);
      if (name === '') continue;
      for (let s = stack.length - 1; s > 0; s--) {
        if (stack[s]!.name === name) {
          close(s);
          break;
        }
      }
      continue;
    }
    const name = tagNameAt(html, lt + 1);
    if (name === '') {
      pushText('<');
      i = lt + 1;
      continue;
    }
    const afterTag = endOfTag(html, lt + 1 + name.length);
    const selfClosing = html[afterTag - 2] === '/';
    if (DROP_CONTENT.has(name)) {
      // Everything up to the matching end tag is dropped; no end tag drops the rest.
      const closeAt = html.toLowerCase().indexOf(`</${name}`, afterTag);
      i = closeAt < 0 ? html.length : endOfTag(html, closeAt + 2);
      continue;
    }
    i = afterTag;
    if (VOID.has(name) || selfClosing) {
      if (name === 'br' || name === 'hr') top().children.push({ tag: name, children: [] });
      continue;
    }
    const allowed = stack.length <= MAX_DEPTH;
    if (allowed && HEADING.test(name)) {
      const strong: { tag: SafeTag; children: SafeNode[] } = { tag: 'strong', children: [] };
      // The heading's text goes in a bold span inside a paragraph; its end tag closes both.
      stack.push({ name, node: { tag: 'p', children: [strong] }, children: strong.children });
      continue;
    }
    if (allowed && SAFE.has(name)) {
      const node = { tag: name as SafeTag, children: [] as SafeNode[] };
      stack.push({ name, node, children: node.children });
      continue;
    }
    stack.push({ name, node: null, children: [] });
  }
  close(1);
  return root.children;
}

/** The text of a node tree: blocks on their own lines, runs of spaces collapsed. */
export function safeNodesToText(nodes: readonly SafeNode[]): string {
  const parts: string[] = [];
  const walk = (list: readonly SafeNode[]): void => {
    for (const n of list) {
      if (typeof n === 'string') parts.push(n);
      else {
        const block = BLOCK.has(n.tag);
        if (block) parts.push('\n');
        walk(n.children);
        if (n.tag === 'td' || n.tag === 'th') parts.push(' ');
        if (block) parts.push('\n');
      }
    }
  };
  walk(nodes);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Plain text of untrusted HTML (for the timeline's section previews and search). */
export function htmlToText(html: string): string {
  return safeNodesToText(parseSafeHtml(html));
}
