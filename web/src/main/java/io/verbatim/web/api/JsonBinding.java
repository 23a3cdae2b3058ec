package io.verbatim.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * How request bodies become objects: as JSON-B's defaults, except that a number too large for an {@code Integer}
 * field is refused (the default wraps it round: 4294967297 became 1 and passed every range check).
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withDeserializers(new WholeInteger()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** An {@code Integer} read exactly: a fraction or a value past its range is an error naming the value. */
    static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal number;
            try {
                number = parser.getBigDecimal();
            } catch (IllegalStateException notANumber) { // "30" in quotes, as JSON-B takes it too
                try {
                    number = new BigDecimal(parser.getString().strip());
                } catch (NumberFormatException e) {
                    throw new JsonbException("'" + parser.getString() + "' is not a number");
                }
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException(number.toPlainString() + " is not a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
        }
    }
}
