package dev.sift.cli.command;

import dev.sift.cli.ExitCodes;
import dev.sift.core.judge.Grade;
import dev.sift.core.judge.JudgePrompts;
import dev.sift.core.judge.LlmJudge;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.model.Agent;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift judge grade}: one answer graded 1–10 by a judge agent, with its rationale. */
@Command(name = "grade", description = {
    "Grade one answer from 1 to 10 with an agent as the judge (temperature 0), and print the score and rationale.",
    "A reply without 'Rating: [[N]]' is re-asked once for the rating alone; if that fails too the",
    "answer is reported as unparsed (exit 1), never given a guessed score. The call goes to the call log."})
final class JudgeGradeCommand extends ProjectCommand {

    @Option(names = "--agent", required = true, paramLabel = "NAME", description = "The agent that judges.")
    String agentName;

    @Option(names = "--question", required = true, paramLabel = "TEXT", description = "The question (instruction).")
    String question;

    @Option(names = "--answer", required = true, paramLabel = "TEXT", description = "The answer to grade.")
    String answer;

    @Option(names = "--prompts", paramLabel = "FILE",
            description = "Judge prompts as JSON, shaped like the shipped judge-prompts.json (default: built in).")
    Path promptsFile;

    @Override
    int run(ProjectStore store) throws Exception {
        Agent agent = store.agents().findByName(agentName).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "No agent '" + agentName + "'"));
        JudgePrompts prompts = promptsFile == null ? JudgePrompts.defaults() : JudgePrompts.read(promptsFile);
        LlmClient client = env().context().llm().forAgent(store, agent, 0, CacheMode.OFF,
                Budget.unlimited(new CostMeter()));
        LlmJudge judge = new LlmJudge(client, agent.model(), ChatParametersJson.fromJson(agent.parametersJson()), prompts);
        Grade grade = judge.grade(question, answer);
        if (json) {
            var node = env().json().createObjectNode().put("kind", "judge-grade").put("agent", agent.name())
                    .put("unparsed", grade.unparsed()).put("rationale", grade.rationale())
                    .put("raw", grade.rawOutput()).put("repair", grade.repairOutput())
                    .put("promptHash", grade.promptHash());
            if (grade.unparsed()) {
                node.putNull("score");
            } else {
                node.put("score", grade.score().getAsDouble());
            }
            printResult(node);
        } else if (grade.unparsed()) {
            env().out().println("Score: unparsed (the judge gave no rating in the required form, even when asked again)");
            env().out().println(grade.rawOutput());
        } else {
            env().out().printf(Locale.ROOT, "Score: %s%n", formatted(grade.score().getAsDouble()));
            env().out().println(grade.rationale());
        }
        return grade.unparsed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static String formatted(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }
}
