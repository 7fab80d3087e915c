package org.yiyang.shared;

/** An amount of renminbi in fen (分), the only unit money is stored and sent in. */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    /** Yuan with two decimals, for display: 3500 → "35.00". */
    public String toYuanString() {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100);
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }
}
