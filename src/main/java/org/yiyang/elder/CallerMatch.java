package org.yiyang.elder;

/**
 * An elder a caller's number belongs to: the elder's own number ({@code contactName} null) or one
 * of their contacts' (a child calling for a parent), for the hotline operator.
 */
public record CallerMatch(long elderId, String contactName, String contactRelation) {

    public boolean elderThemself() {
        return contactName == null;
    }
}
