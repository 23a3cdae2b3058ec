package io.verbatim.archive;

/**
 * A target's credential, one of three kinds, kept as one encrypted text ({@code password:…}, {@code private-key:…},
 * {@code secret-key:…}).
 */
record ExportSecret(String password, String privateKey, String secretKey) {

    static final String PURPOSE = "export target secret";

    /** Never the secret itself, wherever a record is printed. */
    @Override
    public String toString() {
        return "ExportSecret[" + (password != null ? "password" : privateKey != null ? "private key" : "secret key") + "]";
    }

    String stored() {
        return password != null ? "password:" + password : privateKey != null ? "private-key:" + privateKey : "secret-key:" + secretKey;
    }

    static ExportSecret of(String stored) {
        if (stored.startsWith("password:")) {
            return new ExportSecret(stored.substring(9), null, null);
        }
        if (stored.startsWith("private-key:")) {
            return new ExportSecret(null, stored.substring(12), null);
        }
        return new ExportSecret(null, null, stored.substring("secret-key:".length()));
    }
}
