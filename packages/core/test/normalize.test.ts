import { describe, expect, it } from 'vitest';
import { prepare, toOriginal } from '../src/text/normalize';
import { foldCode } from '../src/text/fold';
import { lineStarts, offsetToPosition, positionToOffset } from '../src/text/positions';

/** 不变量：norm 的每个码元（除插入的边界与占位符）都是其原文码元折叠后的结果，且 map 严格递增。 */
function assertMapping(text: string, language: 'markdown' | 'plaintext') {
  const p = prepare(text, language);
  expect(p.map.length).toBe(p.norm.length);
  for (let i = 0; i < p.norm.length; i++) {
    const c = p.norm.charCodeAt(i);
    if (i > 0) expect(p.map[i]).toBeGreaterThan(p.map[i - 1]);
    if (c === 10 || c === 0xfffc || c === 32) continue;
    expect(c).toBe(foldCode(text.charCodeAt(p.map[i])));
  }
  return p;
}

function findOriginal(text: string, needleNorm: string, language: 'markdown' | 'plaintext' = 'markdown') {
  const p = prepare(text, language);
  const i = p.norm.indexOf(needleNorm);
  expect(i, `norm 中应有 ${needleNorm}：${JSON.stringify(p.norm)}`).toBeGreaterThanOrEqual(0);
  const o = toOriginal(p, i, i + needleNorm.length);
  return text.slice(o.offset, o.offset + o.length);
}

describe('normalize ↔ offsets', () => {
  it('folds full-width ASCII, case and traditional characters one unit for one', () => {
    const text = '推进１＋Ｘ证书制度，高職高專院校';
    assertMapping(text, 'plaintext');
    expect(findOriginal(text, '1+x证书')).toBe('１＋Ｘ证书');
    expect(findOriginal(text, '高职高专')).toBe('高職高專');
  });

  it('joins soft line breaks and indentation inside a paragraph (LF and CRLF)', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `学校原是高职${eol}　　高专，现已升格。${eol}${eol}下一段`;
      for (const lang of ['markdown', 'plaintext'] as const) {
        assertMapping(text, lang);
        expect(findOriginal(text, '高职高专', lang)).toBe(`高职${eol}　　高专`);
      }
    }
  });

  it('does not join across blank lines, list items or headings', () => {
    expect(prepare('高职\n\n高专').norm).not.toContain('高职高专');
    expect(prepare('- 高职\n- 高专').norm).not.toContain('高职高专');
    expect(prepare('# 高职\n高专').norm).not.toContain('高职高专');
  });

  it('keeps surrogate pairs intact and maps past them exactly', () => {
    const text = '𠀀𠀁产教融合𡃁，高职高专';
    const p = assertMapping(text, 'plaintext');
    expect(findOriginal(text, '产教融合')).toBe('产教融合');
    expect(findOriginal(text, '高职高专')).toBe('高职高专');
    expect(p.norm.length).toBe(text.length);
  });

  it('strips Markdown inline markup but keeps exact original spans', () => {
    const text = '推进**产教**融合与__科教融汇__，见[职普融通](https://example.cn/zhipu-rongtong)。';
    assertMapping(text, 'markdown');
    expect(findOriginal(text, '产教融合')).toBe('产教**融合');
    expect(findOriginal(text, '科教融汇')).toBe('科教融汇');
    expect(findOriginal(text, '职普融通')).toBe('职普融通');
    expect(prepare(text).norm).not.toContain('example');
  });

  it('treats front matter, fenced code, inline code, URLs and HTML comments as non-prose', () => {
    const text = '---\ntitle: 高职高专\ndate: 2018-5-2\n---\n正文\n\n```\n高职高专\n```\n\n行内 `高职高专` 与 https://a.cn/高职高专 及 <!-- 高职高专 --> 结束';
    const p = assertMapping(text, 'markdown');
    expect(p.norm).not.toContain('高职高专');
    expect(p.frontMatterDate).toBe('2018-05-02');
    // 纯文本模式下这些都是正文
    expect(prepare(text, 'plaintext').norm).toContain('高职高专');
  });

  it('code and URL placeholders never glue two words together', () => {
    const p = prepare('高职`x`高专');
    expect(p.norm).not.toContain('高职高专');
  });

  it('fuzz: mapping invariant holds on random mixed input', () => {
    const alphabet = ['高', '职', '專', '\n', '\r\n', ' ', '　', '*', '_', '`', '[', ']', '(', ')', 'Ｘ', 'a', '#', '-', '>', '𠀀', '<!--', '-->', '《', '》', '，'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(rnd() * 60);
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      assertMapping(s, 'markdown');
      assertMapping(s, 'plaintext');
    }
  });
});

describe('positions', () => {
  it('round-trips offsets with LF, CRLF and CR and clamps past the end', () => {
    const text = '第一行\r\n第二行𠀀\n第三行\r末行';
    const starts = lineStarts(text);
    for (let off = 0; off <= text.length; off++) {
      if (text[off - 1] === '\r' && text[off] === '\n') continue; // CRLF 中间不是合法位置
      const pos = offsetToPosition(starts, off);
      expect(positionToOffset(text, pos, starts)).toBe(off);
    }
    expect(positionToOffset(text, { line: 99, character: 0 })).toBe(text.length);
    expect(positionToOffset(text, { line: 0, character: 99 })).toBe(3);
  });
});
