package io.verbatim.mail;

import java.nio.file.Path;
import java.util.List;

/** A plain-text mail, with at most one file attached ({@code null}: none). */
public record MailMessage(List<String> to, String subject, String text, Attachment attachment) {

    /** A file sent along, under the name the recipient saves it as. */
    public record Attachment(String fileName, String mediaType, Path file) {
    }
}
