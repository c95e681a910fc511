package dev.sift.ui.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX test of the real workbench: the test's {@code @Start} method opens {@link #opened}, which is closed after
 * each test, then whatever the test asked to {@linkplain #closeAfter close after it} (a loopback server).
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WorkbenchTest {

    /** The workbench under test, opened by the test's {@code @Start} method. */
    protected TestWorkbench opened;

    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Closes {@code resource} once the test is over, after the workbench. */
    protected final <T extends AutoCloseable> T closeAfter(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    final void closeWorkbench(FxRobot robot) throws Exception {
        opened.close(robot);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        resources.clear();
    }
}
