/**
 * What `VOTING` may say (README, "Configuration reference"), apart from the rest of the
 * configuration so that `pnpm check-userecho` can recommend it without the worker's bindings.
 */
export const VOTING_MODES = ["auto", "community", "inline"] as const;

export type VotingMode = (typeof VOTING_MODES)[number];

/** What an empty `VOTING` means. */
export const DEFAULT_VOTING: VotingMode = "auto";

export function isVotingMode(value: string): value is VotingMode {
  return (VOTING_MODES as readonly string[]).includes(value);
}
