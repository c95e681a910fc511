package dev.sift.cli.command;

import dev.sift.core.model.Dataset;
import dev.sift.core.review.ReviewFilter;
import dev.sift.core.review.ReviewFilterParser;
import dev.sift.core.review.ReviewSelection;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of commands over the review rows: one dataset or all, and a filter in the review's language. */
abstract class ReviewScopeCommand extends ProjectCommand {

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|ID", description = "One dataset. Default: every dataset.")
    String dataset;

    /** The --filter text, empty for every row. */
    abstract String filterExpression();

    /** Parses --filter before the project is opened, so a bad one fails as a usage error naming the condition. */
    ReviewFilter filter() {
        String expression = filterExpression();
        if (expression == null || expression.isBlank()) {
            return ReviewFilter.all();
        }
        try {
            return ReviewFilterParser.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    void beforeOpen() {
        filter();
    }

    /** The rows of the chosen datasets that pass the filter. */
    ReviewSelection select(ProjectStore store) throws StoreException {
        long[] ids = dataset == null
                ? store.datasets().list().stream().mapToLong(Dataset::id).toArray()
                : new long[] {dataset(store, dataset).id()};
        return ReviewSelection.load(store, ids, filter());
    }

    /** The datasets in words, for headers. */
    String scopeWords() {
        return dataset == null ? "all datasets" : "dataset " + dataset;
    }
}
