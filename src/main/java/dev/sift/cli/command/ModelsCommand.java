package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.InstalledModel;
import dev.sift.core.llm.models.ModelDownloadJob;
import dev.sift.core.llm.models.ModelDownloadRequest;
import dev.sift.core.llm.models.ModelFileChoice;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.llm.models.PartialDownload;
import dev.sift.core.llm.models.RepoFile;
import dev.sift.core.llm.models.SuggestedModel;
import dev.sift.core.llm.models.SuggestedModels;
import dev.sift.core.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sift models list|suggested|files|download|delete}: the local ONNX models that Sift runs in process,
 * fetched from the Hugging Face Hub. None of these needs a project.
 */
@Command(name = "models", description = {"Local ONNX models: list, suggest, inspect, download from the Hugging Face Hub, delete.",
    "Models live in ~/.cache/sift/models (or $SIFT_MODELS_DIR). The Hub token comes from $HF_TOKEN and is never"
        + " printed; $SIFT_HUB_URL points 'files' and 'download' at a mirror."},
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Suggested.class, ModelsCommand.ListFiles.class,
            ModelsCommand.Download.class, ModelsDeleteCommand.class})
final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Installed models, and downloads that stopped part-way (run them again to resume).")
    static final class ListModels extends ModelsSubcommand {
        @Override
        int run(ProjectStore none) throws IOException {
            ModelsDirectory models = env().context().models();
            List<InstalledModel> installed = models.installed();
            List<PartialDownload> partial = models.partialDownloads();
            if (json) {
                ObjectNode result = env().json().createObjectNode().put("folder", models.root().toString());
                ArrayNode list = result.putArray("models");
                for (InstalledModel m : installed) {
                    ObjectNode node = list.addObject().put("repo", m.repoId()).put("name", m.name())
                            .put("folder", m.folder().toString()).put("sizeBytes", m.sizeBytes());
                    m.onnxFiles().forEach(node.putArray("onnx")::add);
                }
                ArrayNode partials = result.putArray("partial");
                partial.forEach(p -> partials.addObject().put("repo", p.repoId()).put("folder", p.folder().toString())
                        .put("bytesSoFar", p.bytesSoFar()).put("resumable", true));
                printResult(result);
                return ExitCodes.OK;
            }
            env().out().println("Models folder: " + models.root());
            if (installed.isEmpty() && partial.isEmpty()) {
                env().out().println("No models yet. See 'sift models suggested', then 'sift models download REPO'.");
                return ExitCodes.OK;
            }
            String row = "%-44s %10s  %s%n";
            env().out().printf(row, "REPO", "SIZE", "ONNX");
            for (InstalledModel m : installed) {
                env().out().printf(row, m.repoId(), ByteSizes.human(m.sizeBytes()), String.join(", ", m.onnxFiles()));
            }
            for (PartialDownload p : partial) {
                env().out().printf(row, p.repoId(), ByteSizes.human(p.bytesSoFar()),
                        "partial download, resumable: sift models download " + p.repoId());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "suggested", description = "Small models Sift suggests, with what each is for and roughly how big it is.")
    static final class Suggested extends ModelsSubcommand {
        static final String NOTE = "The ONNX paths follow the usual export layout but are not verified: confirm them with"
                + " 'sift models files REPO' before downloading.";

        @Override
        int run(ProjectStore none) {
            ModelsDirectory models = env().context().models();
            List<SuggestedModel> suggested = SuggestedModels.all();
            if (json) {
                ObjectNode result = env().json().createObjectNode().put("note", NOTE);
                ArrayNode list = result.putArray("models");
                for (SuggestedModel m : suggested) {
                    ObjectNode node = list.addObject().put("repo", m.repoId()).put("purpose", m.purpose())
                            .put("approxBytes", m.approxBytes()).put("status", status(models, m.repoId()));
                    m.files().forEach(node.putArray("files")::add);
                }
                printResult(result);
                return ExitCodes.OK;
            }
            for (SuggestedModel m : suggested) {
                String status = status(models, m.repoId());
                env().out().printf("%s  ~%s%s%n    %s%n    files: %s%n", m.repoId(), ByteSizes.human(m.approxBytes()),
                        status.isEmpty() ? "" : "  [" + status + "]", m.purpose(), String.join(", ", m.files()));
            }
            env().out().println();
            env().out().println(NOTE);
            return ExitCodes.OK;
        }

        private static String status(ModelsDirectory models, String repo) {
            return models.hasPartialDownload(repo) ? "partial" : models.isInstalled(repo) ? "installed" : "";
        }
    }

    @Command(name = "files", description = {"A repository's files with size and SHA-256 (given for LFS files), to pick"
        + " the ONNX export to download. '*' marks what 'sift models download REPO' fetches by default."})
    static final class ListFiles extends ModelsSubcommand.OnHub {
        @Parameters(index = "0", paramLabel = "REPO", description = "Hub repository id, e.g. onnx-community/Qwen2.5-0.5B-Instruct.")
        String repo;

        @Override
        int run(ProjectStore none) {
            checkedRepo(repo);
            List<RepoFile> listing;
            try {
                listing = hub().listFiles(repo, revision);
            } catch (IOException e) {
                return failed("cannot list the files of " + repo + " at " + revision + ": " + e.getMessage());
            }
            ModelFileChoice.Choice choice = ModelFileChoice.defaultFor(repo, listing);
            Set<String> chosen = Set.copyOf(choice.files());
            if (json) {
                ObjectNode result = env().json().createObjectNode().put("repo", repo).put("revision", revision);
                ArrayNode files = result.putArray("files");
                for (RepoFile f : listing) {
                    ObjectNode node = files.addObject().put("path", f.path()).put("size", f.size());
                    f.checksum().ifPresent(sha -> node.put("sha256", sha));
                    node.put("defaultDownload", chosen.contains(f.path()));
                }
                choice.problem().ifPresent(p -> result.put("defaultProblem", p));
                printResult(result);
                return ExitCodes.OK;
            }
            long total = 0;
            for (RepoFile f : listing) {
                env().out().printf("%s %10s  %-64s  %s%n", chosen.contains(f.path()) ? "*" : " ", ByteSizes.human(f.size()),
                        f.checksum().orElse("-"), f.path());
                total += Math.max(0, f.size());
            }
            env().out().printf("%d files, %s in all.%n", listing.size(), ByteSizes.human(total));
            env().out().println(choice.problem().orElse("Default download (*): " + String.join(", ", choice.files())
                    + ". Pick others with --file."));
            return ExitCodes.OK;
        }
    }

    @Command(name = "download", description = {"Download a model into the models folder, checking sizes and SHA-256.",
        "REPO is any Hugging Face repository (owner/name). Files: those given with --file; else, for a suggested"
            + " model, its list ('sift models suggested'); else config.json, tokenizer.json, tokenizer_config.json,"
            + " generation_config.json and one ONNX graph: onnx/model.onnx, else model.onnx, else the smallest"
            + " full-precision variant, with its external-data files (model.onnx_data). Quantised variants are never"
            + " fetched by default; name them with --file ('sift models files REPO' lists them).",
        "Ctrl-C keeps what arrived (exit 130); running the same command again resumes."})
    static final class Download extends ModelsSubcommand.OnHub {
        @Parameters(index = "0", paramLabel = "REPO", description = "Hub repository id, e.g. HuggingFaceTB/SmolLM2-135M-Instruct.")
        String repo;

        @Option(names = {"-f", "--file"}, paramLabel = "PATH",
                description = "A repository file to fetch, e.g. onnx/model.onnx; repeat for several.")
        List<String> files = new ArrayList<>();

        @Override
        int run(ProjectStore none) {
            checkedRepo(repo);
            ModelsDirectory models = env().context().models();
            if (files.isEmpty() && models.isInstalled(repo)) {
                return report(models, models.folderFor(repo), true);
            }
            HubClient hub = hub();
            ModelFileChoice.Choice choice;
            try {
                choice = chosenFiles(hub);
            } catch (IOException e) {
                return failed("cannot list the files of " + repo + " at " + revision + ": " + e.getMessage());
            }
            if (choice.problem().isPresent()) {
                return failed(choice.problem().get());
            }
            ModelDownloadRequest request;
            try {
                request = new ModelDownloadRequest(repo, revision, choice.files());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            CliJobs.Outcome<Path> outcome = jobs().run(new ModelDownloadJob(hub, models, request));
            if (outcome.exitCode() == ExitCodes.CANCELLED) {
                env().err().println("sift models download: cancelled; what arrived of " + repo
                        + " is kept: run the same command again to resume.");
                return ExitCodes.CANCELLED;
            }
            if (!outcome.ok()) {
                failed(repo + ": " + outcome.failure());
                return outcome.exitCode();
            }
            return report(models, outcome.value(), false);
        }

        /** What --file names, else the suggested list, else the default choice from the listing. */
        private ModelFileChoice.Choice chosenFiles(HubClient hub) throws IOException {
            if (!files.isEmpty()) {
                return ModelFileChoice.Choice.of(List.copyOf(new LinkedHashSet<>(files)));
            }
            Optional<SuggestedModel> suggested = SuggestedModels.all().stream()
                    .filter(m -> m.repoId().equals(repo)).findFirst();
            return suggested.isPresent() ? ModelFileChoice.Choice.of(suggested.get().files())
                    : ModelFileChoice.defaultFor(repo, hub.listFiles(repo, revision));
        }

        private int report(ModelsDirectory models, Path folder, boolean already) {
            Optional<InstalledModel> installed = models.find(repo);
            if (json) {
                ObjectNode result = env().json().createObjectNode().put("repo", repo).put("revision", revision)
                        .put("folder", folder.toString()).put("installed", installed.isPresent())
                        .put("alreadyInstalled", already);
                installed.ifPresent(m -> result.put("sizeBytes", m.sizeBytes()));
                printResult(result);
            } else if (already) {
                env().out().println(repo + " is already installed in " + folder
                        + " (name files with --file to fetch more of it).");
            } else {
                env().out().println("Downloaded " + repo + " to " + folder
                        + installed.map(m -> " (" + ByteSizes.human(m.sizeBytes()) + ")").orElse(""));
            }
            if (installed.isEmpty()) {
                env().err().println("note: " + folder + " lacks tokenizer.json or an ONNX graph, so it is not"
                        + " listed as an installed model yet.");
            }
            return ExitCodes.OK;
        }
    }
}
