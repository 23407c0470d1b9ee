/** The query string of one upstream call: parameter name → value (undefined ones are not sent). */
export type UpstreamQuery = Record<string, string | number | undefined>;
