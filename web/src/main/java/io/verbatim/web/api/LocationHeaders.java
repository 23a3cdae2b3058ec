package io.verbatim.web.api;

import io.verbatim.web.security.PublicAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/** The API's {@code Location} headers on the public address, not on the Host header of the request (JAX-RS makes them absolute from it). */
@Provider
public class LocationHeaders implements ContainerResponseFilter {

    @Inject
    PublicAddress address;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        URI location = response.getLocation();
        if (location != null) {
            response.getHeaders().putSingle("Location", address.of(location));
        }
    }
}
