package dev.sift.core.agentinstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skill files: the built-ins load, and every kind of mistake is reported with the file and the field's path. */
class SkillReaderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A small valid skill, as a tree to break in tests. */
    static ObjectNode minimal() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"name": "tiny", "description": "a test skill", "seedKinds": ["text"],
                 "transformations": [{"name": "identity"},
                   {"name": "shout", "prompt": "Shout this: {{seed}}"}],
                 "generator": {"system": "Write for {{skill}}.", "prompt": ["About {{content}}", "Type {{type}}"]},
                 "taxonomy": [{"type": "a", "description": "first"}, {"type": "b", "description": "second"},
                   {"type": "c", "description": "third", "example": "like this"}, {"type": "d", "description": "x"}],
                 "refinement": {"goals": ["harder"],
                   "suggester": {"prompt": "Improve {{instruction}} in {{count}} ways toward {{goals}}"},
                   "editor": {"prompt": "Apply {{suggestion}} to {{instruction}}"}},
                 "response": {"prompt": "{{content}} {{instruction}}"}}
                """);
    }

    static String error(ObjectNode skill) {
        try {
            SkillReader.read(skill.toString(), "skills/tiny.json");
        } catch (SkillException e) {
            return e.getMessage();
        }
        throw new AssertionError("the skill was accepted");
    }

    static String error(Consumer<ObjectNode> change) throws Exception {
        ObjectNode skill = minimal();
        change.accept(skill);
        return error(skill);
    }

    @Test
    void theSixBuiltInSkillsLoadWithTheirTransformationsAndTaxonomies() {
        SkillLibrary library = SkillLibrary.builtIn();

        assertThat(library.all()).extracting(Skill::name).containsExactlyInAnyOrder("reading-comprehension",
                "text-modification", "coding", "tool-use", "fermi", "open-domain-qa");
        Skill rc = library.find("reading-comprehension").orElseThrow();
        assertThat(rc.transformations()).extracting(Transformation::name).contains("identity", "argument-passage",
                "debate", "conversation", "meeting-transcript", "poem", "satirical-passage");
        assertThat(rc.transformation("identity").orElseThrow().isIdentity()).isTrue();
        assertThat(rc.taxonomy()).hasSizeGreaterThanOrEqualTo(30).extracting(InstructionType::type).contains(
                "literal-short-answer", "numerical-discrete-reasoning", "critical-true-false", "evaluative-essay",
                "vocabulary-fill-in-the-blank", "relationship-matching", "sequencing-events", "lsat-strengthen",
                "lsat-weaken", "lsat-necessary-assumption", "lsat-sufficient-assumption", "lsat-flaw",
                "lsat-must-be-true", "lsat-principle", "lsat-method-of-reasoning", "lsat-resolve-the-paradox",
                "lsat-parallel-reasoning", "lsat-main-point");
        assertThat(library.find("text-modification").orElseThrow().taxonomy()).hasSize(18);
        assertThat(library.find("coding").orElseThrow().seedKinds()).containsExactly("code");
        Skill tools = library.find("tool-use").orElseThrow();
        assertThat(tools.transformations()).extracting(Transformation::name).containsExactly("api-description-list");
        assertThat(tools.taxonomy()).extracting(InstructionType::type).contains("zero-call", "single-call",
                "multi-call", "multi-turn", "missing-parameter-ask-user");
        library.all().forEach(s -> assertThat(s.refinement().goals()).as(s.name()).isNotEmpty());
    }

    @Test
    void aPromptGivenAsLinesIsJoinedWithNewLines() throws Exception {
        Skill skill = SkillReader.read(minimal().toString(), "tiny.json");

        assertThat(skill.generator().prompt()).isEqualTo("About {{content}}\nType {{type}}");
        assertThat(skill.transformation("shout").orElseThrow().isIdentity()).isFalse();
    }

    @Test
    void aMissingFieldIsNamedByItsPath() throws Exception {
        assertThat(error(s -> ((ObjectNode) s.withArray("taxonomy").get(3)).remove("type")))
                .isEqualTo("skills/tiny.json: field 'taxonomy[3].type' is missing");
        assertThat(error(s -> s.remove("response"))).isEqualTo("skills/tiny.json: field 'response' is missing");
        assertThat(error(s -> ((ObjectNode) s.get("refinement")).remove("editor")))
                .isEqualTo("skills/tiny.json: field 'refinement.editor' is missing");
        assertThat(error(s -> ((ObjectNode) s.get("generator")).put("prompt", "")))
                .contains("field 'generator.prompt' must not be empty");
    }

    @Test
    void unknownPlaceholdersAndMissingRequiredOnesAreReported() throws Exception {
        assertThat(error(s -> ((ObjectNode) s.get("generator")).put("prompt", "{{type}} about {{passage}}")))
                .startsWith("skills/tiny.json: field 'generator.prompt' uses the unknown placeholder {{passage}}")
                .contains("content", "type_description");
        assertThat(error(s -> ((ObjectNode) s.get("response")).put("system", "{{suggestion}}")))
                .startsWith("skills/tiny.json: field 'response.system' uses the unknown placeholder {{suggestion}}");
        assertThat(error(s -> ((ObjectNode) s.withArray("transformations").get(1)).put("prompt", "no seed")))
                .isEqualTo("skills/tiny.json: field 'transformations[1].prompt' must use the placeholder {{seed}}");
        assertThat(error(s -> ((ObjectNode) s.path("refinement").path("editor")).put("prompt", "{{instruction}}")))
                .contains("field 'refinement.editor.prompt' must use the placeholder {{suggestion}}");
    }

    @Test
    void duplicatesUnknownFieldsAndBadValuesAreReported() throws Exception {
        assertThat(error(s -> ((ObjectNode) s.withArray("taxonomy").get(2)).put("type", "a")))
                .isEqualTo("skills/tiny.json: field 'taxonomy[2].type' names the type 'a' a second time");
        assertThat(error(s -> ((ObjectNode) s.withArray("transformations").get(1)).put("name", "identity")))
                .contains("field 'transformations[1].name' names 'identity' a second time");
        assertThat(error(s -> s.put("taxnomy", "x"))).contains("field 'taxnomy' is not a known field");
        assertThat(error(s -> ((ArrayNode) s.withArray("seedKinds")).add("pdf")))
                .contains("field 'seedKinds[1]' must be one of [code, markdown, text]");
        assertThat(error(s -> s.putArray("taxonomy"))).contains("field 'taxonomy' must be a non-empty array");
        assertThat(error(s -> s.put("name", "Tiny Skill"))).contains("field 'name' must be lower-case");
        assertThatThrownBy(() -> SkillReader.read("{\"name\": ", "broken.json"))
                .isInstanceOf(SkillException.class).hasMessageStartingWith("broken.json: is not JSON");
    }

    @Test
    void aUserSkillFileIsAddedAndOneNamedLikeABuiltInReplacesIt() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), minimal().toString());
        ObjectNode fermi = minimal().put("name", "fermi").put("description", "my own fermi");
        Files.writeString(dir.resolve("fermi.json"), fermi.toString());

        SkillLibrary library = SkillLibrary.load(List.of(dir, dir.resolve("missing")));

        assertThat(library.all()).hasSize(7);
        assertThat(library.find("tiny")).isPresent();
        assertThat(library.find("fermi").orElseThrow().description()).isEqualTo("my own fermi");
        assertThat(library.find("fermi").orElseThrow().source()).endsWith("fermi.json");
    }

    @Test
    void theFullExampleOfTheDocumentationIsAValidSkill() throws Exception {
        String doc = Files.readString(Path.of("docs", "agentinstruct.md"));
        int format = doc.indexOf("### Format");
        int start = doc.indexOf("```json", format) + "```json".length();
        String json = doc.substring(start, doc.indexOf("```", start));

        Skill skill = SkillReader.read(json, "docs/agentinstruct.md");

        assertThat(skill.name()).isEqualTo("recipe-qa");
        assertThat(skill.taxonomy()).hasSize(3);
        assertThat(skill.transformations()).hasSize(2);
    }

    @Test
    void aBadUserFileIsReportedWithItsPath() throws Exception {
        ObjectNode bad = minimal();
        ((ObjectNode) bad.withArray("taxonomy").get(3)).remove("type");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, bad.toString());

        assertThatThrownBy(() -> SkillLibrary.load(List.of(dir))).isInstanceOf(SkillException.class)
                .hasMessage(file + ": field 'taxonomy[3].type' is missing");
    }
}
