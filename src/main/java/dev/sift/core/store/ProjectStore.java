package dev.sift.core.store;

import java.nio.file.Path;

/**
 * One open project file. Thread-safe: reads may come from any thread, writes are serialised on the
 * store's single writer. Closing releases the file; the store must not be used afterwards.
 */
public interface ProjectStore extends AutoCloseable {

    Path file();

    DatasetStore datasets();

    SampleStore samples();

    EmbeddingStore embeddings();

    DuplicateStore duplicates();

    ExportLog exports();

    EndpointStore endpoints();

    AgentStore agents();

    RunStore runs();

    CandidateStore candidates();

    /** The LLM call log and request cache. */
    LlmCallStore llmCalls();

    /** Scores of candidates (IFD and others), with the raw losses they came from. */
    ScoreStore scores();

    /** Choose and reject decisions of samples, by algorithms and curators. */
    DecisionStore decisions();

    /** The curator's actions with undo and redo, notes, edits, and the review table's rows and search. */
    ReviewStore review();

    /** Seed collections: raw documents cut into chunks, the raw material of AgentInstruct. */
    SeedStore seeds();

    /** What AgentInstruct runs made of seed chunks, and the provenance of the pairs they added. */
    InstructStore instruct();

    @Override
    void close();
}
