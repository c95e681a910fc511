package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads CSV with a header row, taking the fields from the columns a {@link CsvMapping} names.
 * Locations are "line N" of the row's first line (the header is line 1). Columns the mapping names
 * but the header lacks are treated as empty, except the instruction column, which must exist.
 * Empty lines are skipped; a row with more values than the header has columns is an error.
 */
final class CsvRecordReader implements RecordReader {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final SourceFile source;
    private final CsvMapping mapping;
    private final CsvParser parser;
    private int recordNumber;
    private int rowLine;
    private boolean inRow;

    CsvRecordReader(SourceFile source, CsvMapping mapping) throws ImportException {
        this.source = source;
        this.mapping = mapping;
        if (mapping.instruction().isEmpty()) {
            throw new ImportException(source.path(), "", "", "CSV import needs the name of the instruction column");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(new Utf8CheckingInputStream(source.stream()), decoder);
        try {
            this.parser = FACTORY.createParser(reader);
        } catch (IOException e) {
            throw new ImportException(source.path(), "", "", "cannot be read: " + e.getMessage(), e);
        }
        parser.setSchema(CsvSchema.emptySchema().withHeader());
    }

    @Override
    public SampleContent next() throws ImportException {
        inRow = false;
        try {
            JsonToken t = parser.nextToken();
            if (recordNumber == 0) {
                checkHeader(t);
            }
            if (t == null) {
                return null;
            }
            recordNumber++;
            rowLine = parser.currentLocation().getLineNr();
            inRow = true;
            return readRow();
        } catch (IOException e) {
            throw map(e);
        }
    }

    private void checkHeader(JsonToken first) throws ImportException {
        CsvSchema header = parser.getSchema();
        if (header.size() == 0) {
            String what = source.bytesRead() == 0 ? "is empty" : "holds only whitespace";
            throw new ImportException(source.path(), "", "", what + "; expected a CSV header row and records");
        }
        if (header.column(mapping.instruction()) == null) {
            throw new ImportException(source.path(), "line 1", mapping.instruction(),
                    "is not a column of the header; columns found: " + String.join(", ", header.getColumnNames())
                            + " (choose the instruction column, or add a header row)");
        }
        if (first == null) {
            throw new ImportException(source.path(), "", "", "has a header row but no records");
        }
    }

    private SampleContent readRow() throws IOException, ImportException {
        String instruction = null;
        String input = "";
        String output = "";
        String system = "";
        String category = "";
        boolean first = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (first) {
                rowLine = parser.currentTokenLocation().getLineNr();
                first = false;
            }
            String name = parser.currentName();
            parser.nextToken();
            String value = parser.getText();
            if (name.equals(mapping.instruction())) {
                instruction = value;
            } else if (name.equals(mapping.input())) {
                input = value;
            } else if (name.equals(mapping.output())) {
                output = value;
            } else if (name.equals(mapping.system())) {
                system = value;
            } else if (name.equals(mapping.category())) {
                category = value;
            }
        }
        if (instruction == null) {
            throw error(mapping.instruction(), "is missing: the row has fewer values than the header has columns");
        }
        if (instruction.isBlank()) {
            throw error(mapping.instruction(), "is empty; every record needs an instruction");
        }
        return new SampleContent(system, instruction, input, output, List.of(), category);
    }

    private ImportException error(String field, String problem) {
        return new ImportException(source.path(), "line " + rowLine, field, problem);
    }

    private ImportException map(IOException e) {
        String field = inRow ? currentColumn() : "";
        int line = inRow ? rowLine : lineOf(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String problem;
        if (e instanceof StreamConstraintsException) {
            problem = ImportErrors.constraint(message);
        } else if (e instanceof Utf8CheckingInputStream.InvalidUtf8Exception bad) {
            field = "";
            line = bad.line();
            problem = "contains bytes that are not valid UTF-8 (" + bad.getMessage()
                    + "); save the file as UTF-8 and import it again";
        } else if (e instanceof CharacterCodingException) {
            field = "";
            line = lineOf(e);
            problem = "contains bytes that are not valid UTF-8; save the file as UTF-8 and import it again";
        } else if (message.contains("Empty header line")) {
            return new ImportException(source.path(), "", "", "is empty; expected a CSV header row and records", e);
        } else if (message.contains("Missing closing quote")) {
            field = "";
            problem = "has a quoted value that is never closed (unbalanced quotes); the rest of the file was read as one value";
        } else if (message.contains("Too many entries")) {
            field = "";
            problem = "has more values than the header has columns (a comma inside a value without quotes?)";
        } else {
            int nl = message.indexOf('\n');
            problem = "is not valid CSV: " + (nl < 0 ? message : message.substring(0, nl));
        }
        return new ImportException(source.path(), "line " + line, field, problem, e);
    }

    private String currentColumn() {
        try {
            String name = parser.currentName();
            return name == null ? "" : name;
        } catch (IOException e) {
            return "";
        }
    }

    private int lineOf(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return Math.max(1, jpe.getLocation().getLineNr());
        }
        return Math.max(1, parser.currentLocation().getLineNr());
    }

    @Override
    public int recordIndex() {
        return recordNumber - 1;
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only source
        }
        source.close();
    }
}
