package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sift.core.model.Sample;
import java.io.IOException;

/** Writes one sample as one JSON object of an export format. Not thread-safe; one per export. */
interface RecordWriter {

    /**
     * @throws ExportException when the sample cannot be represented in the format; nothing of it
     *     has been written then
     */
    void write(JsonGenerator out, Sample sample) throws IOException, ExportException;
}
