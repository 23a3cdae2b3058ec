package io.verbatim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names and notes in our PDFs come from PBXs and users anywhere: a compliance document must show them as they are,
 * not with letters silently left out (the PDF standard fonts only know Western European letters).
 */
class PdfLayoutTest {

    static final String NAMES = "Łukasz Żółć, Ελένη Παπαδοπούλου, Дмитрий Иванов, Jürgen Müller, Čedomir Šarić";

    @TempDir
    Path dir;

    @Test
    void namesInAnyEuropeanScriptAreWrittenAsTheyAre() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfLayout pdf = new PdfLayout(out, "Recording of " + NAMES, "footer " + NAMES)) {
            pdf.heading(NAMES);
            pdf.text(NAMES);
            pdf.facts(new String[][] {{"Parties", NAMES}});
        }
        String text = text(out.toByteArray());
        assertThat(text.split(NAMES, -1)).as("the names, as the title, heading, text, table and footer show them")
                .hasSize(6);
    }

    @Test
    void pagesNumberedAfterwardsKeepNamesInTheFooter() throws Exception {
        Path unnumbered = dir.resolve("unnumbered.pdf");
        try (PdfLayout pdf = new PdfLayout(Files.newOutputStream(unnumbered), "Action log", "", false)) {
            pdf.text(NAMES);
        }
        Path numbered = dir.resolve("numbered.pdf");
        PdfLayout.numberPages(unnumbered, numbered, "exported by " + NAMES + ", 张伟, יוסף");
        assertThat(text(Files.readAllBytes(numbered))).contains(NAMES + " ")
                .contains("exported by " + NAMES + ", 张伟, ףסוי"); // the Hebrew name drawn right to left
        for (String footer : List.of("exported by יוסף", "יוסף")) {
            PdfLayout.numberPages(unnumbered, numbered, footer);
            assertThat(footer(lines(Files.readAllBytes(numbered)))).as(footer).allSatisfy(glyph -> assertOnPage(glyph));
        }
    }

    @Test
    void chineseJapaneseAndKoreanTextIsWrittenAsItIsInEmbeddedFonts() throws Exception {
        assertThat(PdfLayout.FALLBACKS).as("installed by ear/bin/test (fonts-droid-fallback)").allMatch(Files::isReadable);
        String chinese = "客户要求退款";
        String japanese = "お客様は返金を求めました";
        String korean = "고객이 환불을 요청했습니다";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfLayout pdf = new PdfLayout(out, "Recording 1", "Verbatim")) {
            pdf.subtitle("pbx1  ·  张伟-0090.pcap");
            pdf.heading("Notes");
            pdf.text(chinese + " / " + japanese);
            pdf.facts(new String[][] {{"Owner", korean}, {"Parties", NAMES}});
        }
        assertThat(text(out.toByteArray())).contains("张伟-0090.pcap", chinese, japanese, korean, NAMES, "Owner");
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(out.toByteArray())))) {
            Set<String> fonts = new TreeSet<>();
            PdfDictionary resources = pdf.getPage(1).getResources().getResource(PdfName.Font);
            for (PdfName name : resources.keySet()) {
                PdfDictionary font = resources.getAsDictionary(name);
                PdfDictionary descriptor = font.getAsArray(PdfName.DescendantFonts).getAsDictionary(0)
                        .getAsDictionary(PdfName.FontDescriptor);
                assertThat(descriptor.get(PdfName.FontFile2)).as("%s is embedded", font.get(PdfName.BaseFont)).isNotNull();
                fonts.add(font.getAsName(PdfName.BaseFont).getValue().replaceAll("^[A-Z]{6}\\+", "")); // subset tag
            }
            assertThat(fonts).contains("LiberationSans", "LiberationSans-Bold").anyMatch(f -> f.startsWith("DroidSansFallback"));
        }
    }

    @Test
    void arabicAndHebrewAreJoinedAndReadRightToLeft() throws Exception {
        assertThat(PdfLayout.RIGHT_TO_LEFT).as("installed by ear/bin/test (fonts-dejavu-core)").isReadable();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfLayout pdf = new PdfLayout(out, "Recording 1", "generated for محمد")) {
            pdf.text("طلب العميل");         // "the customer's request"
            pdf.text("رقم (42)");           // "number (42)"
            pdf.text("Call with سلام today"); // an English sentence naming someone in Arabic
            pdf.facts(new String[][] {{"Owner", "יוסף כץ"}}); // Yosef Katz
            StringBuilder words = new StringBuilder();
            for (int i = 1; i <= 120; i++) {
                words.append("מילה ").append(i).append(' '); // "word 1 word 2 ...", over several lines
            }
            pdf.text(words.toString().trim());
        }
        List<List<Placed>> lines = lines(out.toByteArray());
        assertThat(footer(lines)).isNotEmpty().allSatisfy(glyph -> assertOnPage(glyph));

        // Arabic letters take the form their place in the word gives them, and the word runs from right to left:
        // ta (initial), lam (medial), beh (final)
        List<Placed> request = lineWith(lines, "\uFEC3");
        // and "the customer" (alef alone, lam initial, ain, meem, yeh medial, lam final) to its left
        assertThat(text(request)).isEqualTo("\uFEDE\uFEF4\uFEE4\uFECC\uFEDF\uFE8D \uFE90\uFEE0\uFEC3");
        assertThat(request.get(0).x()).as("aligned right").isGreaterThan(300);

        // in a right-to-left paragraph the number and its brackets stand to the left, the brackets mirrored back
        assertThat(text(lineWith(lines, "42"))).startsWith("(42) ");

        // an English sentence keeps its order, with the Arabic name in it right to left: seen, lam-alef, meem
        List<Placed> sentence = lineWith(lines, "Call");
        assertThat(text(sentence)).isEqualTo("Call with \uFEE1\uFEFC\uFEB3 today");
        assertThat(sentence.get(0).x()).as("aligned left").isLessThan(60);

        // Hebrew, which has no joined forms: Yosef Katz from right to left
        assertThat(text(lineWith(lines, "\u05D9"))).endsWith("\u05E5\u05DB \u05E3\u05E1\u05D5\u05D9");

        // a paragraph over several lines: the first words on the top line, each line read from the right
        List<List<Integer>> numbered = lines.stream().map(PdfLayoutTest::text).filter(line -> line.contains("\u05D4\u05DC\u05D9\u05DE"))
                .map(line -> Pattern.compile("\\d+").matcher(line).results().map(m -> Integer.valueOf(m.group())).toList())
                .toList();
        assertThat(numbered).hasSizeGreaterThan(2);
        assertThat(numbered.get(0)).endsWith(2, 1);
        for (int i = 0; i < numbered.size(); i++) {
            List<Integer> line = numbered.get(i);
            assertThat(line).as("line %d", i).isSortedAccordingTo(Comparator.reverseOrder());
            if (i > 0) {
                assertThat(line.get(line.size() - 1)).as("line %d goes on from line %d", i, i - 1)
                        .isEqualTo(numbered.get(i - 1).get(0) + 1);
            }
        }
        assertThat(numbered.get(numbered.size() - 1).get(0)).isEqualTo(120);

        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(out.toByteArray())))) {
            PdfDictionary resources = pdf.getPage(1).getResources().getResource(PdfName.Font);
            assertThat(resources.keySet()).anyMatch(name -> resources.getAsDictionary(name).getAsName(PdfName.BaseFont)
                    .getValue().endsWith("+DejaVuSans"));
        }
    }

    /** A glyph drawn on the page: its text and where its baseline starts. */
    record Placed(String text, float x, float y) {
    }

    /** The glyphs of the first page, line by line from the top, each line from left to right. */
    private static List<List<Placed>> lines(byte[] pdf) throws Exception {
        List<Placed> glyphs = new ArrayList<>();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            new PdfCanvasProcessor(new IEventListener() {
                @Override
                public void eventOccurred(IEventData data, EventType type) {
                    for (TextRenderInfo glyph : ((TextRenderInfo) data).getCharacterRenderInfos()) {
                        var start = glyph.getBaseline().getStartPoint();
                        glyphs.add(new Placed(glyph.getText(), start.get(0), start.get(1)));
                    }
                }

                @Override
                public Set<EventType> getSupportedEvents() {
                    return Set.of(EventType.RENDER_TEXT);
                }
            }).processPageContent(document.getPage(1));
        }
        return glyphs.stream().collect(Collectors.groupingBy(g -> Math.round(g.y()))).entrySet().stream()
                .sorted(Comparator.comparing(e -> -e.getKey()))
                .map(e -> e.getValue().stream().sorted(Comparator.comparing(Placed::x)).toList())
                .toList();
    }

    /** The glyphs of the footer line, "page n of m" among them, at the foot of the page. */
    private static List<Placed> footer(List<List<Placed>> lines) {
        List<Placed> footer = lines.get(lines.size() - 1);
        assertThat(text(footer)).contains("page 1 of 1");
        return footer;
    }

    private static void assertOnPage(Placed glyph) {
        assertThat(glyph.x()).as("%s within the page's width", glyph.text()).isBetween(0f, 595f);
    }

    private static List<Placed> lineWith(List<List<Placed>> lines, String part) {
        return lines.stream().filter(line -> text(line).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line holds " + part + ": " + lines.stream().map(PdfLayoutTest::text).toList()));
    }

    /** A line's glyphs from left to right, as one string (the text as seen, not as typed). */
    private static String text(List<Placed> line) {
        return line.stream().map(Placed::text).collect(Collectors.joining());
    }

    private static String text(byte[] pdf) throws Exception {
        StringBuilder text = new StringBuilder();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(page))).append('\n');
            }
        }
        return text.toString().replaceAll("\\s+", " "); // lines a table cell wrapped read as one
    }
}
