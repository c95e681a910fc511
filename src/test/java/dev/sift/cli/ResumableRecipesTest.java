package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.Recipes;
import dev.sift.app.ResumableRecipe;
import dev.sift.app.SiftContext;
import dev.sift.cli.command.SiftCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sift runs resume} hands a resumable recipe's run to {@code sift run <recipe> --resume}: that must exist. */
class ResumableRecipesTest {

    @Test
    void everyResumableRecipeHasARunSubcommandOfItsNameThatResumes(@TempDir Path home) {
        try (SiftContext context = new SiftContext(home)) {
            var out = new PrintStream(new ByteArrayOutputStream());
            var cli = new CommandLine(new SiftCommand(new CliEnvironment(context, out, out, false)));
            CommandLine run = cli.getSubcommands().get("run");
            assertThat(Recipes.resumable()).isNotEmpty();
            for (ResumableRecipe recipe : Recipes.resumable()) {
                assertThat(run.getSubcommands()).as("sift run " + recipe.recipe()).containsKey(recipe.recipe());
                assertThat(run.getSubcommands().get(recipe.recipe()).getCommandSpec().findOption("--resume"))
                        .as("sift run " + recipe.recipe() + " --resume").isNotNull();
                assertThat(Recipes.resumable(recipe.recipe())).contains(recipe);
            }
        }
        assertThat(Recipes.resumable("score-ifd")).isEmpty();
    }
}
