package io.verbatim.audit;

/**
 * What the action log needs of a recording an entry is about: its id and its PBX (whose chain the entry is in). A
 * recording is this, so the log names no class of the catalog's and the two capabilities do not depend on each other
 * both ways.
 */
public interface LoggedRecording {

    Long getId();

    String getPbx();
}
