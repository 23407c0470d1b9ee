import type * as z from "zod/mini";
import type { Routes } from "./routes.ts";

/**
 * Every call of `/v1` as a client makes it, derived from the route declarations (routes.ts):
 * its method and path, what it sends and what it gets back. Types only, so a client that
 * imports them carries no schema; the worker parses every answer with the route's schema before
 * it leaves, which is what makes `answer` a promise a client may rely on.
 *
 * What a caller sends is the parsed form of each parameter (numbers as numbers), and may leave
 * out what the worker defaults or does not need (`page`, `limit`, `sort`, a filter).
 */
export type Calls = {
  readonly [Name in keyof Routes]: Call<Routes[Name]>;
};

/** One route's call. */
type Call<R extends Routes[keyof Routes]> = {
  readonly method: R["method"];
  readonly path: R["path"];
  readonly input: Input<R>;
  readonly answer: Answer<R>;
};

type Input<R> = Part<R, "params", "params"> & Part<R, "query", "query"> & Body<R>;

/** `params` and `query` as a caller writes them; a query whose fields may all be left out, too. */
type Part<R, Key extends string, As extends string> = R extends {
  readonly [K in Key]: infer S extends z.ZodMiniObject;
}
  ? object extends Fields<S>
    ? { readonly [K in As]?: Fields<S> }
    : { readonly [K in As]: Fields<S> }
  : object;

type Body<R> = R extends { readonly body: infer S extends z.ZodMiniType }
  ? { readonly body: z.input<S> }
  : object;

type Answer<R> = R extends { readonly success: { readonly schema: infer S extends z.ZodMiniType } }
  ? z.output<S>
  : unknown;

/** The keys of `T` that may be left out. */
type Omissible<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/**
 * An object schema's fields as a caller writes them: the parsed type of each (the input of a
 * coerced number is `unknown`), optional where the schema's input is.
 */
type Fields<S extends z.ZodMiniObject> = Flat<
  { readonly [K in Exclude<keyof z.output<S>, Omissible<z.input<S>>>]: z.output<S>[K] } & {
    readonly [K in Omissible<z.input<S>> & keyof z.output<S>]?: z.output<S>[K] | undefined;
  }
>;

type Flat<T> = { [K in keyof T]: T[K] };
