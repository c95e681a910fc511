package dev.sift.core.pipeline;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.SampleContent;

/**
 * One allowed agent pair of a run with its clients: the instruction agent rewrites the seed instruction (unless the
 * pair is response-only, whose rewriter is the identity) and the response agent answers the result. Requests are
 * built as generate-responses builds them: the agent's system prompt, model and parameters, the run's seed when the
 * parameters have none.
 */
record StarAgentsPair(AgentPair pair, Agent rewriter, LlmClient rewriterClient, Agent responder,
        LlmClient responderClient, boolean responseOnly, long seed) {

    long id() {
        return pair.id();
    }

    String name() {
        return pair.name();
    }

    /** The rewritten instruction: the seed's own for a response-only pair. */
    String rewrite(String instruction) throws LlmException {
        if (responseOnly) {
            return instruction;
        }
        return ask(rewriter, rewriterClient, SampleContent.single(instruction, "", "")).trim();
    }

    /** The response agent's answer to an instruction and input. */
    String respond(String instruction, String input) throws LlmException {
        return ask(responder, responderClient, SampleContent.single(instruction, input, ""));
    }

    private String ask(Agent agent, LlmClient client, SampleContent content) throws LlmException {
        ChatParameters p = ChatParametersJson.fromJson(agent.parametersJson());
        ChatParameters parameters = p.seed().isPresent() ? p : p.withSeed(seed);
        var spec = new GenerateResponsesSpec(agent.model(), agent.systemPrompt(), parameters, pair.id());
        return client.chat(GenerateResponsesJob.request(spec, parameters, content)).text();
    }
}
