package dev.sift.ui.runs;

import java.util.List;

/** The recipes the Runs screen launches, in the order of its "New run" menu. A recipe joins by adding its form here. */
final class LaunchForms {

    private static final List<LaunchForm.Factory> ALL = List.of(
            StarAgentsLaunchForm::new, ReflectionLaunchForm::new, AgentInstructLaunchForm::new);

    private LaunchForms() {}

    static List<LaunchForm.Factory> all() {
        return ALL;
    }
}
