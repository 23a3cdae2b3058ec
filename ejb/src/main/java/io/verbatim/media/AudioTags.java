package io.verbatim.media;

/**
 * What a converted file says about its call, for players and file managers (the WAV INFO chunk, the MP3 ID3 tag):
 * written once, as the file is made, from what is known then.
 *
 * @param title   the call as people read it (INAM, ID3 title), e.g. "Outbound call from Alice (201) to Acme GmbH (+4989…)"
 * @param artist  who recorded it: the local party (IART, ID3 artist)
 * @param album   where: the PBX (IPRD, ID3 album)
 * @param comment direction, parties and call id, before the times the converter adds (ICMT, ID3 comment)
 */
public record AudioTags(String title, String artist, String album, String comment) {

    /** Only a title, as a tool converting a file on its own knows. */
    public static AudioTags titled(String title) {
        return new AudioTags(title, null, null, null);
    }
}
