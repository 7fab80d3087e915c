package org.yiyang.shared;

/** Paging asked for by a caller: page from 0, size 1–500 (default 50). */
public record PageQuery(int page, int size) {

    public PageQuery {
        if (page < 0) throw new InvalidValueException("page.invalid", String.valueOf(page));
        if (size < 1 || size > PageResult.MAX_SIZE) throw new InvalidValueException("page.size.invalid", String.valueOf(size));
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? 50 : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
