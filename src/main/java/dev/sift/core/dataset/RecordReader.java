package dev.sift.core.dataset;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import java.nio.file.Path;

/**
 * Streams the records of one source file, in file order. Not thread-safe; close it when done.
 */
interface RecordReader extends AutoCloseable {

    /** The next record, or null after the last one. */
    SampleContent next() throws ImportException;

    /** Zero-based index of the record last returned by {@link #next()}. */
    int recordIndex();

    /** Bytes of the file read so far. */
    long bytesRead();

    /** Size of the file in bytes. */
    long size();

    @Override
    void close();

    /** Opens {@code file} for reading records of the given layout. */
    static RecordReader open(Path file, DatasetFormat format, CsvMapping mapping) throws ImportException {
        SourceFile source = SourceFile.open(file);
        try {
            return switch (format) {
                case ALPACA_JSON, ALPACA_JSONL -> new JsonRecordReader(source, new AlpacaMapper());
                case DOLLY -> new JsonRecordReader(source, new DollyMapper());
                case SHAREGPT -> new JsonRecordReader(source, new ShareGptMapper());
                case MESSAGES_JSONL -> new JsonRecordReader(source, new MessagesMapper());
                case CSV -> new CsvRecordReader(source, mapping);
            };
        } catch (ImportException | RuntimeException e) {
            source.close();
            throw e;
        }
    }
}
