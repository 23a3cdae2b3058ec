package io.verbatim.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One text a recording is found by (file name, owner, call id, a party's name or digits, a note), lower case: a row of
 * the view {@code recording_search_term} (migration V27), only ever asked for in a search's condition. Searching the
 * terms rather than each column with OR lets the database use each column's own index (PostgreSQL's trigram
 * indexes, V28).
 */
@Entity
@Table(name = "recording_search_term")
class SearchTerm {

    // not unique (a recording has several terms): fine, as no SearchTerm is ever loaded as an entity
    @Id
    @Column(name = "recording_id")
    private long recordingId;

    @Column(name = "term")
    private String term;

    /** A party's number as digits, which a typed number's other forms ({@code 089…}, {@code 4989…}) are looked for in. */
    @Column(name = "digits")
    private boolean digits;

    protected SearchTerm() {
    }
}
