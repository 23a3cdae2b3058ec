package io.verbatim.web.api;

import io.verbatim.settings.Settings;
import io.verbatim.settings.SettingsChange;
import io.verbatim.settings.SettingsView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server settings (administrators). Passwords are write-only. {@code outputFormat}: {@code wav}, {@code wav-alaw}
 * or {@code mp3-<kbps>}, then optionally {@code -mono}, {@code -remote} or {@code -local}.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
public class SettingsResource {

    @Inject
    Settings settings;

    @GET
    @Operation(summary = "Current settings")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public SettingsView get() {
        return settings.view();
    }

    @PUT
    @Operation(summary = "Change settings; absent fields stay as they are, an empty webdavUser turns upload authentication off")
    @APIResponse(responseCode = "400", description = "A value is out of range")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public SettingsView change(SettingsChange change) {
        return settings.change(ApiBodies.required(change));
    }
}
