/**
 * Yields each line of a newline-delimited JSON body as soon as it has fully arrived (a line may span
 * several chunks). Throws on a line that is not JSON. Used by the record page for the streamed timeline
 * and by the load benchmark, which reads it the same way. Each chunk is searched once for line ends, so a
 * line of megabytes arriving in many chunks costs time in proportion to its length.
 */
export async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void, void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending: string[] = []; // the start of a line not yet ended, in pieces
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const text = decoder.decode(next.value, { stream: true }); // a Thai character may be split between chunks
    let from = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      pending.push(text.slice(from, end));
      const line = pending.join('');
      pending = [];
      from = end + 1;
      yield JSON.parse(line) as unknown;
    }
    if (from < text.length) pending.push(text.slice(from));
  }
}
