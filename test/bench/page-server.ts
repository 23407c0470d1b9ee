/**
 * What the widget's benchmarks load their pages from, without `wrangler dev`: the script-tag
 * build (`widget/dist/cdn`) served as static files by this process, and `/v1/*` passed on, on
 * the same origin, to the production bundle in workerd (workerd-harness.ts), as Cloudflare
 * serves the assets and runs the Worker for `/v1/*` in production.
 *
 * Why: measured over a widget run through `wrangler dev`, the dev server (its workerd processes,
 * its Node proxy and its esbuild watcher) used about as much CPU per page load as the page's
 * own main thread, on the same two cores, and stretched the page's tasks. Here a static file
 * costs this process a read and a write, and an API call costs the worker one cache hit.
 */
import { readFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` and passes `/v1/*` on to `workerUrl`. */
export async function startPageServer(root: string, workerUrl: string): Promise<PageServer> {
  const worker = new URL(workerUrl);
  const server: Server = createServer((incoming, outgoing) => {
    const path = new URL(incoming.url ?? "/", "http://page").pathname;
    if (path.startsWith("/v1/")) {
      const upstream = request(
        {
          host: worker.hostname,
          port: worker.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: worker.host },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on("error", () => outgoing.writeHead(502).end());
      incoming.pipe(upstream);
      return;
    }
    const file = join(root, normalize(path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      outgoing.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        outgoing
          .writeHead(200, {
            "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
            "Cache-Control": "no-cache",
          })
          .end(body),
      () => outgoing.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
