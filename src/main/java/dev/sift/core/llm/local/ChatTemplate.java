package dev.sift.core.llm.local;

import dev.sift.core.model.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prompt formats of the common instruction-tuned model families, written in Java so that no Jinja
 * engine is needed. Each renders a conversation the way the family's published template does (Hugging
 * Face {@code chat_template} for CHATML, LLAMA3, MISTRAL, PHI3 and GEMMA; FastChat's conventions for
 * VICUNA and ALPACA). Family-specific default system prompts (Qwen's "You are Qwen…") are not injected.
 *
 * <p>A literal beginning-of-sequence token is part of the text where the family's template writes
 * {@code bos_token} with a fixed spelling (LLAMA3, MISTRAL, GEMMA); the tokenizer maps it to its id. Where
 * the family has no fixed spelling (VICUNA, ALPACA, PLAIN), {@link #prependsBosId()} tells the caller to
 * put the model's own BOS id in front of the encoded text.
 *
 * <p>Roles are {@link Message}'s. Families without a tool role render tool messages as user turns; those
 * without a system role fold the system prompt into the first user turn.
 */
public enum ChatTemplate {

    /** Qwen2.5, SmolLM2 and others: {@code <|im_start|>role\n…<|im_end|>\n}. */
    CHATML(false) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder();
            for (Message m : messages) {
                out.append("<|im_start|>").append(m.role()).append('\n').append(m.content()).append("<|im_end|>\n");
            }
            return addGenerationPrompt ? out.append("<|im_start|>assistant\n").toString() : out.toString();
        }
    },

    /** Llama 3.x: header ids around the role, {@code <|eot_id|>} after each trimmed turn. */
    LLAMA3(false) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder("<|begin_of_text|>");
            for (Message m : messages) {
                String role = m.role().equals(Message.TOOL) ? "ipython" : m.role();
                out.append(header(role)).append(m.content().strip()).append("<|eot_id|>");
            }
            return addGenerationPrompt ? out.append(header(Message.ASSISTANT)).toString() : out.toString();
        }

        private String header(String role) {
            return "<|start_header_id|>" + role + "<|end_header_id|>\n\n";
        }
    },

    /**
     * Mistral 7B Instruct (v0.1/v0.2): {@code <s>[INST] … [/INST]answer</s>}, the system prompt folded into
     * the first user turn. The {@code [/INST]} already asks for the answer, so the generation prompt adds
     * nothing.
     */
    MISTRAL(false) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder("<s>");
            for (Message m : foldSystem(messages)) {
                if (m.role().equals(Message.ASSISTANT)) {
                    out.append(m.content()).append("</s>");
                } else {
                    out.append("[INST] ").append(m.content()).append(" [/INST]");
                }
            }
            return out.toString();
        }
    },

    /** Phi-3 and Phi-3.5: {@code <|role|>\n…<|end|>\n}. */
    PHI3(false) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder();
            for (Message m : messages) {
                String role = m.role().equals(Message.TOOL) ? Message.USER : m.role();
                out.append("<|").append(role).append("|>\n").append(m.content()).append("<|end|>\n");
            }
            return addGenerationPrompt ? out.append("<|assistant|>\n").toString() : out.toString();
        }
    },

    /** Gemma 1–3: {@code <start_of_turn>user|model\n…<end_of_turn>\n}, system folded into the first user turn. */
    GEMMA(false) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder("<bos>");
            for (Message m : foldSystem(messages)) {
                String role = m.role().equals(Message.ASSISTANT) ? "model" : Message.USER;
                out.append("<start_of_turn>").append(role).append('\n').append(m.content().strip())
                        .append("<end_of_turn>\n");
            }
            return addGenerationPrompt ? out.append("<start_of_turn>model\n").toString() : out.toString();
        }
    },

    /** Vicuna v1.1 (FastChat): a system line, then {@code USER: … ASSISTANT: …</s>}. */
    VICUNA(true) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder(systemOr(messages, VICUNA_SYSTEM)).append(' ');
            for (Message m : withoutSystem(messages)) {
                if (m.role().equals(Message.ASSISTANT)) {
                    out.append("ASSISTANT: ").append(m.content()).append("</s>");
                } else {
                    out.append("USER: ").append(m.content()).append(' ');
                }
            }
            return addGenerationPrompt ? out.append("ASSISTANT:").toString() : out.toString();
        }
    },

    /** Stanford Alpaca: a preamble, then {@code ### Instruction:} and {@code ### Response:} blocks. */
    ALPACA(true) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            StringBuilder out = new StringBuilder(systemOr(messages, ALPACA_SYSTEM)).append("\n\n");
            for (Message m : withoutSystem(messages)) {
                String heading = m.role().equals(Message.ASSISTANT) ? "### Response:\n" : "### Instruction:\n";
                out.append(heading).append(m.content()).append("\n\n");
            }
            return addGenerationPrompt ? out.append("### Response:\n").toString() : out.toString();
        }
    },

    /** No template, for base models: the contents joined by blank lines, roles dropped. */
    PLAIN(true) {
        @Override
        String body(List<Message> messages, boolean addGenerationPrompt) {
            return messages.stream().map(Message::content).collect(Collectors.joining("\n\n"));
        }
    };

    static final String VICUNA_SYSTEM = "A chat between a curious user and an artificial intelligence assistant. "
            + "The assistant gives helpful, detailed, and polite answers to the user's questions.";
    static final String ALPACA_SYSTEM = "Below is an instruction that describes a task. "
            + "Write a response that appropriately completes the request.";

    private final boolean prependsBosId;

    ChatTemplate(boolean prependsBosId) {
        this.prependsBosId = prependsBosId;
    }

    /**
     * The prompt text of {@code messages}.
     *
     * @param addGenerationPrompt end with the opening of an assistant turn, so the model answers next
     * @throws IllegalArgumentException when there are no messages
     */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat template needs at least one message");
        }
        return body(messages, addGenerationPrompt);
    }

    /** Whether the caller puts the model's BOS id before the encoded text (it is not written in the text). */
    public boolean prependsBosId() {
        return prependsBosId;
    }

    /** The lower-case name users type, e.g. {@code chatml}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The template named {@code name}, ignoring case. */
    public static Optional<ChatTemplate> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names users may choose from, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(ChatTemplate::id).collect(Collectors.joining(", "));
    }

    abstract String body(List<Message> messages, boolean addGenerationPrompt);

    private static String systemOr(List<Message> messages, String fallback) {
        return messages.get(0).role().equals(Message.SYSTEM) ? messages.get(0).content() : fallback;
    }

    private static List<Message> withoutSystem(List<Message> messages) {
        return messages.get(0).role().equals(Message.SYSTEM) ? messages.subList(1, messages.size()) : messages;
    }

    /** Folds a leading system prompt into the first user turn, separated by a blank line. */
    private static List<Message> foldSystem(List<Message> messages) {
        if (!messages.get(0).role().equals(Message.SYSTEM)) {
            return messages;
        }
        String system = messages.get(0).content();
        List<Message> out = new ArrayList<>(messages.subList(1, messages.size()));
        if (out.isEmpty() || out.get(0).role().equals(Message.ASSISTANT)) {
            out.add(0, new Message(Message.USER, system));
        } else {
            out.set(0, new Message(out.get(0).role(), system + "\n\n" + out.get(0).content()));
        }
        return out;
    }
}
