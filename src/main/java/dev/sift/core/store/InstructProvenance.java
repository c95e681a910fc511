package dev.sift.core.store;

import java.util.Optional;

/**
 * A pair's whole lineage: its provenance row, the transformed content it was written from, and the seed passage that
 * content was made of (empty when the seed collection has been deleted since).
 */
public record InstructProvenance(InstructPair pair, InstructContent content, Optional<SeedChunk> seed) {}
