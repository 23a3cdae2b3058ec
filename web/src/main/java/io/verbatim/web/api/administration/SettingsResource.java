package io.verbatim.web.api.administration;

import io.verbatim.alarm.AlarmMail;
import io.verbatim.settings.Settings;
import io.verbatim.settings.SettingsChange;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Settings (administrators). A PBX's administrators see and change their PBX's own (retention, device credentials,
 * output format, licences, ...); the operator sees and changes the deployment's (upload limit, trace levels, crypt
 * key, mail) and the defaults of every PBX, or with {@code ?pbx=} one PBX's. Passwords are write-only. {@code outputFormat}: {@code wav}, {@code wav-alaw}
 * or {@code mp3-<kbps>}, then optionally {@code -mono}, {@code -remote} or {@code -local}.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
public class SettingsResource {

    @Inject
    Settings settings;

    @Inject
    AlarmMail alarmMail;

    @GET
    @Operation(summary = "Current settings: the caller's PBX's; the operator's: the deployment's and the defaults, or ?pbx= one PBX's")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(ref = "SettingsView")))
    public Map<String, Object> get(@Parameter(description = "The operator: a PBX whose own settings to show") @QueryParam("pbx") String pbx) {
        return settings.view(pbx).fields();
    }

    @PUT
    @Operation(summary = "Change settings; absent fields stay as they are, an empty webdavUser turns upload authentication off")
    @APIResponse(responseCode = "400", description = "A value is out of range, or a deployment setting given with ?pbx=")
    @APIResponse(responseCode = "403", description = "Not an administrator, another PBX named, or a deployment setting by a PBX's administrator")
    @APIResponse(responseCode = "200", description = "The settings now", content = @Content(schema = @Schema(ref = "SettingsView")))
    @RequestBody(content = @Content(schema = @Schema(ref = "SettingsChange")))
    public Map<String, Object> change(@Parameter(description = "The operator: a PBX whose own settings to change") @QueryParam("pbx") String pbx,
                                      Map<String, Object> change) {
        return settings.change(pbx, SettingsChange.of(ApiBodies.required(change))).fields();
    }

    @DELETE
    @Operation(summary = "Drop a PBX's own settings: it follows the defaults again (a PBX's administrator: theirs; its licences stay)")
    @APIResponse(responseCode = "200", description = "The PBX's settings now", content = @Content(schema = @Schema(ref = "SettingsView")))
    @APIResponse(responseCode = "400", description = "No PBX named (the operator)")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public Map<String, Object> reset(@Parameter(description = "The PBX (the operator must name it)") @QueryParam("pbx") String pbx) {
        return settings.reset(pbx).fields();
    }

    /** Who the test mail went to. */
    public record TestMailSent(List<String> recipients) {
    }

    @POST
    @Path("test-mail")
    @Operation(summary = "Send a test mail to the alarm recipients through the SMTP server in the settings, now")
    @APIResponse(responseCode = "200", description = "The SMTP server took the mail")
    @APIResponse(responseCode = "409", description = "No SMTP server or no recipients are set")
    @APIResponse(responseCode = "502", description = "The SMTP server could not be reached or refused the mail; the message says what it answered")
    @APIResponse(responseCode = "403", description = "Not the operator")
    public TestMailSent testMail() {
        return new TestMailSent(alarmMail.sendTest());
    }
}
