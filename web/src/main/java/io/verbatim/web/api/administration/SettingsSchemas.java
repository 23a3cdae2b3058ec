package io.verbatim.web.api.administration;

import io.verbatim.settings.SettingKey;
import io.verbatim.settings.SettingsChange;
import io.verbatim.settings.SettingsView;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The OpenAPI schemas of {@code /api/v1/settings}, made from the settings' declarations (named in
 * {@code META-INF/microprofile-config.properties}): a setting declared by any capability is in the document with
 * what it means, and none is described twice.
 */
public class SettingsSchemas implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        Schema view = object("Settings as they may be shown: a PBX's (with ?pbx=, or an administrator's own), else the deployment's"
                + " and every PBX's defaults. Secrets are never shown; a view says whether one is set.");
        Schema change = object("A change: settings not named stay as they are; what only a view shows may come back with it and is"
                + " ignored. The deployment's settings are the operator's, changed without ?pbx=.");
        for (SettingKey<?> key : SettingKey.everyDeclared()) {
            String whose = key.scope() == SettingKey.Scope.DEPLOYMENT ? " (the deployment's: the operator's alone)" : "";
            Schema value = key.field().equals("traceLevels")
                    ? OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                            .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    : OASFactory.createSchema().addType(typeOf(key.type()));
            if (!key.secret()) {
                view.addProperty(key.field(), copy(value).description(key.description() + whose));
            }
            change.addProperty(key.field(), copy(value).description(key.description() + whose).writeOnly(key.secret() ? true : null));
        }
        change.addProperty(SettingsChange.CRYPT_KEY, OASFactory.createSchema().addType(Schema.SchemaType.STRING).writeOnly(true)
                .description("Encrypts files stored from then on: at least 12 characters; empty: none (a PBX's follow the operator's)"));
        for (Map.Entry<String, SettingsView.ShownOnly> shown : SettingsView.SHOWN_ONLY.entrySet()) {
            view.addProperty(shown.getKey(), OASFactory.createSchema().addType(typeOf(shown.getValue().type())).readOnly(true)
                    .description(shown.getValue().description()));
        }
        return OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("SettingsView", view).addSchema("SettingsChange", change));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema().type(schema.getType());
        return schema.getAdditionalPropertiesSchema() == null ? copy : copy.additionalPropertiesSchema(schema.getAdditionalPropertiesSchema());
    }

    private static Schema.SchemaType typeOf(Class<?> type) {
        return type == Long.class ? Schema.SchemaType.INTEGER : type == Boolean.class ? Schema.SchemaType.BOOLEAN : Schema.SchemaType.STRING;
    }
}
