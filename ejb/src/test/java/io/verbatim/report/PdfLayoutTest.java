package io.verbatim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
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
        PdfLayout.numberPages(unnumbered, numbered, "exported by " + NAMES);
        assertThat(text(Files.readAllBytes(numbered))).contains(NAMES + " ").contains("exported by " + NAMES);
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
