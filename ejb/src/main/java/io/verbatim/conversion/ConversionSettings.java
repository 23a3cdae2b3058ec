package io.verbatim.conversion;

import io.verbatim.media.OutputFormat;
import io.verbatim.settings.SettingDeclarations;
import io.verbatim.settings.SettingKey;
import java.util.List;

/** What conversion is set by. */
public final class ConversionSettings implements SettingDeclarations {

    public static final SettingKey<String> OUTPUT_FORMAT = SettingKey.canonical("conversion.output-format", "outputFormat",
                    SettingKey.Scope.PBX, OutputFormat.STEREO_WAV.toString(), text -> OutputFormat.parse(text).toString(),
                    "wav, wav-alaw or mp3-<kbps>, then optionally -mono, -remote or -local")
            .described("The format a PBX's recordings are converted to from then on: wav, wav-alaw or mp3-<kbps>, then optionally"
                    + " -mono, -remote or -local");

    @Override
    public List<SettingKey<?>> declared() {
        return List.of(OUTPUT_FORMAT);
    }
}
