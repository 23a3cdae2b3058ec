package io.verbatim.seal;

import io.verbatim.storage.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The server's Ed25519 sealing key, made on first use and kept in the data folder ({@code keys/}, the private key
 * readable by the server's user only), so every node sharing the folder seals with the same key and seals stay
 * checkable after restarts. The public key is published as PEM for anyone to verify with openssl.
 */
@ApplicationScoped
public class SealKey {

    static final String PRIVATE_FILE = "seal-ed25519.key";
    static final String PUBLIC_FILE = "seal-ed25519.pub.pem";

    @Inject
    DataDirectory data;

    private volatile KeyPair pair;

    public byte[] sign(byte[] content) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(pair().getPrivate());
            ed25519.update(content);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is in every Java 15+ runtime", e);
        }
    }

    public boolean verify(byte[] content, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(pair().getPublic());
            ed25519.update(content);
            return ed25519.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is in every Java 15+ runtime", e);
        }
    }

    /** The public key as PEM (SubjectPublicKeyInfo), as openssl reads it. */
    public String publicKeyPem() {
        return pem(pair().getPublic());
    }

    private KeyPair pair() {
        KeyPair loaded = pair;
        if (loaded == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = loadOrCreate();
                }
                loaded = pair;
            }
        }
        return loaded;
    }

    private KeyPair loadOrCreate() {
        Path folder = data.keys();
        Path privateFile = folder.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(privateFile)) {
                KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                try {
                    Files.write(privateFile, fresh.getPrivate().getEncoded(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    DataDirectory.ownerOnly(privateFile);
                    Files.writeString(folder.resolve(PUBLIC_FILE), pem(fresh.getPublic()), StandardCharsets.US_ASCII);
                    return fresh;
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // fall through and use theirs
                }
            }
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            String pem = Files.readString(folder.resolve(PUBLIC_FILE), StandardCharsets.US_ASCII);
            PublicKey publicKey = ed25519.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(
                    pem.replaceAll("-----[A-Z ]+-----", "").trim())));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the sealing key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealing key in " + folder + " is damaged", e);
        }
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
