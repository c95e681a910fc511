package dev.sift.cli.command;

import dev.sift.core.model.DatasetFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a format by its short name: alpaca-json, alpaca-jsonl, sharegpt, messages-jsonl, dolly, csv. */
final class FormatConverter implements ITypeConverter<DatasetFormat>, Iterable<String> {

    @Override
    public DatasetFormat convert(String value) {
        return DatasetFormat.fromId(value).orElseThrow(() -> new TypeConversionException(
                "unknown format '" + value + "'; choose one of " + String.join(", ", this)));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(DatasetFormat.values()).map(DatasetFormat::id).collect(Collectors.toList()).iterator();
    }
}
