/** One input line of a JSONL stream: its 1-based number and text, or why it was not read. */
export type JsonlLine = { line: number; text: string } | { line: number; tooLong: true };

/**
 * Splits a byte stream into lines the way JSONL defines them: only LF ends a line (CRLF counts as
 * one line end; a lone CR is data), a UTF-8 BOM before the first line is dropped, a last line
 * without a newline still counts, and nothing after a final newline does. A line longer than
 * `maxChars` is reported as too long without being kept in memory.
 */
export async function* jsonlLines(input: AsyncIterable<Buffer | string>, maxChars: number): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let overflow = false;
  let line = 0;
  let first = true;
  const finish = (raw: string): JsonlLine => {
    line++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (first && text.startsWith('\uFEFF')) text = text.slice(1);
    first = false;
    return overflow ? { line, tooLong: true } : { line, text };
  };
  for await (const chunk of input) {
    const parts = (pending + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))).split('\n');
    pending = parts.pop()!;
    for (const part of parts) {
      yield finish(part);
      overflow = false;
    }
    if (pending.length > maxChars) {
      overflow = true;
      pending = '';
    }
  }
  pending += decoder.decode();
  if (pending !== '' || overflow) yield finish(pending);
}
