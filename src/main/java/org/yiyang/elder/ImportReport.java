package org.yiyang.elder;

import java.util.List;

/**
 * What a roster import did, row by row. Row numbers are those of the spreadsheet (the header is
 * row 1). Importing the same file again creates nothing: its rows come back
 * {@link Outcome#ALREADY_REGISTERED}.
 */
public record ImportReport(String fileName, int rows, int created, int alreadyRegistered, int rejected, List<Row> details) {

    public enum Outcome { CREATED, ALREADY_REGISTERED, REJECTED }

    /** One error of a row: the column (as in the template) and a message code with its arguments. */
    public record Problem(String column, String code, List<String> args) {
    }

    public record Row(int rowNumber, Outcome outcome, String name, Long elderId, List<Problem> problems) {
    }
}
