package io.verbatim.web.ui;

import io.verbatim.alarm.AlarmMail;
import io.verbatim.caller.Caller;
import io.verbatim.callinfo.CallInformationSettings;
import io.verbatim.conversion.ConversionSettings;
import io.verbatim.ingest.IngestSettings;
import io.verbatim.jobs.JobSettings;
import io.verbatim.lifecycle.LifecycleSettings;
import io.verbatim.mail.MailFailedException;
import io.verbatim.media.OutputFormat;
import io.verbatim.recording.RecordingSettings;
import io.verbatim.settings.Settings;
import io.verbatim.settings.SettingsChange;
import io.verbatim.settings.SettingsView;
import io.verbatim.settings.TraceCategory;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Settings page (administrators): every setting in one form; each saved change is logged by the service. */
@Named
@ViewScoped
public class SettingsForm implements Serializable {

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    private SettingsView shown;
    private String pbx;
    private String pbxName;
    private String pbxNameShown;
    private int retentionDays;
    private int recycleBinDays;
    private int exportKeepDays;
    private String outputFormat;
    private int callInformationWaitMinutes;
    private Integer licences;
    private boolean onlyMeAllowed;
    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1024L * 1024);
    private long maxCaptureBytes;
    private String webdavUser;
    private String webdavPassword;
    private boolean webdavPasswordSet;
    private boolean sealEnabled;
    private String cryptKey;
    private boolean clearCryptKey;
    private String cryptKeyId;
    private boolean cryptKeyOwn;
    private final Map<String, String> traceLevels = new LinkedHashMap<>();
    private String smtpHost;
    private int smtpPort;
    private boolean smtpStartTls;
    private String smtpUser;
    private String smtpPassword;
    private boolean smtpPasswordSet;
    private boolean clearSmtpPassword;
    private String mailFrom;
    private String alarmRecipients;
    private boolean registerPbxOnUpload;
    private String deviceNetworks;
    private String webdavReaderUser;
    private String webdavReaderPassword;
    private boolean webdavReaderPasswordSet;

    @Inject
    AlarmMail alarmMail;

    /** Whether the deployment's settings may be changed and the mail settings are shown: they are the operator's. */
    private boolean operator;

    @PostConstruct
    void load() {
        operator = caller.isOperator();
        show(settings.view());
    }

    /** The value when it differs from what the page showed, else null (unchanged). */
    private static <T> T changed(T now, T shown) {
        return Objects.equals(now, shown) ? null : now;
    }

    /**
     * The output formats to pick from, by what they are ("MP3 64 kbit/s, mono"); the one set stays among them even when
     * it is none of the usual (set through the API, say mp3-96).
     */
    public Map<String, String> getOutputFormats() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        OutputFormat.choices().forEach(f -> byLabel.put(f.describe(), f.toString()));
        if (outputFormat != null && !byLabel.containsValue(outputFormat)) {
            try {
                byLabel.put(OutputFormat.parse(outputFormat).describe(), outputFormat);
            } catch (IllegalArgumentException unreadable) {
                byLabel.put(outputFormat, outputFormat);
            }
        }
        return byLabel;
    }

    private void show(SettingsView v) {
        shown = v;
        pbx = v.pbx();
        pbxName = v.text("pbxName");
        pbxNameShown = pbxName;
        retentionDays = v.get(LifecycleSettings.RETENTION_DAYS).intValue();
        recycleBinDays = v.get(LifecycleSettings.RECYCLE_BIN_DAYS).intValue();
        exportKeepDays = v.get(JobSettings.EXPORT_KEEP_DAYS).intValue();
        outputFormat = v.get(ConversionSettings.OUTPUT_FORMAT);
        callInformationWaitMinutes = v.get(CallInformationSettings.WAIT_MINUTES).intValue();
        licences = v.number("licences") == null ? null : v.number("licences").intValue();
        onlyMeAllowed = v.get(RecordingSettings.ONLY_ME_ALLOWED);
        maxCaptureBytes = v.get(IngestSettings.MAX_CAPTURE_BYTES);
        webdavUser = v.text("webdavUser");
        webdavPassword = null;
        webdavPasswordSet = v.is("webdavPasswordSet");
        sealEnabled = v.is("sealEnabled");
        cryptKey = null;
        clearCryptKey = false;
        cryptKeyId = v.text("cryptKeyId");
        cryptKeyOwn = v.is("cryptKeyOwn");
        traceLevels.clear();
        traceLevels.putAll(v.traceLevels());
        smtpHost = v.text("smtpHost");
        smtpPort = v.number("smtpPort").intValue();
        smtpStartTls = v.is("smtpStartTls");
        smtpUser = v.text("smtpUser");
        smtpPassword = null;
        smtpPasswordSet = v.is("smtpPasswordSet");
        clearSmtpPassword = false;
        mailFrom = v.text("mailFrom");
        alarmRecipients = v.text("alarmRecipients");
        registerPbxOnUpload = v.is("registerPbxOnUpload");
        deviceNetworks = v.text("deviceNetworks");
        webdavReaderUser = v.text("webdavReaderUser");
        webdavReaderPassword = null;
        webdavReaderPasswordSet = v.is("webdavReaderPasswordSet");
    }

    public void save() {
        if (store()) {
            Pages.say("Settings saved");
        }
    }

    /** Saves what is on the page, then mails the alarm recipients through it; a failure is shown beside the button. */
    public void sendTestMail() {
        if (!store()) {
            return;
        }
        try {
            List<String> to = alarmMail.sendTest();
            FacesContext.getCurrentInstance().addMessage("settings:testMail", new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Settings saved; test mail sent to " + String.join(", ", to), null));
        } catch (MailFailedException e) {
            FacesContext.getCurrentInstance().addMessage("settings:testMail",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "Test mail not sent: " + e.getMessage(), null));
        }
    }

    private boolean store() {
        // only what was changed on the page: a PBX keeps following the defaults it did not touch; the deployment's
        // settings (and licences) are the operator's, shown to a PBX's administrator and never sent by them
        SettingsView was = shown;
        SettingsChange change = SettingsChange.none()
                .with(IngestSettings.MAX_CAPTURE_BYTES, operator ? changed(maxCaptureBytes, was.get(IngestSettings.MAX_CAPTURE_BYTES)) : null)
                .with("webdavUser", changed(webdavUser, was.text("webdavUser")))
                .with("webdavPassword", webdavPassword == null || webdavPassword.isEmpty() ? null : webdavPassword)
                .with(ConversionSettings.OUTPUT_FORMAT, changed(outputFormat, was.get(ConversionSettings.OUTPUT_FORMAT)))
                .with(CallInformationSettings.WAIT_MINUTES, changed((long) callInformationWaitMinutes, was.get(CallInformationSettings.WAIT_MINUTES)))
                .with("licences", operator ? changed(licences == null ? -1L : (long) licences, was.number("licences") == null ? -1L : was.number("licences")) : null)
                .with(RecordingSettings.ONLY_ME_ALLOWED, changed(onlyMeAllowed, was.get(RecordingSettings.ONLY_ME_ALLOWED)))
                .with(LifecycleSettings.RETENTION_DAYS, changed((long) retentionDays, was.get(LifecycleSettings.RETENTION_DAYS)))
                .with(LifecycleSettings.RECYCLE_BIN_DAYS, changed((long) recycleBinDays, was.get(LifecycleSettings.RECYCLE_BIN_DAYS)))
                .with(JobSettings.EXPORT_KEEP_DAYS, changed((long) exportKeepDays, was.get(JobSettings.EXPORT_KEEP_DAYS)))
                .with("pbxName", Objects.equals(pbxName, pbxNameShown) ? null : pbxName)
                .with("traceLevels", operator ? changed(Map.copyOf(traceLevels), was.traceLevels()) : null)
                .with("sealEnabled", changed(sealEnabled, was.is("sealEnabled")))
                .with(SettingsChange.CRYPT_KEY, cryptKey == null || cryptKey.isEmpty() ? (clearCryptKey ? "" : null) : cryptKey)
                .with("smtpHost", operator ? smtpHost : null)
                .with("smtpPort", operator ? (Long) (long) smtpPort : null)
                .with("smtpStartTls", operator ? smtpStartTls : null)
                .with("smtpUser", operator ? smtpUser : null)
                .with("smtpPassword", !operator || smtpPassword == null || smtpPassword.isEmpty() ? (operator && clearSmtpPassword ? "" : null) : smtpPassword)
                .with("mailFrom", operator ? mailFrom : null)
                .with("alarmRecipients", operator ? alarmRecipients : null)
                .with("registerPbxOnUpload", operator ? changed(registerPbxOnUpload, was.is("registerPbxOnUpload")) : null)
                .with("deviceNetworks", changed(deviceNetworks, was.text("deviceNetworks")))
                .with("webdavReaderUser", operator ? null : changed(webdavReaderUser, was.text("webdavReaderUser")))
                .with("webdavReaderPassword", operator || webdavReaderPassword == null || webdavReaderPassword.isEmpty() ? null : webdavReaderPassword);
        SettingsView[] saved = new SettingsView[1];
        if (Pages.attempt(() -> saved[0] = settings.change(change), "settings", FIELDS)) {
            show(saved[0]);
            return true;
        }
        return false;
    }

    /** The page's field for each setting the server may refuse, where the ids differ from the API's names. */
    private static final Map<String, String> FIELDS = Map.of("callInformationWaitMinutes", "wait",
            "maxCaptureBytes", "maxCapture", "traceLevels", "messages");

    public List<TraceCategory> getTraceCategories() { return List.of(TraceCategory.values()); }
    public List<String> getTraceLevelNames() { return List.of("off", "error", "warning", "info", "debug", "trace"); }
    public Map<String, String> getTraceLevels() { return traceLevels; }
    public String getPbxName() { return pbxName; }
    public void setPbxName(String pbxName) { this.pbxName = pbxName; }
    public int getRetentionDays() { return retentionDays; }
    public void setRetentionDays(int retentionDays) { this.retentionDays = retentionDays; }
    public int getRecycleBinDays() { return recycleBinDays; }
    public void setRecycleBinDays(int recycleBinDays) { this.recycleBinDays = recycleBinDays; }
    public int getExportKeepDays() { return exportKeepDays; }
    public void setExportKeepDays(int exportKeepDays) { this.exportKeepDays = exportKeepDays; }
    public String getOutputFormat() { return outputFormat; }
    public void setOutputFormat(String outputFormat) { this.outputFormat = outputFormat; }
    public int getCallInformationWaitMinutes() { return callInformationWaitMinutes; }
    public void setCallInformationWaitMinutes(int minutes) { this.callInformationWaitMinutes = minutes; }
    public Integer getLicences() { return licences; }
    public void setLicences(Integer licences) { this.licences = licences; }
    public boolean isOnlyMeAllowed() { return onlyMeAllowed; }
    public void setOnlyMeAllowed(boolean onlyMeAllowed) { this.onlyMeAllowed = onlyMeAllowed; }
    public long getMaxCaptureBytes() { return maxCaptureBytes; }
    public void setMaxCaptureBytes(long maxCaptureBytes) { this.maxCaptureBytes = maxCaptureBytes; }

    /** The largest upload as people think of it, in MB (stored in bytes). */
    public BigDecimal getMaxCaptureMegabytes() {
        return BigDecimal.valueOf(maxCaptureBytes).divide(MEGABYTE, 2, RoundingMode.HALF_UP);
    }

    /** Unchanged as shown, the bytes stay exactly as they were (a size not a whole number of MB is kept). */
    public void setMaxCaptureMegabytes(BigDecimal megabytes) {
        if (megabytes != null && megabytes.compareTo(getMaxCaptureMegabytes()) != 0) {
            maxCaptureBytes = megabytes.multiply(MEGABYTE).setScale(0, RoundingMode.HALF_UP).longValue();
        }
    }
    public String getWebdavUser() { return webdavUser; }
    public void setWebdavUser(String webdavUser) { this.webdavUser = webdavUser; }
    public String getWebdavPassword() { return webdavPassword; }
    public void setWebdavPassword(String webdavPassword) { this.webdavPassword = webdavPassword; }
    public boolean isWebdavPasswordSet() { return webdavPasswordSet; }
    public boolean isSealEnabled() { return sealEnabled; }
    public String getCryptKey() { return cryptKey; }
    /** Whether the active crypt key is the caller's own (a PBX's, or the operator's deployment key), not inherited. */
    public boolean isCryptKeyOwn() { return cryptKeyOwn; }
    public void setCryptKey(String cryptKey) { this.cryptKey = cryptKey; }
    public boolean isClearCryptKey() { return clearCryptKey; }
    public void setClearCryptKey(boolean clearCryptKey) { this.clearCryptKey = clearCryptKey; }
    public String getCryptKeyId() { return cryptKeyId; }
    public void setSealEnabled(boolean sealEnabled) { this.sealEnabled = sealEnabled; }
    public String getPbx() { return pbx; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public int getSmtpPort() { return smtpPort; }
    public void setSmtpPort(int smtpPort) { this.smtpPort = smtpPort; }
    public boolean isSmtpStartTls() { return smtpStartTls; }
    public void setSmtpStartTls(boolean smtpStartTls) { this.smtpStartTls = smtpStartTls; }
    public String getSmtpUser() { return smtpUser; }
    public void setSmtpUser(String smtpUser) { this.smtpUser = smtpUser; }
    public String getSmtpPassword() { return smtpPassword; }
    public void setSmtpPassword(String smtpPassword) { this.smtpPassword = smtpPassword; }
    public boolean isSmtpPasswordSet() { return smtpPasswordSet; }
    public boolean isClearSmtpPassword() { return clearSmtpPassword; }
    public void setClearSmtpPassword(boolean clearSmtpPassword) { this.clearSmtpPassword = clearSmtpPassword; }
    public String getMailFrom() { return mailFrom; }
    public void setMailFrom(String mailFrom) { this.mailFrom = mailFrom; }
    public String getAlarmRecipients() { return alarmRecipients; }
    public boolean isRegisterPbxOnUpload() { return registerPbxOnUpload; }
    public String getDeviceNetworks() { return deviceNetworks; }
    public String getWebdavReaderUser() { return webdavReaderUser; }
    public void setWebdavReaderUser(String webdavReaderUser) { this.webdavReaderUser = webdavReaderUser; }
    public String getWebdavReaderPassword() { return webdavReaderPassword; }
    public void setWebdavReaderPassword(String webdavReaderPassword) { this.webdavReaderPassword = webdavReaderPassword; }
    public boolean isWebdavReaderPasswordSet() { return webdavReaderPasswordSet; }
    public void setDeviceNetworks(String deviceNetworks) { this.deviceNetworks = deviceNetworks; }
    public void setRegisterPbxOnUpload(boolean registerPbxOnUpload) { this.registerPbxOnUpload = registerPbxOnUpload; }
    public void setAlarmRecipients(String alarmRecipients) { this.alarmRecipients = alarmRecipients; }
}
