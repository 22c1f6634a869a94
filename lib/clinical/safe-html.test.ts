import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, parseSafeHtml, type SafeNode } from './safe-html';

/** Serialises the tree back to markup for readable assertions (the app never does this: React renders it). */
function show(nodes: readonly SafeNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? JSON.stringify(n) : `<${n.tag}>${show(n.children)}</${n.tag}>`)).join('');
}

describe('parseSafeHtml', () => {
  it('keeps allowed tags without any attribute', () => {
    expect(
      show(
        parseSafeHtml(
          '<div xmlns="http://www.w3.org/1999/xhtml" class="x"><p style="color:red" onclick="alert(1)">Hi <b>there</b></p></div>',
        ),
      ),
    ).toBe('<div><p>"Hi "<b>"there"</b></p></div>');
  });

  it('drops script, style and embedded documents with their content', () => {
    const out = show(
      parseSafeHtml(
        '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="x">frame</iframe><svg><script>x</script></svg><p>b</p>',
      ),
    );
    expect(out).toBe('<p>"a"</p><p>"b"</p>');
  });

  it('drops unknown tags but keeps their text, and never a link or an image', () => {
    expect(show(parseSafeHtml('<a href="javascript:alert(1)">click</a><img src=x onerror=alert(1)><font>t</font>'))).toBe('"click""t"');
  });

  it('treats a quoted > inside an attribute as part of the tag', () => {
    expect(show(parseSafeHtml('<p title="a>b" onmouseover="x">ok</p>'))).toBe('<p>"ok"</p>');
  });

  it('decodes entities once, so escaped markup stays text', () => {
    expect(show(parseSafeHtml('&lt;script&gt;x&lt;/script&gt; &amp;lt; &#3585;&#x0E02;'))).toBe('"<script>x</script> &lt; กข"');
  });

  it('drops comments, doctypes and CDATA', () => {
    expect(show(parseSafeHtml('<!DOCTYPE html><!-- <script>x</script> --><p>t</p><![CDATA[<b>]]>'))).toBe('<p>"t"</p>');
  });

  it('makes headings bold paragraphs and closes unclosed tags', () => {
    expect(show(parseSafeHtml('<h1>Title</h1><ul><li>one<li>two'))).toBe(
      '<p><strong>"Title"</strong></p><ul><li>"one"<li>"two"</li></li></ul>',
    );
  });

  it('ignores a stray end tag and a lone <', () => {
    expect(show(parseSafeHtml('a < b</p></div>c'))).toBe('"a ""<"" b""c"');
  });

  it('drops everything after an unterminated script', () => {
    expect(show(parseSafeHtml('<p>ok</p><script>alert(1)'))).toBe('<p>"ok"</p>');
  });

  it('caps nesting depth without losing text', () => {
    const deep = '<div>'.repeat(100) + 'deep' + '</div>'.repeat(100);
    expect(htmlToText(deep)).toBe('deep');
  });
});

describe('decodeEntities', () => {
  it('refuses control characters and surrogates', () => {
    expect(decodeEntities('a&#0;b&#1;c&#xD800;d&unknown;')).toBe('abcd&unknown;');
  });
});

describe('htmlToText', () => {
  it('puts blocks on their own lines and collapses spaces', () => {
    expect(htmlToText('<div><p>Line   one</p><p>Line two<br/>three</p><table><tr><td>a</td><td>b</td></tr></table></div>')).toBe(
      'Line one\nLine two\nthree\na b',
    );
  });
});
