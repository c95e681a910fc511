package dev.sift.core.agentinstruct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The skills a run can use: the built-in ones shipped with Sift and the {@code *.json} files of the user's skill
 * folders. A user file whose skill has the name of a built-in (or of an earlier folder's skill) replaces it, so a
 * built-in can be adapted by copying its file. Reading a library checks every file; the first bad one is reported as
 * a {@link SkillException} naming the file and the field.
 */
public final class SkillLibrary {

    /** The skills shipped with Sift, as resources next to this class under {@code skills/}. */
    public static final List<String> BUILT_IN = List.of("reading-comprehension", "text-modification", "coding",
            "tool-use", "fermi", "open-domain-qa");

    private final Map<String, Skill> skills;

    private SkillLibrary(Map<String, Skill> skills) {
        this.skills = skills;
    }

    /** The built-in skills only. */
    public static SkillLibrary builtIn() {
        return load(List.of());
    }

    /**
     * The built-in skills, then the skill files of each folder in order (folders that do not exist are skipped).
     *
     * @throws SkillException for the first file that is not a valid skill
     * @throws UncheckedIOException when a folder or file cannot be read
     */
    public static SkillLibrary load(List<Path> folders) {
        Map<String, Skill> byName = new TreeMap<>();
        for (String name : BUILT_IN) {
            Skill skill = SkillReader.read(resource(name), "built-in skill " + name + ".json");
            byName.put(skill.name(), skill);
        }
        for (Path folder : folders) {
            for (Path file : files(folder)) {
                Skill skill = readFile(file);
                byName.put(skill.name(), skill);
            }
        }
        return new SkillLibrary(byName);
    }

    /** Reads one skill file. */
    public static Skill readFile(Path file) {
        try {
            return SkillReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new SkillException(file.toString(), "", "cannot be read: " + e.getMessage());
        }
    }

    /** Every skill, by name. */
    public Collection<Skill> all() {
        return List.copyOf(skills.values());
    }

    public Optional<Skill> find(String name) {
        return Optional.ofNullable(skills.get(name));
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> out = new ArrayList<>(list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the skill folder " + folder, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SkillLibrary.class.getResourceAsStream("skills/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the built-in skill " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
