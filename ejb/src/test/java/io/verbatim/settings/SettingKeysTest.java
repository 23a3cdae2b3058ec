package io.verbatim.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.callinfo.CallInformationSettings;
import io.verbatim.conversion.ConversionSettings;
import io.verbatim.ingest.IngestSettings;
import io.verbatim.jobs.JobSettings;
import io.verbatim.lifecycle.LifecycleSettings;
import io.verbatim.media.OutputFormat;
import io.verbatim.recording.RecordingSettings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The declarations of the settings and their checks, without a server. */
class SettingKeysTest {

    @Test
    void everySettingIsDeclaredOnceUnderItsOwnNames() {
        List<SettingKey<?>> all = SettingKey.everyDeclared();
        assertThat(all.stream().map(SettingKey::field).toList()).doesNotHaveDuplicates().doesNotContain(SettingsChange.CRYPT_KEY)
                .doesNotContainAnyElementsOf(SettingsView.SHOWN_ONLY.keySet());
        assertThat(all.stream().map(SettingKey::stored).toList()).doesNotHaveDuplicates();
        assertThat(all).as("the other capabilities' declarations are found").contains(LifecycleSettings.RETENTION_DAYS,
                IngestSettings.MAX_CAPTURE_BYTES, ConversionSettings.OUTPUT_FORMAT, CallInformationSettings.WAIT_MINUTES,
                RecordingSettings.ONLY_ME_ALLOWED, JobSettings.EXPORT_KEEP_DAYS);
        assertThat(all).allSatisfy(key -> assertThat(key.description()).as(key.field()).isNotBlank());
    }

    @Test
    void theDeploymentsSettingsAreTheOperators() {
        assertThat(SettingKey.everyDeclared().stream().filter(key -> !key.isPbxs()).map(SettingKey::field).toList()).containsExactly(
                "traceLevels", "smtpHost", "smtpPort", "smtpStartTls", "smtpUser", "smtpPassword",
                "mailFrom", "alarmRecipients", "registerPbxOnUpload", "maxCaptureBytes");
        assertThat(SettingKeys.isPbxs("lifecycle.retention-days")).isTrue();
        assertThat(SettingKeys.isPbxs("mail.smtp-host")).isFalse();
        assertThat(SettingKey.everyDeclared().stream().filter(SettingKey::secret).map(SettingKey::field).toList())
                .containsExactlyInAnyOrder("webdavPassword", "smtpPassword", "webdavReaderPassword");
    }

    @Test
    void aChangeTakesEachSettingsKindAndRefusesOthersByName() {
        SettingsChange change = SettingsChange.of(Map.of("retentionDays", new BigDecimal("45"), "onlyMeAllowed", true,
                "pbx", "ignored: a view's", "webdavPasswordSet", true, "traceLevels", Map.of("recording", "debug")));
        assertThat(change.get(LifecycleSettings.RETENTION_DAYS)).isEqualTo(45L);
        assertThat(change.get(RecordingSettings.ONLY_ME_ALLOWED)).isTrue();
        assertThat(change.gives("pbx")).as("what only a view shows, sent back, changes nothing").isFalse();
        assertThat(change.traceLevels()).containsEntry("recording", "debug");
        assertThat(change.gives("recycleBinDays")).isFalse();

        refused(() -> SettingsChange.of(Map.of("retentionDay", 5)), "retentionDay", "retentionDay is no setting");
        refused(() -> SettingsChange.of(Map.of("retentionDays", "45")).get(LifecycleSettings.RETENTION_DAYS), "retentionDays",
                "retentionDays must be a whole number");
        refused(() -> SettingsChange.of(Map.of("retentionDays", new BigDecimal("4.5"))).get(LifecycleSettings.RETENTION_DAYS),
                "retentionDays", "retentionDays must be a whole number");
        refused(() -> SettingsChange.of(Map.of("retentionDays", new BigDecimal("1e30"))).get(LifecycleSettings.RETENTION_DAYS),
                "retentionDays", "retentionDays must be a whole number");
        refused(() -> SettingsChange.of(Map.of("onlyMeAllowed", "yes")).get(RecordingSettings.ONLY_ME_ALLOWED), "onlyMeAllowed",
                "onlyMeAllowed must be true or false");
        refused(() -> SettingsChange.of(Map.of("traceLevels", "debug")).traceLevels(), "traceLevels", "traceLevels must map");
        refused(() -> SettingsChange.none().with("cryptKey", 12).text(SettingsChange.CRYPT_KEY), "cryptKey", "cryptKey must be text");
    }

    @Test
    void onlyDeclaredSettingsAreReadAndNeverASecret() {
        SettingKey<String> madeUp = SettingKey.text("webdav.password-hash", "hash", SettingKey.Scope.PBX, "", v -> null);
        assertThatThrownBy(() -> new Settings().get("pbx-1", madeUp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no declared setting");
        assertThatThrownBy(() -> new Settings().get("pbx-1", SettingKeys.WEBDAV_PASSWORD_HASH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingsView(Map.of("traceLevels", Map.of("gui", "info"))).get(SettingKeys.TRACE_LEVELS))
                .as("a family is read by name").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreInnovaphonesUnlessTheyWereSet() {
        assertThat(LifecycleSettings.RETENTION_DAYS.read(Optional.empty())).isEqualTo(30);
        assertThat(LifecycleSettings.RECYCLE_BIN_DAYS.read(Optional.empty())).isEqualTo(30);
        assertThat(JobSettings.EXPORT_KEEP_DAYS.read(Optional.empty())).isEqualTo(7);
        assertThat(CallInformationSettings.WAIT_MINUTES.read(Optional.empty())).isEqualTo(120);
        assertThat(IngestSettings.MAX_CAPTURE_BYTES.read(Optional.empty())).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(OutputFormat.parse(ConversionSettings.OUTPUT_FORMAT.read(Optional.empty()))).isEqualTo(OutputFormat.STEREO_WAV);
        assertThat(SettingKeys.LICENCES.read(Optional.of(""))).as("stored empty: not enforced").isEqualTo(-1);
        assertThat(SettingKeys.LICENCES.read(Optional.of("12"))).isEqualTo(12);
        assertThat(SettingKeys.SEAL_ENABLED.read(Optional.empty())).isFalse();
        assertThat(SettingKeys.trace(TraceCategory.values()[0]).read(Optional.empty())).isEqualTo("info");
    }

    @Test
    void numbersOutsideTheirRangeAreRefusedByNameWithTheRange() {
        assertThat(LifecycleSettings.RETENTION_DAYS.store(0L)).as("0 keeps until deleted").isEqualTo("0");
        assertThat(LifecycleSettings.RETENTION_DAYS.store(11000L)).isEqualTo("11000");
        refused(() -> LifecycleSettings.RETENTION_DAYS.store(11001L), "retentionDays", "retentionDays must be between 1 and 11000 (0: keep until deleted)");
        refused(() -> LifecycleSettings.RECYCLE_BIN_DAYS.store(-1L), "recycleBinDays", "recycleBinDays must be between 0 (purged by the next run) and 11000");
        refused(() -> JobSettings.EXPORT_KEEP_DAYS.store(Long.MAX_VALUE), "exportKeepDays", "exportKeepDays must be between 0");
        refused(() -> CallInformationSettings.WAIT_MINUTES.store(0L), "callInformationWaitMinutes", "between 1 and 14400");
        refused(() -> IngestSettings.MAX_CAPTURE_BYTES.store(1023L), "maxCaptureBytes", "maxCaptureBytes must be at least 1024");
        refused(() -> SettingKeys.SMTP_PORT.store(65536L), "smtpPort", "smtpPort must be between 1 and 65535");
        refused(() -> SettingKeys.LICENCES.store(-2L), "licences", "licences must be between 0 and 1000000 (-1: not enforced)");
    }

    @Test
    void textIsTidiedIntoTheFormItIsStoredInOrRefusedSayingWhatItTakes() {
        assertThat(SettingKeys.PBX_NAME.store("  Head office ")).isEqualTo("Head office");
        refused(() -> SettingKeys.PBX_NAME.store("   "), "pbxName", "pbxName must have 1 to 100 characters");
        assertThat(ConversionSettings.OUTPUT_FORMAT.store(" MP3-64 ")).isEqualTo(OutputFormat.parse("mp3-64").toString());
        refused(() -> ConversionSettings.OUTPUT_FORMAT.store("ogg"), "outputFormat", "(wav, wav-alaw or mp3-<kbps>");
        assertThat(SettingKeys.DEVICE_NETWORKS.store(" 192.0.2.0/24 ")).isEqualTo("192.0.2.0/24");
        refused(() -> SettingKeys.DEVICE_NETWORKS.store("192.0.2.0/33"), "deviceNetworks", "(separated by commas; empty: anywhere)");
        assertThat(SettingKeys.SMTP_HOST.store("")).as("empty: no mail").isEmpty();
        refused(() -> SettingKeys.SMTP_HOST.store("mail server"), "smtpHost", "smtpHost must be a host name or an address");
        assertThat(SettingKeys.ALARM_RECIPIENTS.store(" ops@example.com; oncall@example.org ,"))
                .isEqualTo("ops@example.com,oncall@example.org");
        refused(() -> SettingKeys.ALARM_RECIPIENTS.store("ops@example.com, nobody"), "alarmRecipients", "'nobody' is not");
        assertThat(SettingKeys.MAIL_FROM.store("")).isEmpty();
        refused(() -> SettingKeys.MAIL_FROM.store("verbatim@"), "mailFrom", "mailFrom must be mail addresses");
    }

    /** Refused with a message that names the setting first, so the page shows it next to that field. */
    private static void refused(Runnable store, String field, String message) {
        assertThatThrownBy(store::run).isInstanceOf(InvalidSettingException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidSettingException) e).field()).isEqualTo(field));
    }
}
