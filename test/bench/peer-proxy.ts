/**
 * The peer the benchmarks compare against: the pass-through proxy a site owner would write to
 * keep the UserEcho token off the page. It adds the token, forwards, and returns; no cache, no
 * validation. `GET /forums/1/topics?limit=20` → `GET {base}/forums/1/topics.json?limit=20&access_token=…`.
 * Bundled by the workerd harness and run beside the worker, against the same emulator.
 */
interface PeerEnv {
  /** e.g. `https://demo.userecho.com/api/v2` */
  USERECHO_BASE_URL: string;
  USERECHO_API_TOKEN: string;
}

export default {
  async fetch(request: Request, env: PeerEnv): Promise<Response> {
    if (request.method !== "GET") return new Response("Method Not Allowed", { status: 405 });
    const url = new URL(request.url);
    const upstream = new URL(`${env.USERECHO_BASE_URL}${url.pathname}.json${url.search}`);
    upstream.searchParams.set("access_token", env.USERECHO_API_TOKEN);
    const response = await fetch(upstream, { headers: { Accept: "application/json" } });
    return new Response(response.body, {
      status: response.status,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  },
};
