package dev.sift.ui.testsupport;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;

/** Opens a recipe's launch form on the Runs screen the way a curator does: the "New run" menu, then the recipe. */
public final class RunsMenu {

    private RunsMenu() {}

    /** Clicks "New run" and the menu item titled {@code title} (e.g. "Star-Agents run…"). */
    public static void openForm(FxRobot robot, String title) {
        robot.clickOn("#runs-new");
        Node item = robot.lookup((Node n) -> n instanceof Labeled l && title.equals(l.getText()) && n.isVisible())
                .query();
        robot.clickOn(item);
    }
}
