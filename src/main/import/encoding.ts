import iconv from 'iconv-lite'

export type TextEncoding = 'utf-8' | 'gb18030'

/**
 * Text from a file's bytes. `auto`: a UTF-8 BOM or bytes that are valid UTF-8 are UTF-8,
 * anything else is GB18030 (a superset of GBK and GB2312, which government systems export).
 */
export function decodeText(bytes: Uint8Array, declared: 'auto' | TextEncoding = 'auto'): { text: string; encoding: TextEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  let encoding: TextEncoding = declared === 'auto' ? 'utf-8' : declared
  if (declared === 'auto' && !hasBom) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      encoding = 'gb18030'
    }
  }
  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
  // TextDecoder drops the BOM; iconv-lite too (stripBOM by default).
  return { text, encoding }
}
