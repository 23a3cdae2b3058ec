package io.verbatim.web.security;

import io.verbatim.directory.ApiTokens;
import io.verbatim.directory.Directory;
import io.verbatim.directory.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks usernames and passwords, or API tokens, against the directory; a user's role is their one group. */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    @Inject
    Directory directory;

    @Inject
    SignIn signIn;

    @Inject
    ApiTokens tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof ApiTokenCredential token) {
            return tokens.authenticate(token.secret())
                    .map(user -> new CredentialValidationResult(user.getUsername(), Set.of(user.getRole().name())))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return signIn.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.getUsername(), Set.of(user.getRole().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
