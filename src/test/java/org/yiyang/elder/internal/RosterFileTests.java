package org.yiyang.elder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.InputRejectedException;

class RosterFileTests {

    @Test
    void aCsvWithBomQuotesAndCrlfIsRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "姓名,详细地址\r\n王秀英,\"幸福路12号, 3栋\"\r\n\r\n\"李\"\"四\",人民路1号\r\n";
        byte[] content = concat(bom, text.getBytes(StandardCharsets.UTF_8));
        List<RosterFile.Line> lines = RosterFile.read("名单.csv", content);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).cells()).containsExactly("姓名", "详细地址");
        assertThat(lines.get(1).cells()).containsExactly("王秀英", "幸福路12号, 3栋");
        assertThat(lines.get(2).number()).isEqualTo(4);
        assertThat(lines.get(2).cells()).containsExactly("李\"四", "人民路1号");
    }

    @Test
    void aGbkCsvIsRecognised() {
        byte[] content = "姓名,详细地址\n张三,幸福路\n".getBytes(Charset.forName("GBK"));
        List<RosterFile.Line> lines = RosterFile.read("roster.csv", content);
        assertThat(lines.get(1).cells()).containsExactly("张三", "幸福路");
    }

    @Test
    void emptyBinaryAndOldExcelFilesAreRefused() {
        assertThatThrownBy(() -> RosterFile.read("a.csv", new byte[0])).isInstanceOf(InputRejectedException.class)
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.empty"));
        assertThatThrownBy(() -> RosterFile.read("a.csv", "姓名\n".getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.empty"));
        assertThatThrownBy(() -> RosterFile.read("a.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.unsupported-type"));
        assertThatThrownBy(() -> RosterFile.read("a.xlsx", "not a zip".getBytes(StandardCharsets.US_ASCII)))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.unreadable"));
        assertThatThrownBy(() -> RosterFile.read("a.xlsx", new byte[]{'P', 'K', 3, 4, 9, 9, 9, 9}))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.unreadable"));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> RosterFile.read("a.xls", ole2))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.old-excel"));
    }

    @Test
    void tooBigAndTooLongFilesAreRefused() {
        assertThatThrownBy(() -> RosterFile.read("a.csv", new byte[RosterFile.MAX_BYTES + 1]))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.too-big"));
        StringBuilder sb = new StringBuilder("姓名\n");
        for (int i = 0; i <= RosterFile.MAX_ROWS; i++) {
            sb.append("x").append(i).append('\n');
        }
        assertThatThrownBy(() -> RosterFile.read("a.csv", sb.toString().getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((InputRejectedException) e).violations().getFirst().code()).isEqualTo("elder.import.too-many-rows"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
