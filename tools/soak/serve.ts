// The soak's servers: one page server and one sink proxy per run, each logging what it receives.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { corpusBytes, META_REFRESH } from "../lib/corpus";

/** A corpus page as the soak names it (its reports and --only use the id). */
export interface SoakPage {
  id: string;
  file: string;
}

export function pageHtml(page: SoakPage): Buffer {
  // latin1 round-trips every byte: the page's own charset declaration still decides how it is read.
  return Buffer.from(corpusBytes(page.file).toString("latin1").replace(META_REFRESH, ""), "latin1");
}

export interface Log {
  current: string[];
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

export async function pageServer(pages: SoakPage[], log: Log): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    log.current.push(`${req.method} local:${req.url}`);
    const m = /^\/p\/(\d+)\/page\.html(\?.*)?$/.exec(req.url ?? "");
    const page = m ? pages[Number(m[1])] : undefined;
    if (!page) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    const html = pageHtml(page);
    // A page that declares no charset is served as UTF-8 (the corpus's encoding): a guessed encoding can differ from load to load.
    const declared = /charset\s*=/i.test(html.subarray(0, 4096).toString("latin1"));
    const type = declared ? "text/html" : "text/html; charset=utf-8";
    res.writeHead(200, { "content-type": type, "content-security-policy": "script-src 'none'" }).end(html);
  });
  const port = await listen(server);
  return { server, base: `http://127.0.0.1:${port}` };
}

/** An HTTP proxy that answers every request with 502 (and refuses every CONNECT), logging each. */
export async function sinkProxy(log: Log): Promise<{ server: Server; port: number }> {
  const server = createServer((req: IncomingMessage, res) => {
    log.current.push(`${req.method} ${req.url}`);
    res.writeHead(502, { "content-type": "text/plain", connection: "close" }).end("offline");
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  server.on("connect", (req: IncomingMessage, socket) => {
    socket.on("error", () => undefined);
    log.current.push(`CONNECT https://${req.url}`);
    socket.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
  });
  return { server, port: await listen(server) };
}
