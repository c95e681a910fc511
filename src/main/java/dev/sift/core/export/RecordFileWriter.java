package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.Sample;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lays records out as one export file: a pretty-printed JSON array, or one JSON object per line. The same code writes
 * the file and the screen's preview, so the preview shows exactly what the file will hold. Does not close the stream.
 */
final class RecordFileWriter implements AutoCloseable {

    private final ExportFormat format;
    private final RecordWriter records;
    private final JsonGenerator generator;

    RecordFileWriter(OutputStream out, ObjectMapper json, ExportFormat format, SampleLabels labels) throws IOException {
        this.format = format;
        this.records = format.writer(labels);
        this.generator = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (format.jsonLines()) {
            generator.setRootValueSeparator(null);
        } else {
            generator.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            generator.writeStartArray();
        }
    }

    void write(Sample sample) throws IOException, ExportException {
        records.write(generator, sample);
        if (format.jsonLines()) {
            generator.writeRaw('\n');
        }
    }

    /** Ends the array of a JSON file and flushes; call once after the last record. */
    void finish() throws IOException {
        if (!format.jsonLines()) {
            generator.writeEndArray();
            generator.writeRaw('\n');
        }
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
