package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.app.AgentInstructRuns;
import dev.sift.cli.ExitCodes;
import dev.sift.core.agentinstruct.InstructionType;
import dev.sift.core.agentinstruct.Skill;
import dev.sift.core.agentinstruct.SkillException;
import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.agentinstruct.Transformation;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sift skills list|show|check}: the AgentInstruct skills a run can use, and checking a skill file. */
@Command(name = "skills", description = "AgentInstruct skills: the built-in ones, a project's skills/ folder, your own files.",
        subcommands = {SkillsCommand.ListSkills.class, SkillsCommand.Show.class, SkillsCommand.Check.class})
final class SkillsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The skills of the built-ins, the project's folder when a project is given, and {@code --skills DIR}. */
    abstract static class LibraryCommand extends ProjectCommand {
        @Option(names = "--skills", paramLabel = "DIR", description = "A folder of skill files (*.json) to add.")
        Path skills;

        @Override
        boolean needsProject() {
            return false;
        }

        SkillLibrary library(ProjectStore store) {
            try {
                if (store != null) {
                    return AgentInstructRuns.skills(store, Optional.ofNullable(skills));
                }
                return SkillLibrary.load(skills == null ? List.of() : List.of(skills));
            } catch (SkillException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    @Command(name = "list", description = "List the skills with their seed kinds, transformations and types.")
    static final class ListSkills extends LibraryCommand {
        @Override
        int run(ProjectStore store) {
            SkillLibrary library = library(store);
            if (json) {
                ArrayNode list = env().json().createArrayNode();
                library.all().forEach(s -> list.add(summary(s)));
                ObjectNode result = env().json().createObjectNode().put("kind", "skills");
                result.set("skills", list);
                printResult(result);
                return ExitCodes.OK;
            }
            env().out().printf("%-24s %-20s %5s %5s  %s%n", "SKILL", "SEEDS", "TRANS", "TYPES", "SOURCE");
            for (Skill s : library.all()) {
                env().out().printf("%-24s %-20s %5d %5d  %s%n", s.name(), String.join(",", new TreeSet<>(
                        s.seedKinds())), s.transformations().size(), s.taxonomy().size(), s.source());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one skill: transformations, instruction types and refinement goals.")
    static final class Show extends LibraryCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(ProjectStore store) {
            Skill s = library(store).find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "No skill '" + name + "'; see 'sift skills list'"));
            if (json) {
                ObjectNode result = summary(s).put("kind", "skill").put("definition", s.definition());
                printResult(result);
                return ExitCodes.OK;
            }
            env().out().println(s.name() + " — " + s.description());
            env().out().println("Seed kinds: " + String.join(", ", new TreeSet<>(s.seedKinds())) + "   (" + s.source()
                    + ")");
            env().out().println("Transformations:");
            for (Transformation t : s.transformations()) {
                env().out().printf("  %-24s %s%n", t.name(), t.description());
            }
            env().out().println("Instruction types (" + s.taxonomy().size() + "):");
            for (InstructionType t : s.taxonomy()) {
                env().out().printf("  %-32s %s%n", t.type(), t.description());
            }
            env().out().println("Refinement goals:");
            s.refinement().goals().forEach(g -> env().out().println("  - " + g));
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", description = "Check skill files; errors name the file and the field.")
    static final class Check extends ProjectCommand {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        boolean needsProject() {
            return false;
        }

        @Override
        int run(ProjectStore store) {
            List<String> errors = new ArrayList<>();
            for (Path file : files) {
                try {
                    Skill s = SkillLibrary.readFile(file);
                    env().out().printf("%s: skill '%s' is valid (%d transformations, %d instruction types)%n", file,
                            s.name(), s.transformations().size(), s.taxonomy().size());
                } catch (SkillException e) {
                    errors.add(e.getMessage());
                    env().err().println(e.getMessage());
                }
            }
            return errors.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    static ObjectNode summary(Skill s) {
        ObjectNode node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", s.name())
                .put("description", s.description()).put("source", s.source());
        new TreeSet<>(s.seedKinds()).forEach(node.putArray("seedKinds")::add);
        s.transformations().forEach(t -> node.withArray("transformations").add(t.name()));
        s.taxonomy().forEach(t -> node.withArray("types").add(t.type()));
        s.refinement().goals().forEach(g -> node.withArray("goals").add(g));
        return node;
    }
}
