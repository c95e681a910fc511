package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.SeedChunkKind;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.testing.EmptyProjectTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SqliteSeedStoreTest extends EmptyProjectTest {

    private static NewSeedChunk text(String source, int index, String text) {
        return new NewSeedChunk(source, SeedChunkKind.TEXT, "", index, text, text.split(" ").length);
    }

    private SeedCollection importThree() throws StoreException {
        return store.seeds().importCollection("notes", "{\"chunkTokens\":512}", sink -> {
            assertThat(sink.add(text("a.txt", 0, "Rivers carve valleys."))).isTrue();
            assertThat(sink.add(text("a.txt", 1, "Glaciers carve fjords."))).isTrue();
            // the same passage re-wrapped in another file is a duplicate
            assertThat(sink.add(text("b.txt", 0, "  Rivers carve\n valleys. "))).isFalse();
            assertThat(sink.add(new NewSeedChunk("c.py", SeedChunkKind.CODE, "python", 0, "def f():\n    return 1",
                    5))).isTrue();
        });
    }

    @Test
    void importsChunksAndCountsDocumentsAndDuplicates() throws StoreException {
        SeedCollection imported = importThree();

        assertThat(imported.chunks()).isEqualTo(3);
        assertThat(imported.duplicates()).isEqualTo(1);
        assertThat(imported.documents()).as("b.txt gave nothing new").isEqualTo(2);
        assertThat(store.seeds().findCollection("notes")).contains(imported);
        assertThat(store.seeds().findCollection(imported.id())).contains(imported);
        assertThat(store.seeds().listCollections()).containsExactly(imported);
        assertThat(imported.settingsJson()).isEqualTo("{\"chunkTokens\":512}");

        List<SeedChunk> chunks = store.seeds().chunks(imported.id(), 0, 10);
        assertThat(chunks).extracting(SeedChunk::text)
                .containsExactly("Rivers carve valleys.", "Glaciers carve fjords.", "def f():\n    return 1");
        SeedChunk code = chunks.get(2);
        assertThat(code.kind()).isEqualTo(SeedChunkKind.CODE);
        assertThat(code.language()).isEqualTo("python");
        assertThat(code.source()).isEqualTo("c.py");
        assertThat(code.tokenCount()).isEqualTo(5);
        assertThat(store.seeds().chunk(code.id())).contains(code);
        assertThat(store.seeds().chunks(imported.id(), 1, 1)).extracting(SeedChunk::chunkIndex).containsExactly(1);
        assertThat(store.seeds().chunkIds(imported.id())).containsExactly(chunks.stream().mapToLong(SeedChunk::id)
                .toArray());
    }

    @Test
    void aFailingSourceLeavesNoCollectionBehind() throws StoreException {
        assertThatThrownBy(() -> store.seeds().importCollection("broken", "{}", sink -> {
            sink.add(text("a.txt", 0, "First passage."));
            sink.add(text("a.txt", 1, "Second passage."));
            throw new IOException("b.jsonl line 3: field 'text' is missing");
        })).isInstanceOf(IOException.class).hasMessageContaining("line 3");

        assertThat(store.seeds().listCollections()).isEmpty();
        assertThat(store.seeds().findCollection("broken")).isEmpty();
    }

    @Test
    void aTakenNameIsRefusedAndTheFirstCollectionIsUntouched() throws StoreException {
        SeedCollection first = importThree();

        assertThatThrownBy(() -> store.seeds().createCollection("notes", "{}"))
                .isInstanceOf(StoreException.class).hasMessageContaining("'notes' already exists");
        assertThat(store.seeds().listCollections()).containsExactly(first);
    }

    @Test
    void forEachChunkVisitsEveryChunkAcrossPages() throws StoreException {
        int n = 600;
        SeedCollection big = store.seeds().importCollection("big", "{}", sink -> {
            for (int i = 0; i < n; i++) {
                sink.add(text("doc" + (i % 7) + ".md", i, "Passage number " + i));
            }
        });
        store.seeds().createCollection("empty", "{}");

        var seen = new ArrayList<String>();
        store.seeds().forEachChunk(big.id(), chunk -> seen.add(chunk.text()));
        assertThat(seen).hasSize(n).startsWith("Passage number 0").endsWith("Passage number 599");
        assertThat(big.documents()).isEqualTo(7);
    }

    @Test
    void deletingACollectionKeepsTheContentARunMadeOfIt() throws StoreException {
        SeedCollection notes = importThree();
        long chunk = store.seeds().chunkIds(notes.id())[0];
        long run = store.runs().create(new NewRun("agentinstruct", 0, "{}", 0, OptionalDouble.empty())).id();
        long content = store.instruct().saveContent(run, chunk, "reading-comprehension", "debate", 0, "A: ... B: ...");

        assertThat(store.seeds().deleteCollection(notes.id())).isTrue();
        assertThat(store.seeds().deleteCollection(notes.id())).isFalse();

        assertThat(store.seeds().listCollections()).isEmpty();
        assertThat(store.seeds().chunk(chunk)).isEmpty();
        assertThat(store.instruct().content(content).orElseThrow().seedChunkId()).isZero();
        assertThat(store.instruct().content(content).orElseThrow().text()).isEqualTo("A: ... B: ...");
    }
}
