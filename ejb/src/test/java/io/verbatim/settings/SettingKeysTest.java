package io.verbatim.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.OutputFormat;
import java.lang.reflect.RecordComponent;
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
    void everyFieldOfAChangeIsDeclaredOnceButTheCryptKeyWhichTheKeyRingKeeps() {
        Set<String> fields = Arrays.stream(SettingsChange.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        List<String> declared = SettingKeys.ALL.stream().map(SettingKey::field).toList();

        assertThat(declared).doesNotHaveDuplicates();
        assertThat(fields).containsExactlyInAnyOrderElementsOf(concat(declared, "cryptKey"));
        assertThat(SettingKeys.ALL.stream().map(SettingKey::stored).toList()).doesNotHaveDuplicates();
    }

    @Test
    void theDeploymentsSettingsAreTheOperatorsInTheOrderARefusalNamesThem() {
        assertThat(SettingKeys.ALL.stream().filter(key -> !key.isPbxs()).map(SettingKey::field).toList()).containsExactly(
                "maxCaptureBytes", "traceLevels", "smtpHost", "smtpPort", "smtpStartTls", "smtpUser", "smtpPassword",
                "mailFrom", "alarmRecipients", "registerPbxOnUpload");
        assertThat(SettingKeys.isPbxs("lifecycle.retention-days")).isTrue();
        assertThat(SettingKeys.isPbxs("mail.smtp-host")).isFalse();
        assertThat(SettingKeys.ALL.stream().filter(SettingKey::secret).map(SettingKey::field).toList())
                .containsExactlyInAnyOrder("webdavPassword", "smtpPassword", "webdavReaderPassword");
    }

    @Test
    void defaultsAreInnovaphonesUnlessTheyWereSet() {
        assertThat(SettingKeys.RETENTION_DAYS.read(Optional.empty())).isEqualTo(30);
        assertThat(SettingKeys.RECYCLE_BIN_DAYS.read(Optional.empty())).isEqualTo(30);
        assertThat(SettingKeys.EXPORT_KEEP_DAYS.read(Optional.empty())).isEqualTo(7);
        assertThat(SettingKeys.CALL_INFORMATION_WAIT_MINUTES.read(Optional.empty())).isEqualTo(120);
        assertThat(SettingKeys.MAX_CAPTURE_BYTES.read(Optional.empty())).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(OutputFormat.parse(SettingKeys.OUTPUT_FORMAT.read(Optional.empty()))).isEqualTo(OutputFormat.STEREO_WAV);
        assertThat(SettingKeys.LICENCES.read(Optional.of(""))).as("stored empty: not enforced").isEqualTo(-1);
        assertThat(SettingKeys.LICENCES.read(Optional.of("12"))).isEqualTo(12);
        assertThat(SettingKeys.SEAL_ENABLED.read(Optional.empty())).isFalse();
        assertThat(SettingKeys.trace(TraceCategory.values()[0]).read(Optional.empty())).isEqualTo("info");
    }

    @Test
    void numbersOutsideTheirRangeAreRefusedByNameWithTheRange() {
        assertThat(SettingKeys.RETENTION_DAYS.store(0L)).as("0 keeps until deleted").isEqualTo("0");
        assertThat(SettingKeys.RETENTION_DAYS.store(11000L)).isEqualTo("11000");
        refused(() -> SettingKeys.RETENTION_DAYS.store(11001L), "retentionDays", "retentionDays must be between 1 and 11000 (0: keep until deleted)");
        refused(() -> SettingKeys.RECYCLE_BIN_DAYS.store(-1L), "recycleBinDays", "recycleBinDays must be between 0 (purged by the next run) and 11000");
        refused(() -> SettingKeys.EXPORT_KEEP_DAYS.store(Long.MAX_VALUE), "exportKeepDays", "exportKeepDays must be between 0");
        refused(() -> SettingKeys.CALL_INFORMATION_WAIT_MINUTES.store(0L), "callInformationWaitMinutes", "between 1 and 14400");
        refused(() -> SettingKeys.MAX_CAPTURE_BYTES.store(1023L), "maxCaptureBytes", "maxCaptureBytes must be at least 1024");
        refused(() -> SettingKeys.SMTP_PORT.store(65536L), "smtpPort", "smtpPort must be between 1 and 65535");
        refused(() -> SettingKeys.LICENCES.store(-2L), "licences", "licences must be between 0 and 1000000 (-1: not enforced)");
    }

    @Test
    void textIsTidiedIntoTheFormItIsStoredInOrRefusedSayingWhatItTakes() {
        assertThat(SettingKeys.PBX_NAME.store("  Head office ")).isEqualTo("Head office");
        refused(() -> SettingKeys.PBX_NAME.store("   "), "pbxName", "pbxName must have 1 to 100 characters");
        assertThat(SettingKeys.OUTPUT_FORMAT.store(" MP3-64 ")).isEqualTo(OutputFormat.parse("mp3-64").toString());
        refused(() -> SettingKeys.OUTPUT_FORMAT.store("ogg"), "outputFormat", "(wav, wav-alaw or mp3-<kbps>");
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

    private static List<String> concat(List<String> declared, String more) {
        return Stream.concat(declared.stream(), Stream.of(more)).toList();
    }
}
