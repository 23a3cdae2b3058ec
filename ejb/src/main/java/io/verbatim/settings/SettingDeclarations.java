package io.verbatim.settings;

import java.util.List;

/**
 * The settings a capability declares, each once ({@link SettingKey}); the capability reads them with
 * {@link Settings#value}. An implementation (public, with a constructor taking nothing) is named in
 * {@code META-INF/services/io.verbatim.settings.SettingDeclarations} of the ejb module, so that settings finds every
 * declaration without depending on the capabilities that make them; {@code ArchitectureTest} holds that each is.
 */
public interface SettingDeclarations {

    /** This capability's settings, in the order they are shown and named in a refusal. */
    List<SettingKey<?>> declared();
}
