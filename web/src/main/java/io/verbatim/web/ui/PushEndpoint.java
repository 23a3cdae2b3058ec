package io.verbatim.web.ui;

import io.verbatim.web.security.CrossSiteRequests;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** The socket every page of a signed-in person opens (under /app, so only they can): see {@link PushChannel}. */
@ServerEndpoint(value = "/app/push", configurator = PushEndpoint.WithHttpSession.class)
public class PushEndpoint {

    static final String HTTP_SESSION = "verbatim.httpSession";

    /**
     * Keeps the id of the page's HTTP session, the one a monitor's grants live with, when the socket is opened by our
     * own pages: another site's page could otherwise open it with the visitor's cookie and listen in.
     */
    public static class WithHttpSession extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().remove(HTTP_SESSION);
            if (request.getHttpSession() instanceof HttpSession session && CrossSiteRequests.sameSite(first(request, "Origin"), first(request, "Host"))) {
                config.getUserProperties().put(HTTP_SESSION, session.getId());
            }
        }

        private static String first(HandshakeRequest request, String header) {
            return request.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private String httpSession;
    private String username;

    @OnOpen
    public void open(Session socket, EndpointConfig config) throws Exception {
        httpSession = (String) config.getUserProperties().get(HTTP_SESSION);
        username = socket.getUserPrincipal() == null ? null : socket.getUserPrincipal().getName();
        if (httpSession == null || username == null) {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first, on Verbatim's own pages"));
            return;
        }
        channel().opened(socket, httpSession, username);
    }

    @OnClose
    public void close(Session socket) {
        if (httpSession != null && username != null) {
            channel().closed(socket, httpSession, username);
        }
    }

    private static PushChannel channel() {
        return CDI.current().select(PushChannel.class).get();
    }
}
