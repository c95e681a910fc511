package dev.sift;

import dev.sift.cli.SiftCli;
import dev.sift.ui.SiftApplication;

/**
 * Starts the workbench when given no arguments (or just a {@code .sift} project file to open), and the
 * command line otherwise. Deliberately not a JavaFX {@code Application}, so that the command line
 * never loads the toolkit.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].endsWith(".sift"))) {
            SiftApplication.start(args);
        } else {
            System.exit(SiftCli.run(args));
        }
    }
}
