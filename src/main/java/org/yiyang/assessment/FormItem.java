package org.yiyang.assessment;

import java.util.stream.IntStream;

/**
 * One second-level indicator (二级指标) of Annex B: its code (B.1.1 … B.4.5), dimension and highest
 * score. Its options are every whole score from {@code maxScore} down to 0; the option texts are
 * the standard's wording, kept in the message bundles under {@link #optionKey(int)}.
 */
public record FormItem(String code, Dimension dimension, int maxScore) {

    /** The scores of the options, highest (most capable) first. */
    public int[] scores() {
        return IntStream.iterate(maxScore, s -> s >= 0, s -> s - 1).toArray();
    }

    public boolean accepts(int score) {
        return score >= 0 && score <= maxScore;
    }

    /** The item's name, e.g. 进食. */
    public String nameKey() {
        return "assessment.item." + code;
    }

    /** What the item covers, e.g. 使用适当的器具将食物送入口中并咽下. */
    public String descriptionKey() {
        return "assessment.item." + code + ".about";
    }

    public String optionKey(int score) {
        return "assessment.option." + code + "." + score;
    }
}
