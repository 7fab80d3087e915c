package org.yiyang.elder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameGramsTests {

    @Test
    void aNameYieldsItsOneAndTwoCharacterPieces() {
        assertThat(NameGrams.of("王秀英")).containsExactly("王", "王秀", "秀", "秀英", "英");
        assertThat(NameGrams.of("欧阳 修")).containsExactly("欧", "欧阳", "阳", "阳修", "修");
    }

    @Test
    void onlyOneOrTwoCharacterQueriesUseThePieces() {
        assertThat(NameGrams.isShort("王")).isTrue();
        assertThat(NameGrams.isShort("秀英")).isTrue();
        assertThat(NameGrams.isShort("王秀英")).isFalse();
        assertThat(NameGrams.isShort("王 ")).isFalse();
    }
}
