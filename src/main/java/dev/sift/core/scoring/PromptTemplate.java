package dev.sift.core.scoring;

/**
 * The prompt formats used when scoring (ALGORITHMS.md §0.4). The formatted prompt ends with the response header and
 * no trailing newline: the response is appended directly.
 */
public enum PromptTemplate {

    /** Stanford Alpaca, with and without an input block. */
    ALPACA("### Response:") {
        @Override
        String formatNoInput(String instruction) {
            return "Below is an instruction that describes a task. "
                    + "Write a response that appropriately completes the request.\n\n"
                    + "### Instruction:\n" + instruction + "\n\n### Response:";
        }

        @Override
        String formatWithInput(String instruction, String input) {
            return "Below is an instruction that describes a task, paired with an input that provides further "
                    + "context. Write a response that appropriately completes the request.\n\n"
                    + "### Instruction:\n" + instruction + "\n\n### Input:\n" + input + "\n\n### Response:";
        }
    },

    /** WizardLM: the instruction, then the response header. */
    WIZ("### Response:") {
        @Override
        String formatNoInput(String instruction) {
            return instruction + "\n\n### Response:";
        }

        @Override
        String formatWithInput(String instruction, String input) {
            return instruction + "\n" + input + "\n\n### Response:";
        }
    },

    /** WizardLM as Cherry v1's scoring script builds it: the input follows {@code "\nInput:"}. */
    WIZ_CHERRY_V1("### Response:") {
        @Override
        String formatNoInput(String instruction) {
            return WIZ.formatNoInput(instruction);
        }

        @Override
        String formatWithInput(String instruction, String input) {
            return instruction + "\nInput:" + input + "\n\n### Response:";
        }
    },

    /** Vicuna v1.1: the system line, then {@code USER: ... ASSISTANT:}. */
    VICUNA("ASSISTANT:") {
        @Override
        String formatNoInput(String instruction) {
            return VICUNA_SYSTEM + " USER: " + instruction + " ASSISTANT:";
        }

        @Override
        String formatWithInput(String instruction, String input) {
            return VICUNA_SYSTEM + " USER: " + instruction + "\nInput:\n" + input + " ASSISTANT:";
        }
    },

    /** No template (Superfiltering with GPT-2): the instruction and input, each followed by a newline. */
    NONE("") {
        @Override
        String formatNoInput(String instruction) {
            return instruction + "\n";
        }

        @Override
        String formatWithInput(String instruction, String input) {
            return instruction + "\n" + input + "\n";
        }
    };

    static final String VICUNA_SYSTEM = "A chat between a curious user and an artificial intelligence assistant. "
            + "The assistant gives helpful, detailed, and polite answers to the user's questions.";

    private final String responseHeader;

    PromptTemplate(String responseHeader) {
        this.responseHeader = responseHeader;
    }

    /** The formatted prompt; an empty or null {@code input} selects the no-input form. */
    public String format(String instruction, String input) {
        return input == null || input.isEmpty() ? formatNoInput(instruction) : formatWithInput(instruction, input);
    }

    /**
     * The header that Cherry v1 puts before the response in its "direct" text: {@code "### Response:"} for the
     * Alpaca and WizardLM templates, {@code "ASSISTANT:"} for Vicuna, empty for {@link #NONE}.
     */
    public String responseHeader() {
        return responseHeader;
    }

    abstract String formatNoInput(String instruction);

    abstract String formatWithInput(String instruction, String input);
}
