/**
 * The page size UserEcho applied to a list, told from what it sent rather than from what was
 * asked (docs/USERECHO.md §3). UserEcho documents 50 as its default page size and no maximum:
 * a `limit` above its cap comes back with fewer items, paged by the cap, and `details.limit` may
 * say the cap, echo what was asked, or be missing.
 */

export interface PageEvidence {
  /** The `limit` the worker sent. */
  asked: number;
  /** The 1-based page the worker asked for. */
  page: number;
  /** Items UserEcho sent on this page (usable or not). */
  received: number;
  /** `details.count`, the total over all pages, when UserEcho said. */
  total: number | undefined;
  /** `details.limit`, when UserEcho said. */
  saidLimit: number | undefined;
  /** The cap learnt from earlier answers of this UserEcho, if any. */
  knownCap: number | undefined;
  /** The largest `limit` this UserEcho was seen to serve in full, if any. */
  knownHonoured: number | undefined;
}

/** How many items page `page` holds when pages are `size` long and `total` items exist. */
function itemsOnPage(size: number, page: number, total: number): number {
  return Math.max(0, Math.min(size, total - (page - 1) * size));
}

/**
 * The size that explains the page, or `undefined` when nothing does for sure (a short page
 * without a total, whose size was not said and no cap is known: the last page of an uncapped
 * list, or a full page of a capped one).
 *
 * With a total, the size is the first candidate that predicts exactly how many items came:
 * `details.limit`, the limit asked, the known cap, the number of items received, and the one
 * size the total and this page's count leave (`(total - received) / (page - 1)` on a last page).
 * Without a total, a full page (as many items as asked) was not capped; a short one is the last
 * when that `limit` was served in full before, and otherwise believed only when `details.limit`
 * or the known cap accounts for it.
 */
export function pageSizeInUse(evidence: PageEvidence): number | undefined {
  const { asked, page, received, total, saidLimit, knownCap, knownHonoured } = evidence;
  const plausible = (size: number | undefined): size is number =>
    size !== undefined && Number.isInteger(size) && size >= 1 && size <= Math.max(asked, received);
  if (total !== undefined) {
    const fromLastPage = page > 1 ? (total - received) / (page - 1) : undefined;
    // A cap is a constant of the API: a size that was said, asked or seen before comes first,
    // then the one a last page pins down, and only then the count of this page itself.
    const candidates = [saidLimit, asked, knownCap, fromLastPage, received];
    return candidates.find(
      (size) => plausible(size) && received === itemsOnPage(size, page, total),
    );
  }
  // As many as asked, or more (a `limit` ignored): the page is full at what came.
  if (received >= asked) return received;
  if (plausible(saidLimit) && saidLimit < asked && received <= saidLimit) return saidLimit;
  if (knownCap !== undefined && received <= knownCap) return Math.min(asked, knownCap);
  // Served in full before, and no cap seen: a short page is the last one.
  if (knownCap === undefined && knownHonoured !== undefined && asked <= knownHonoured) return asked;
  return undefined;
}

/** The cap a page shows: a size in use below what was asked is UserEcho paging by its cap. */
export function capShown(evidence: PageEvidence, size: number | undefined): number | undefined {
  return size !== undefined && size < evidence.asked ? size : undefined;
}
