package io.verbatim.report;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.layout.LayoutArea;
import com.itextpdf.layout.layout.LayoutContext;
import com.itextpdf.layout.layout.LayoutResult;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.renderer.AbstractRenderer;
import com.itextpdf.layout.renderer.IRenderer;
import com.itextpdf.layout.renderer.LineRenderer;
import com.itextpdf.layout.renderer.ParagraphRenderer;
import com.itextpdf.layout.renderer.TextRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Arabic and Hebrew (names, notes) in our PDFs, read right to left as written. iText lays text out left to right and
 * leaves the Unicode bidirectional algorithm and Arabic letter joining to its commercial add-on (pdfCalligraph), whose
 * hook it keeps to itself; without them, such text comes out with its letters in reverse order and, for Arabic,
 * unjoined. Here ICU does both: Arabic letters become their joined presentation forms, iText breaks the paragraph
 * into lines as usual, and each line is then written in display order (the lines' glyphs are the same, so iText
 * breaks the reordered text at the same places).
 */
final class RightToLeftText {

    private RightToLeftText() {
    }

    /**
     * A paragraph of text from users or PBXs: as it is when it holds no right-to-left letters; otherwise with its
     * Arabic letters joined, each line in display order, and aligned right when its first strong letter is
     * right-to-left (a note in Arabic or Hebrew); an English sentence naming someone in Hebrew keeps the alignment
     * of where it goes.
     * Such a paragraph is written in {@code fontFamilies}, the one with the right-to-left letters first: iText may
     * break a line where one font gives way to another, so the spaces, digits and full stops between the words come
     * from their font too.
     */
    static Paragraph paragraph(String text, String... fontFamilies) {
        if (!Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
            return new Paragraph(text);
        }
        String joined = joined(text);
        Paragraph paragraph = new Paragraph().setFontFamily(fontFamilies);
        if (Bidi.getBaseDirection(text) == Bidi.RTL) {
            paragraph.setTextAlignment(TextAlignment.RIGHT);
        }
        paragraph.setNextRenderer(new InDisplayOrder(paragraph, joined));
        return paragraph;
    }

    /** Arabic letters in the form their place in a word gives them (initial, medial, final, alone; lam-alef joined). */
    private static String joined(String text) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(text);
        } catch (ArabicShapingException e) {
            // only the fixed-length options can fail (no room for a lam-alef's second half); these grow and shrink
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lays a paragraph out at the width it is given: first its text as typed, to learn where iText breaks its lines,
     * then those lines each in display order (rule L2 of the bidirectional algorithm, brackets mirrored).
     */
    private static final class InDisplayOrder extends ParagraphRenderer {

        private final String typed; // in typing order, Arabic letters joined
        private boolean continued;  // the rest of a paragraph split over pages: its lines are in display order

        InDisplayOrder(Paragraph paragraph, String typed) {
            super(paragraph);
            this.typed = typed;
        }

        @Override
        public LayoutResult layout(LayoutContext context) {
            if (!continued) {
                childRenderers.clear();
                addChild(new TextRenderer(new Text(inDisplayOrder(context))));
            }
            return super.layout(context);
        }

        private String inDisplayOrder(LayoutContext context) {
            Rectangle box = context.getArea().getBBox();
            ParagraphRenderer probe = new ParagraphRenderer((Paragraph) getModelElement());
            probe.addChild(new TextRenderer(new Text(typed)));
            probe.setParent(getParent());
            // as wide as the place the paragraph goes, and tall enough for all of it
            probe.layout(new LayoutContext(new LayoutArea(context.getArea().getPageNumber(),
                    new Rectangle(box.getX(), 0, box.getWidth(), 1e6f))));
            if (probe.getLines() == null) {
                return typed; // no room for even one letter: iText reports that on the paragraph itself
            }
            Bidi bidi = new Bidi();
            bidi.setPara(typed, Bidi.LEVEL_DEFAULT_LTR, null);
            List<String> lines = new ArrayList<>();
            int from = 0;
            for (LineRenderer line : probe.getLines()) {
                String text = text(line);
                int start = typed.indexOf(text, from);
                if (start < 0) {
                    return typed; // not a line of the text as typed: leave it as typed rather than garble it
                }
                lines.add(text.isEmpty() ? "" : bidi.setLine(start, start + text.length()).writeReordered(Bidi.DO_MIRRORING));
                from = start + text.length();
            }
            return String.join("\n", lines);
        }

        /** A line's text as typed, without the line break that may end it. */
        private static String text(LineRenderer line) {
            StringBuilder text = new StringBuilder();
            for (IRenderer child : line.getChildRenderers()) {
                if (child instanceof TextRenderer part) {
                    text.append(part.getText().toUnicodeString(part.getText().getStart(), part.getText().getEnd()));
                }
            }
            return text.toString().replace("\r", "").replace("\n", "");
        }

        @Override
        public IRenderer getNextRenderer() {
            return new InDisplayOrder((Paragraph) getModelElement(), typed);
        }

        @Override
        protected ParagraphRenderer createOverflowRenderer(IRenderer parent) {
            return continued(super.createOverflowRenderer(parent));
        }

        @Override
        protected ParagraphRenderer createSplitRenderer(IRenderer parent) {
            return continued(super.createSplitRenderer(parent));
        }

        @Override
        protected AbstractRenderer createOverflowRenderer(int layoutResult) {
            AbstractRenderer overflow = super.createOverflowRenderer(layoutResult);
            return overflow instanceof ParagraphRenderer paragraph ? continued(paragraph) : overflow;
        }

        private static ParagraphRenderer continued(ParagraphRenderer part) {
            if (part instanceof InDisplayOrder ordered) {
                ordered.continued = true;
            }
            return part;
        }
    }
}
