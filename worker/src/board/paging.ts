import type { PageInfo } from "@userecho-edge/shared";
import type { UpstreamPage } from "../upstream/client.ts";

/**
 * RFC 8288 `Link` header for a paged list: first, prev, next, last. Targets are root-relative
 * (resolved against the request URL), so one cached entry serves every host the worker answers on.
 */
export function pageLinks(
  path: string,
  params: Readonly<Record<string, string | number | undefined>>,
  page: PageInfo,
): string {
  const target = (number: number) => {
    const query = new URLSearchParams();
    for (const name of Object.keys(params).sort()) {
      const value = name === "page" ? number : params[name];
      if (value !== undefined) query.set(name, String(value));
    }
    return `<${path}?${query}>`;
  };
  const last = page.totalPages === null ? undefined : Math.max(1, page.totalPages);
  const links = [`${target(1)}; rel="first"`];
  if (page.number > 1) {
    links.push(
      `${target(last === undefined ? page.number - 1 : Math.min(page.number - 1, last))}; rel="prev"`,
    );
  }
  if (page.hasNext) links.push(`${target(page.number + 1)}; rel="next"`);
  // Without a total there is no last page to point at.
  if (last !== undefined) links.push(`${target(last)}; rel="last"`);
  return links.join(", ");
}

/**
 * Paging numbers of a page UserEcho built, with the page size it applied rather than the one
 * asked (upstream/normalise/paging.ts), so that `/v1` page `n` is UserEcho's page `n` and a walk
 * over `/v1` pages meets every item once, whatever cap UserEcho puts on `limit`. When UserEcho
 * hid the size (a short page, no total, no cap known), one more read tells: the next page (items
 * there: this page is full at the cap) or, for a last page past the first, page 1 (shorter than
 * asked: that is the cap).
 */
export async function directPageInfo(
  page: UpstreamPage<unknown>,
  read: (number: number) => Promise<UpstreamPage<unknown>>,
): Promise<PageInfo> {
  if (page.size !== undefined) {
    return pageInfo(page.page, Math.min(page.size, 100), page.total, page.received);
  }
  let more = false;
  if (page.received > 0) {
    const next = await read(page.page + 1);
    more = next.received > 0 && next.firstId !== page.firstId;
  }
  let size = page.asked;
  if (more) size = page.received;
  else if (page.page > 1) size = Math.min(page.asked, (await read(1)).received || page.asked);
  return { ...pageInfo(page.page, size, page.total, page.received), hasNext: more };
}

/**
 * Paging numbers of a page of `received` items. Without UserEcho's total, a full page may have a
 * next one (which can turn out empty); a short page is the last.
 */
export function pageInfo(
  number: number,
  size: number,
  total: number | undefined,
  received: number,
): PageInfo {
  if (total === undefined) {
    return { number, size, total: null, totalPages: null, hasNext: received >= size };
  }
  const totalPages = Math.ceil(total / size);
  return { number, size, total, totalPages, hasNext: number < totalPages };
}
