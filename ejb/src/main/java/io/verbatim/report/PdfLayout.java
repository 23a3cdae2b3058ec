package io.verbatim.report;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Canvas;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * The look our PDFs share (A4, Liberation Sans with fallbacks for Arabic, Hebrew and CJK, headings, key/value and
 * column tables, "page n of m" and a footer line on every page), so the recording report and the action-log export
 * read alike.
 */
final class PdfLayout implements AutoCloseable {

    private final Document document;
    private final PdfFont bold;
    private final String footer;

    private final boolean numberAtClose;

    /** A PDF numbered when closed: its pages stay in memory until then (fine for a report of a few pages). */
    PdfLayout(OutputStream out, String title, String footer) {
        this(out, title, footer, true);
    }

    /**
     * {@code numberAtClose} false: pages are written out as they fill, so memory stays flat however long the document;
     * {@link #numberPages} numbers them afterwards.
     */
    PdfLayout(OutputStream out, String title, String footer, boolean numberAtClose) {
        PdfDocument pdf = new PdfDocument(new PdfWriter(out));
        pdf.getDocumentInfo().setTitle(title).setCreator("Verbatim");
        this.numberAtClose = numberAtClose;
        document = new Document(pdf, PageSize.A4, !numberAtClose);
        document.setMargins(48, 40, 56, 40);
        bold = font(BOLD);
        // a provider per document: the fonts it makes belong to one; the set they come from is shared
        document.setFontProvider(new FontProvider(TEXT_FONTS, REGULAR_FAMILY));
        document.setFontFamily(REGULAR_FAMILY, RIGHT_TO_LEFT_FAMILY, FALLBACK_FAMILY).setFontSize(9);
        this.footer = footer;
        document.add(paragraph(title).setFont(bold).setFontSize(16).setMarginBottom(2));
    }

    void subtitle(String text) {
        document.add(paragraph(text).setFontSize(10).setMarginTop(0));
    }

    void heading(String text) {
        document.add(paragraph(text).setFont(bold).setFontSize(12).setMarginTop(14).setMarginBottom(4));
    }

    void text(String text) {
        document.add(paragraph(text));
    }

    /** Every paragraph of ours: text in any script, right-to-left ones included, reads as written. */
    private static Paragraph paragraph(String text) {
        return RightToLeftText.paragraph(text == null ? "" : text, RIGHT_TO_LEFT_FAMILY, REGULAR_FAMILY, FALLBACK_FAMILY);
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

    /** A table written out as rows are added ({@link Table#flush()}), for tables of any length; finish with {@link Table#complete()}. */
    Table growingColumns(float[] widths, String... headers) {
        Table table = new Table(UnitValue.createPercentArray(widths), true).useAllAvailableWidth();
        for (String header : headers) {
            table.addHeaderCell(cell(header).setFont(bold));
        }
        document.add(table);
        return table;
    }

    void add(Table table) {
        document.add(table);
    }

    static Cell cell(String text) {
        return new Cell().add(paragraph(text)).setPadding(3);
    }

    @Override
    public void close() {
        if (numberAtClose) {
            int pages = document.getPdfDocument().getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                float x = document.getPdfDocument().getPage(page).getPageSize().getWidth() / 2;
                document.showTextAligned(footerLine(footer, page, pages), x, 28, page, TextAlignment.CENTER, VerticalAlignment.BOTTOM, 0);
            }
        }
        document.close();
    }

    /*
     * Liberation Sans (metrically Helvetica's twin, so layouts keep their look) covers Latin, Greek and Cyrillic,
     * where the PDF standard fonts silently leave out every letter beyond Western European ones. Embedded as a
     * subset of the glyphs a document uses, it adds a few kilobytes to it.
     */
    private static final byte[] REGULAR = fontFile("LiberationSans-Regular.ttf");
    private static final byte[] BOLD = fontFile("LiberationSans-Bold.ttf");
    private static final String REGULAR_FAMILY = "Liberation Sans";

    /*
     * Letters Liberation Sans lacks (Chinese, Japanese, Korean: names and notes may be written in them) come from Droid
     * Sans Fallback, glyph by glyph, through iText's font provider. It is Debian's fonts-droid-fallback, which the run
     * and test scripts and the container image install. Without it such letters are left out and the log says so.
     * Labels and headings are our own English, in bold Liberation Sans.
     */
    static final List<Path> FALLBACKS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), // more Han, no Hangul
            Path.of("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf")); // Hangul too
    private static final String FALLBACK_FAMILY = "Droid Sans Fallback";

    /*
     * Arabic (with the joined forms RightToLeftText writes) and Hebrew letters come from DejaVu Sans (a free licence
     * of its own, Bitstream Vera's), Debian's fonts-dejavu-core, installed as the font above is.
     */
    static final Path RIGHT_TO_LEFT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final String RIGHT_TO_LEFT_FAMILY = "DejaVu Sans";
    private static final FontSet TEXT_FONTS = textFonts();

    private static FontSet textFonts() {
        FontSet fonts = new FontSet();
        fonts.addFont(REGULAR, PdfEncodings.IDENTITY_H);
        if (Files.isReadable(RIGHT_TO_LEFT)) {
            fonts.addFont(RIGHT_TO_LEFT.toString(), PdfEncodings.IDENTITY_H);
        } else {
            Logger.getLogger(PdfLayout.class.getName()).warning("PDFs will leave out Arabic and Hebrew letters: "
                    + RIGHT_TO_LEFT + " is missing (Debian package fonts-dejavu-core)");
        }
        for (Path fallback : FALLBACKS) {
            if (Files.isReadable(fallback)) {
                fonts.addFont(fallback.toString(), PdfEncodings.IDENTITY_H);
            } else {
                Logger.getLogger(PdfLayout.class.getName()).warning("PDFs will leave out some Chinese, Japanese or Korean"
                        + " letters: " + fallback + " is missing (Debian package fonts-droid-fallback)");
            }
        }
        return fonts;
    }

    private static byte[] fontFile(String name) {
        try (InputStream in = PdfLayout.class.getClassLoader().getResourceAsStream("liberation/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfFont font(byte[] file) {
        try {
            return PdfFontFactory.createFont(file, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("the font file is read already; only a damaged one fails here", e);
        }
    }

    private static Paragraph footerLine(String footer, int page, int pages) {
        // centred whatever script it starts in: placed by showTextAligned, a paragraph aligned to a side would go to
        // that side of the unbounded box it is laid out in, off the page
        return paragraph(footer + "  ·  page " + page + " of " + pages).setFontSize(7).setTextAlignment(TextAlignment.CENTER);
    }

    /** Copies a PDF adding the footer and "page n of m" to every page, one page in memory at a time. */
    static void numberPages(Path in, Path out, String footer) throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(in.toFile()), new PdfWriter(out.toFile()))) {
            FontProvider fonts = new FontProvider(TEXT_FONTS, REGULAR_FAMILY); // a name in the footer may be in any script
            int pages = pdf.getNumberOfPages();
            for (int n = 1; n <= pages; n++) {
                PdfPage page = pdf.getPage(n);
                try (Canvas canvas = new Canvas(new PdfCanvas(page), page.getPageSize())) {
                    canvas.setFontProvider(fonts);
                    canvas.setFontFamily(REGULAR_FAMILY, RIGHT_TO_LEFT_FAMILY, FALLBACK_FAMILY);
                    canvas.showTextAligned(footerLine(footer, n, pages), page.getPageSize().getWidth() / 2, 28,
                            TextAlignment.CENTER, VerticalAlignment.BOTTOM);
                }
                page.flush();
            }
        }
    }
}
