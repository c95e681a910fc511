package dev.sift.core.export;

/**
 * How the samples a curated export looked at stood in the review.
 *
 * @param kept samples whose current decision keeps them (chosen or edited): the records written
 * @param rejected samples whose current decision rejects them
 * @param undecided samples without a decision
 * @param pairs preference pairs written (0 when none were asked for)
 * @param withoutPairs kept samples that could give no pair: multi-turn ones, whose history a prompt cannot hold
 */
public record CurationCounts(long kept, long rejected, long undecided, long pairs, long withoutPairs) {}
