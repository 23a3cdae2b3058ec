package io.verbatim.archive;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.verbatim.settings.InvalidSettingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An SFTP server's folder, through JSch: the server must show the host key the target names (no trust on first use),
 * the user signs in with a private key or a password; each file is written as {@code name.part} and renamed when whole.
 */
final class SftpDestination implements ExportDestination {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final ExportTarget target;
    private final Session session;
    private final ChannelSftp sftp;

    SftpDestination(ExportTarget target, ExportSecret secret) {
        this.target = target;
        try {
            JSch jsch = new JSch();
            // known_hosts holds the one key the target names: any other key, or none, ends the connection
            String hostEntry = target.getPort() == 22 ? target.getHost() : "[" + target.getHost() + "]:" + target.getPort();
            jsch.setKnownHosts(new ByteArrayInputStream((hostEntry + " " + target.getHostKey() + "\n").getBytes(StandardCharsets.US_ASCII)));
            if (secret.privateKey() != null) {
                jsch.addIdentity("export-target-" + target.getId(), secret.privateKey().getBytes(StandardCharsets.US_ASCII), null, null);
            }
            session = jsch.getSession(target.getUsername(), target.getHost(), target.getPort());
            if (secret.password() != null) {
                session.setPassword(secret.password());
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            // a server that stops answering fails the run instead of holding it (and its transaction) for good
            session.setTimeout(TIMEOUT_MILLIS * 4);
            session.setServerAliveInterval(TIMEOUT_MILLIS);
            session.setServerAliveCountMax(4);
            session.setConfig("PreferredAuthentications", secret.privateKey() != null ? "publickey" : "password,keyboard-interactive");
            session.connect(TIMEOUT_MILLIS);
            sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(TIMEOUT_MILLIS);
        } catch (JSchException e) {
            close();
            throw new ExportFailedException(target.describe() + " refused the connection: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a private key JSch cannot use as it is given (damaged, of an unknown kind, or with a passphrase, which
     * the server could not type).
     */
    static void checkPrivateKey(String pem) {
        try {
            com.jcraft.jsch.KeyPair key = com.jcraft.jsch.KeyPair.load(new JSch(), pem.getBytes(StandardCharsets.US_ASCII), null);
            boolean locked = key.isEncrypted();
            key.dispose();
            if (locked) {
                throw new InvalidSettingException("privateKey has a passphrase: give one without (the server signs in unattended)");
            }
        } catch (JSchException e) {
            throw new InvalidSettingException("privateKey is no private key JSch reads (OpenSSH or PEM format): " + e.getMessage());
        }
    }

    @Override
    public void put(String path, Path file) {
        String whole = folder() + path;
        try {
            makeFolders(whole);
            String part = whole + ".part";
            sftp.put(file.toString(), part, ChannelSftp.OVERWRITE);
            try {
                sftp.rename(part, whole); // posix-rename where the server offers it: replaces at once
            } catch (SftpException exists) { // SFTP version 3's rename does not replace: the earlier export of the name goes first
                sftp.rm(whole);
                sftp.rename(part, whole);
            }
        } catch (SftpException e) {
            throw new ExportFailedException(target.describe() + " could not store " + whole + ": " + e.getMessage(), e);
        }
    }

    private String folder() {
        String location = target.getLocation() == null ? "" : target.getLocation().strip();
        return location.isEmpty() || location.equals(".") ? "" : location.endsWith("/") ? location : location + "/";
    }

    private void makeFolders(String path) throws SftpException {
        int slash = path.indexOf('/', 1);
        while (slash > 0) {
            String folder = path.substring(0, slash);
            try {
                sftp.stat(folder);
            } catch (SftpException missing) {
                if (missing.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw missing;
                }
                try {
                    sftp.mkdir(folder);
                } catch (SftpException madeMeanwhile) {
                    sftp.stat(folder); // another writer made it: fine; else the mkdir's failure stands
                }
            }
            slash = path.indexOf('/', slash + 1);
        }
    }

    @Override
    public void close() {
        if (sftp != null) {
            sftp.disconnect();
        }
        if (session != null) {
            session.disconnect();
        }
    }
}
