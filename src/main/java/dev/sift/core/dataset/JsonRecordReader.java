package dev.sift.core.dataset;

import dev.sift.core.model.SampleContent;
import java.io.IOException;

/** Reads JSON records (an array or JSON Lines) with a per-layout {@link JsonRecordMapper}. */
final class JsonRecordReader implements RecordReader {

    private final JsonRecordCursor cursor;
    private final JsonRecordMapper mapper;

    JsonRecordReader(SourceFile source, JsonRecordMapper mapper) throws ImportException {
        this.cursor = new JsonRecordCursor(source);
        this.mapper = mapper;
    }

    @Override
    public SampleContent next() throws ImportException {
        if (!cursor.next()) {
            return null;
        }
        try {
            return mapper.map(cursor);
        } catch (IOException e) {
            throw ImportErrors.map(cursor, e);
        }
    }

    @Override
    public int recordIndex() {
        return cursor.recordNumber() - 1;
    }

    @Override
    public long bytesRead() {
        return cursor.source().bytesRead();
    }

    @Override
    public long size() {
        return cursor.source().size();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
