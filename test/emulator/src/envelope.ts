/** Paging numbers returned with every list (README §3–4). */
export interface PageDetails {
  /** Records matching the query, over all pages. */
  readonly count: number;
  /** Page size actually applied. */
  readonly limit: number;
  /** 1-based page number. */
  readonly page: number;
  /** 1-based position of the page's first record in the full result: (page - 1) * limit + 1. */
  readonly from: number;
}

export interface SuccessEnvelope<T> {
  readonly status: "success";
  readonly data: T;
  readonly details?: PageDetails;
}

export interface ErrorEnvelope {
  readonly status: "error";
  readonly message: string;
}

export type Envelope<T> = SuccessEnvelope<T> | ErrorEnvelope;

/**
 * The success envelope; `details` only for lists.
 *
 * @example success([{ id: 1 }], { count: 1, limit: 50, page: 1, from: 1 })
 */
export function success<T>(data: T, details?: PageDetails): SuccessEnvelope<T> {
  return details === undefined ? { status: "success", data } : { status: "success", data, details };
}

/** The error envelope: never carries `data`. */
export function failure(message: string): ErrorEnvelope {
  return { status: "error", message };
}
