package io.verbatim.report;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The look our PDFs share (A4, Helvetica, headings, key/value and column tables, "page n of m" and a footer line on
 * every page), so the recording report and the action-log export read alike.
 */
final class PdfLayout implements AutoCloseable {

    private final Document document;
    private final PdfFont regular;
    private final PdfFont bold;
    private final String footer;

    PdfLayout(OutputStream out, String title, String footer) {
        PdfDocument pdf = new PdfDocument(new PdfWriter(out));
        pdf.getDocumentInfo().setTitle(title).setCreator("Verbatim");
        document = new Document(pdf, PageSize.A4, false); // pages stay open until close(), for "page n of m"
        document.setMargins(48, 40, 56, 40);
        try {
            regular = PdfFontFactory.createFont(StandardFonts.HELVETICA);
            bold = PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD);
        } catch (IOException e) {
            throw new UncheckedIOException("the standard PDF fonts are built into iText", e);
        }
        document.setFont(regular).setFontSize(9);
        this.footer = footer;
        document.add(new Paragraph(title).setFont(bold).setFontSize(16).setMarginBottom(2));
    }

    void subtitle(String text) {
        document.add(new Paragraph(text).setFontSize(10).setMarginTop(0));
    }

    void heading(String text) {
        document.add(new Paragraph(text).setFont(bold).setFontSize(12).setMarginTop(14).setMarginBottom(4));
    }

    void text(String text) {
        document.add(new Paragraph(text));
    }

    /** Rows of a name and its value. */
    void facts(String[][] rows) {
        Table table = new Table(UnitValue.createPercentArray(new float[] {1, 3})).useAllAvailableWidth();
        for (String[] row : rows) {
            table.addCell(cell(row[0]).setFont(bold));
            table.addCell(cell(row[1]));
        }
        document.add(table);
    }

    /** A table with a header row repeated on every page it runs over. */
    Table columns(float[] widths, String... headers) {
        Table table = new Table(UnitValue.createPercentArray(widths)).useAllAvailableWidth();
        for (String header : headers) {
            table.addHeaderCell(cell(header).setFont(bold));
        }
        return table;
    }

    void add(Table table) {
        document.add(table);
    }

    static Cell cell(String text) {
        return new Cell().add(new Paragraph(text == null ? "" : text)).setPadding(3);
    }

    @Override
    public void close() {
        int pages = document.getPdfDocument().getNumberOfPages();
        for (int page = 1; page <= pages; page++) {
            float x = document.getPdfDocument().getPage(page).getPageSize().getWidth() / 2;
            document.showTextAligned(new Paragraph(footer + "  ·  page " + page + " of " + pages).setFontSize(7),
                    x, 28, page, TextAlignment.CENTER, VerticalAlignment.BOTTOM, 0);
        }
        document.close();
    }
}
