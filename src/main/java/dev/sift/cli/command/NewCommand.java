package dev.sift.cli.command;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "new", description = "Create an empty project file.")
final class NewCommand extends ProjectCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The project to create (or use --project).")
    Path file;

    @Override
    ProjectStore openProject() throws StoreException {
        return SqliteProjectStore.create(project);
    }

    @Override
    int run(ProjectStore store) {
        if (json) {
            printResult(env().json().createObjectNode().put("project", store.file().toString()));
        } else {
            env().out().println("Created project " + store.file());
        }
        return ok();
    }

    @Override
    void beforeOpen() {
        if (file != null) {
            project = file;
        }
    }
}
