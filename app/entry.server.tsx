import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./nonce";

export const streamTimeout = 5_000;

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    ip: string;
  }
}

/**
 * The document is rendered to one string and sent as one body. Sinergi streams nothing (no deferred
 * data), so React's streaming renderer bought nothing and cost a lot: it encodes every tag, attribute
 * and text piece into bytes as it goes (thousands of tiny encodes on a report page), where the string
 * renderer only joins strings. See docs/decisions/0018-document-render.md.
 *
 * Remix (single fetch) embeds the loaders' data through <StreamTransfer>, which suspends until each
 * piece of the encoded data has been read. `renderToString` cannot wait for that, so the data is
 * read first, whole, and handed to <StreamTransfer> through the cache it reads from
 * (`renderMeta.streamCache`): it then finds every piece ready and never suspends.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  await readHandoffData(remixContext);
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // As bytes: a string body would be checked character by character for lone surrogates first.
  const body = Buffer.from(html.startsWith("<!DOCTYPE") ? html : `<!DOCTYPE html>${html}`);
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

type StreamCache = NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]>;

/** Reads the loaders' encoded data to its end and leaves it, as one piece, where <StreamTransfer> looks. */
async function readHandoffData(context: EntryContext) {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  reader.releaseLock();
  const ready = (done: boolean, value: string) => Object.assign(Promise.resolve(), { result: { done, value } });
  const cache: StreamCache = text ? { 0: ready(false, text), 1: ready(true, "") } : { 0: ready(true, "") };
  context.renderMeta.streamCache = cache;
}

/** Errors are logged on the server with the request path; the browser sees the error boundary. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Expected answers (404, 403, …) are not faults worth a log line.
  if (error && typeof error === "object" && "status" in error && Number(error.status) < 500) return;
  console.error(`[${new Date().toISOString()}] ${request.method} ${new URL(request.url).pathname}`, error);
}
