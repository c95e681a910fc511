package dev.sift.core.seeds;

import dev.sift.core.store.SeedChunkKind;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a seed file holds, told by its extension: one document of text, Markdown or code (with its language), or a
 * JSONL file of documents.
 *
 * @param jsonl true for a file of one JSON document per line
 */
public record SeedFileType(SeedChunkKind kind, String language, boolean jsonl) {

    private static final Map<String, String> CODE = Map.ofEntries(
            Map.entry("java", "java"), Map.entry("py", "python"), Map.entry("js", "javascript"),
            Map.entry("mjs", "javascript"), Map.entry("jsx", "javascript"), Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"), Map.entry("go", "go"), Map.entry("rs", "rust"), Map.entry("c", "c"),
            Map.entry("h", "c"), Map.entry("cpp", "cpp"), Map.entry("cc", "cpp"), Map.entry("cxx", "cpp"),
            Map.entry("hpp", "cpp"), Map.entry("cs", "csharp"), Map.entry("rb", "ruby"), Map.entry("kt", "kotlin"),
            Map.entry("kts", "kotlin"), Map.entry("scala", "scala"), Map.entry("sh", "shell"),
            Map.entry("bash", "shell"), Map.entry("sql", "sql"), Map.entry("php", "php"), Map.entry("swift", "swift"),
            Map.entry("r", "r"), Map.entry("lua", "lua"), Map.entry("pl", "perl"), Map.entry("hs", "haskell"),
            Map.entry("ex", "elixir"), Map.entry("exs", "elixir"), Map.entry("jl", "julia"), Map.entry("dart", "dart"),
            Map.entry("m", "objective-c"), Map.entry("groovy", "groovy"), Map.entry("ps1", "powershell"));

    /** The type of a file by its extension; empty for a file Sift does not read as a seed. */
    public static Optional<SeedFileType> of(Path file) {
        return ofName(String.valueOf(file.getFileName()));
    }

    /** The type of a file by the extension of its name or path (either separator); empty when Sift does not read it. */
    public static Optional<SeedFileType> ofName(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "txt", "text" -> Optional.of(new SeedFileType(SeedChunkKind.TEXT, "", false));
            case "md", "markdown" -> Optional.of(new SeedFileType(SeedChunkKind.MARKDOWN, "", false));
            case "jsonl", "ndjson" -> Optional.of(new SeedFileType(SeedChunkKind.TEXT, "", true));
            default -> Optional.ofNullable(CODE.get(extension))
                    .map(language -> new SeedFileType(SeedChunkKind.CODE, language, false));
        };
    }
}
