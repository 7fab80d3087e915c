package org.yiyang.provider.internal;

import java.math.BigDecimal;
import org.yiyang.shared.InvalidValueException;
import org.yiyang.shared.Money;

/**
 * Prices as people type them: yuan with at most two decimals ("35", "35.5", "35.50", "35.50 元"),
 * converted to fen exactly with decimal arithmetic, never through a double.
 */
public final class ServiceItemPrice {

    /** The highest price a catalogue item may have: 100,000 yuan. */
    public static final long MAX_FEN = 10_000_000L;

    private ServiceItemPrice() {
    }

    /** "35.5" → 3550 fen. Rejects blanks, signs, exponents, more than two decimals, and amounts over the maximum. */
    public static Money parseYuan(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("service-item.price-required", "");
        }
        String s = text.strip().replace("元", "").replace("¥", "").replace("￥", "").strip();
        if (!s.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw new InvalidValueException("service-item.price-invalid", text);
        }
        long fen = new BigDecimal(s).movePointRight(2).longValueExact();
        return ofFen(fen, text);
    }

    /** Checks an amount given in fen (the API's unit). */
    public static Money ofFen(long fen, Object rejected) {
        if (fen < 0 || fen > MAX_FEN) {
            throw new InvalidValueException("service-item.price-invalid", String.valueOf(rejected));
        }
        return Money.ofFen(fen);
    }
}
