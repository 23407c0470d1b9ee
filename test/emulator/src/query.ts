/**
 * Django-style list filters and ordering, as third-party clients send them:
 * `filter__status__in=1,17`, `filter__id__gt=1234`, `order_by=-created`.
 *
 * Only `status__in`, `id__gt` and `order_by=±created` are attested; the other operators, fields
 * and the comma-separated `order_by` are (inferred).
 */
import { BadRequestError } from "./errors.ts";

/** How a query-string value is parsed for a field. */
export type FieldKind = "integer" | "number" | "date" | "boolean";

/** A field's value on one record: a number (dates as epoch ms), a boolean, a list of ids, or null. */
export type FieldValue = number | boolean | null | readonly number[];

export interface Field<T> {
  readonly kind: FieldKind;
  readonly get: (item: T) => FieldValue;
}

/** Fields by their query name, e.g. `status`, `vote__diff`. */
export type Fields<T> = Readonly<Record<string, Field<T>>>;

/** What a list endpoint allows. */
export interface ListSpec<T> {
  readonly filters: Fields<T>;
  readonly orderings: Fields<T>;
  /** `order_by` used when the request sends none. */
  readonly defaultOrder: string;
  /** Final tie-breaker: higher id first, so equal keys still come out in a stable order. */
  readonly id: (item: T) => number;
  /**
   * The parameters a source shows UserEcho accepting on this list: filter keys as sent after
   * `filter__` (`status__in`) and `order_by` values (`-created`). The `documented` profiles
   * refuse or ignore everything else (profile.ts).
   */
  readonly attested: { readonly filters: readonly string[]; readonly orderings: readonly string[] };
}

const OPERATORS = ["in", "gt", "lt", "gte", "lte"] as const;
type Operator = (typeof OPERATORS)[number] | "exact";

const FILTER_PREFIX = "filter__";

/**
 * The query with unattested `filter__…` and `order_by` parameters handled as the profile says:
 * kept (`accept`), dropped (`ignore`), or refused with a 400 (`refuse`).
 *
 * @throws BadRequestError naming the first unattested parameter, under `refuse`.
 */
export function attestedOnly<T>(
  params: URLSearchParams,
  spec: ListSpec<T>,
  mode: "accept" | "refuse" | "ignore",
): URLSearchParams {
  if (mode === "accept") return params;
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    const attested = key.startsWith(FILTER_PREFIX)
      ? spec.attested.filters.includes(key.slice(FILTER_PREFIX.length))
      : key === "order_by"
        ? value.split(",").every((part) => spec.attested.orderings.includes(part.trim()))
        : true;
    if (attested) kept.append(key, value);
    else if (mode === "refuse") throw new BadRequestError(`Unsupported parameter '${key}'`);
  }
  return kept;
}

/**
 * Applies every `filter__…` parameter (ANDed) and then `order_by`.
 *
 * @throws BadRequestError naming the parameter when a field is unknown or a value malformed.
 */
export function applyListQuery<T>(
  items: readonly T[],
  params: URLSearchParams,
  spec: ListSpec<T>,
): T[] {
  const predicates = compileFilters(params, spec.filters);
  const filtered =
    predicates.length === 0 ? [...items] : items.filter((item) => predicates.every((p) => p(item)));
  return filtered.sort(compileOrder(params.get("order_by"), spec));
}

/** One predicate per `filter__<field>[__<operator>]` parameter. */
export function compileFilters<T>(
  params: URLSearchParams,
  fields: Fields<T>,
): ((item: T) => boolean)[] {
  const predicates: ((item: T) => boolean)[] = [];
  for (const [key, raw] of params) {
    if (!key.startsWith(FILTER_PREFIX)) continue;
    const { fieldName, operator } = splitFilterKey(key.slice(FILTER_PREFIX.length));
    const field = lookup(fields, fieldName);
    if (field === undefined)
      throw new BadRequestError(`Unknown filter field '${fieldName}' in '${key}'`);

    const values = (operator === "in" ? raw.split(",") : [raw]).map((text) =>
      parseValue(field.kind, text, key),
    );
    const test = comparison(operator, values);
    predicates.push((item) => {
      const value = field.get(item);
      if (value === null) return false;
      // A list field (tags) matches when any of its ids does.
      return typeof value === "object" ? value.some(test) : test(Number(value));
    });
  }
  return predicates;
}

function splitFilterKey(rest: string): { fieldName: string; operator: Operator } {
  const cut = rest.lastIndexOf("__");
  const suffix = cut === -1 ? "" : rest.slice(cut + 2);
  return (OPERATORS as readonly string[]).includes(suffix)
    ? { fieldName: rest.slice(0, cut), operator: suffix as Operator }
    : { fieldName: rest, operator: "exact" };
}

function parseValue(kind: FieldKind, text: string, key: string): number {
  const trimmed = text.trim();
  let value = Number.NaN;
  switch (kind) {
    case "integer":
      if (/^-?\d+$/.test(trimmed)) value = Number(trimmed);
      break;
    case "number":
      if (trimmed !== "") value = Number(trimmed);
      break;
    case "date":
      value = Date.parse(trimmed);
      break;
    case "boolean":
      if (trimmed === "true" || trimmed === "1") value = 1;
      else if (trimmed === "false" || trimmed === "0") value = 0;
      break;
  }
  if (!Number.isFinite(value)) throw new BadRequestError(`Invalid value '${text}' for '${key}'`);
  return value;
}

function comparison(operator: Operator, values: readonly number[]): (value: number) => boolean {
  const [first = Number.NaN] = values;
  switch (operator) {
    case "exact":
      return (value) => value === first;
    case "in":
      return (value) => values.includes(value);
    case "gt":
      return (value) => value > first;
    case "gte":
      return (value) => value >= first;
    case "lt":
      return (value) => value < first;
    case "lte":
      return (value) => value <= first;
  }
}

/**
 * Comparator for `order_by`: comma-separated keys, `-` for descending, `__` for nested paths
 * (`vote__diff`). Ties always end with id descending, for determinism.
 *
 * @throws BadRequestError naming the first unknown key.
 */
export function compileOrder<T>(orderBy: string | null, spec: ListSpec<T>): (a: T, b: T) => number {
  const keys = (orderBy ?? spec.defaultOrder)
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "");
  const comparators = (keys.length > 0 ? keys : [spec.defaultOrder]).map((key) => {
    const descending = key.startsWith("-");
    const name = descending ? key.slice(1) : key;
    const field = lookup(spec.orderings, name);
    if (field === undefined) throw new BadRequestError(`Unknown order_by field '${name}'`);
    const sign = descending ? -1 : 1;
    return (a: T, b: T) => {
      const left = sortable(field.get(a));
      const right = sortable(field.get(b));
      return left === right ? 0 : left < right ? -sign : sign;
    };
  });
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return spec.id(b) - spec.id(a);
  };
}

function sortable(value: FieldValue): number {
  if (value === null) return Number.NEGATIVE_INFINITY;
  if (typeof value === "object") return value.length;
  return Number(value);
}

// Own properties only, so `filter__constructor=1` is an unknown field, not Object.prototype's.
function lookup<T>(fields: Fields<T>, name: string): Field<T> | undefined {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}
