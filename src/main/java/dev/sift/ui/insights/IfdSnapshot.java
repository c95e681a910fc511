package dev.sift.ui.insights;

import dev.sift.core.store.ScoreGroup;
import java.util.List;

/**
 * The IFD scores of one group of a dataset as loaded off the UI thread; index {@code i} of every array is one score.
 * Arrays are owned by the snapshot and never changed after loading.
 *
 * @param groups every IFD score group of the dataset, most scores first
 * @param group the group loaded, null when the dataset has none
 * @param loss IFD loss per score, NaN when skipped
 * @param ppl IFD ppl per score, NaN when skipped or not recorded
 * @param chosen whether the score's sample is currently chosen
 * @param responseChars the scored response's length, only filled (else -1) at the plotted indices
 * @param plotted indices of the scored samples shown in the scatter, evenly spaced when capped
 * @param plottedChosen indices of the chosen scored samples shown as the "selected" series
 * @param scoredFinite how many scores are finite (scored, not skipped) in the loss variant
 * @param chosenScored how many chosen samples have a finite score
 * @param chosenInDataset how many of the dataset's samples are currently chosen
 */
record IfdSnapshot(
        List<ScoreGroup> groups, ScoreGroup group, double[] loss, double[] ppl, boolean[] chosen, int[] responseChars,
        int[] plotted, int[] plottedChosen, long scoredFinite, long chosenScored, long chosenInDataset) {

    static IfdSnapshot empty(List<ScoreGroup> groups, long chosenInDataset) {
        return new IfdSnapshot(List.copyOf(groups), null, new double[0], new double[0], new boolean[0], new int[0],
                new int[0], new int[0], 0, 0, chosenInDataset);
    }

    double[] values(IfdVariant variant) {
        return variant == IfdVariant.PPL ? ppl : loss;
    }
}
