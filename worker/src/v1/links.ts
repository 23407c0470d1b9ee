/**
 * RFC 8288 `Link` header for a paged list: first, prev, next, last. Targets are root-relative
 * (resolved against the request URL), so one cached entry serves every host the worker answers on.
 */
export function pageLinks(
  path: string,
  params: Readonly<Record<string, string | number | undefined>>,
  page: number,
  totalPages: number,
): string {
  const target = (number: number) => {
    const query = new URLSearchParams();
    for (const name of Object.keys(params).sort()) {
      const value = name === "page" ? number : params[name];
      if (value !== undefined) query.set(name, String(value));
    }
    return `<${path}?${query}>`;
  };
  const last = Math.max(1, totalPages);
  const links = [`${target(1)}; rel="first"`];
  if (page > 1) links.push(`${target(Math.min(page - 1, last))}; rel="prev"`);
  if (page < totalPages) links.push(`${target(page + 1)}; rel="next"`);
  links.push(`${target(last)}; rel="last"`);
  return links.join(", ");
}

export function pageInfo(number: number, size: number, total: number) {
  return { number, size, total, totalPages: Math.ceil(total / size) };
}
