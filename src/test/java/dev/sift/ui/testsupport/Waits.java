package dev.sift.ui.testsupport;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests for what the workbench does off the UI thread. */
public final class Waits {

    private Waits() {}

    /** Waits up to 20 seconds for {@code condition}, then for the UI events it caused. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
