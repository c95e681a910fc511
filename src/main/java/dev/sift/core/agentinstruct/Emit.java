package dev.sift.core.agentinstruct;

/** Which instructions of a refinement chain become pairs. */
public enum Emit {
    /** Only the chain's last instruction (the seed instruction when there are no rounds). */
    FINAL,
    /** The seed instruction and every variant the editor wrote in every round. */
    ALL
}
