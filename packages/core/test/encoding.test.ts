import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBuffer, encodeText, isBinary, type TextEncoding } from '../src/node/encoding';

const SAMPLE = '各院校要稳步发展职业本科教育，\r\n深化产教融合。附录𠀀字与 ASCII text.\n';

describe('decodeBuffer', () => {
  const cases: { name: string; bytes: Buffer; encoding: TextEncoding; bom: boolean }[] = [
    { name: 'UTF-8', bytes: Buffer.from(SAMPLE, 'utf8'), encoding: 'utf-8', bom: false },
    {
      name: 'UTF-8 BOM',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]),
      encoding: 'utf-8',
      bom: true,
    },
    {
      name: 'UTF-16 LE BOM',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]),
      encoding: 'utf-16le',
      bom: true,
    },
    {
      name: 'UTF-16 BE BOM',
      bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]),
      encoding: 'utf-16be',
      bom: true,
    },
    { name: 'GB18030', bytes: iconv.encode(SAMPLE, 'gb18030'), encoding: 'gb18030', bom: false },
  ];

  for (const c of cases) {
    it(`reads ${c.name} and writes the same bytes back`, () => {
      const decoded = decodeBuffer(c.bytes);
      expect(decoded.text).toBe(SAMPLE);
      expect(decoded.encoding).toBe(c.encoding);
      expect(decoded.bom).toBe(c.bom);
      expect(encodeText(decoded.text, decoded.encoding, decoded.bom).equals(c.bytes)).toBe(true);
    });
  }

  it('decodes plain GBK bytes (written by a GBK encoder) as GB18030', () => {
    const text = '职业教育法修订后，各地推进中高职贯通培养。';
    const gbk = iconv.encode(text, 'gbk');
    const decoded = decodeBuffer(gbk);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(text);
    expect(encodeText(decoded.text, decoded.encoding, false).equals(gbk)).toBe(true);
  });

  it('keeps an edited GB18030 text in GB18030', () => {
    const original = iconv.encode('高职高专院校', 'gb18030');
    const decoded = decodeBuffer(original);
    const edited = decoded.text.replace('高职高专', '职业专科');
    expect(iconv.decode(encodeText(edited, decoded.encoding, decoded.bom), 'gb18030')).toBe('职业专科院校');
  });

  it('treats an empty buffer as UTF-8 text', () => {
    expect(decodeBuffer(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('isBinary', () => {
  it('flags NUL bytes and control-heavy data, not text', () => {
    expect(isBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true);
    expect(isBinary(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))))).toBe(true);
    expect(isBinary(Buffer.from(SAMPLE, 'utf8'))).toBe(false);
    expect(isBinary(iconv.encode(SAMPLE, 'gb18030'))).toBe(false);
    expect(isBinary(Buffer.from('\ttab\f\u001b[31mred\u001b[0m\n', 'utf8'))).toBe(false);
  });

  it('does not flag UTF-16 with a BOM even though it contains NUL bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ASCII heavy text', 'utf16le')]);
    expect(isBinary(utf16)).toBe(false);
    expect(isBinary(Buffer.from('ASCII heavy text', 'utf16le'))).toBe(true);
  });
});
