package org.yiyang.assessment;

/**
 * One dimension's score. {@code score} is null until every item of the dimension is answered: a
 * missing item is never counted as 0.
 */
public record DimensionScore(Dimension dimension, Integer score, int max, int answered, int items) {

    public boolean complete() {
        return answered == items;
    }
}
