/**
 * Yields each line of a newline-delimited JSON body as soon as it has fully arrived (a line may span
 * several chunks). Throws on a line that is not JSON. Used by the record page for the streamed timeline
 * and by the load benchmark, which reads it the same way.
 */
export async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void, void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    buffered += decoder.decode(next.value, { stream: true }); // a Thai character may be split between chunks
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      yield JSON.parse(line) as unknown;
    }
  }
}
