package io.verbatim.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for unit tests: S3Proxy in this JVM on a free local port, keeping each object as a file
 * under a folder (so a test can look at and change what the bucket holds), with one bucket made.
 */
public final class InProcessS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "verbatim";
    public static final String SECRET_KEY = "bucket-secret";

    private final S3Proxy server;
    private final BlobStoreContext backend;
    private final Path objects;

    public InProcessS3(Path objects, String bucket) throws Exception {
        this(objects, bucket, false);
    }

    /** @param ignoreUnknownHeaders whether it takes requests with headers it does not know (checksums it does not check) */
    public InProcessS3(Path objects, String bucket, boolean ignoreUnknownHeaders) throws Exception {
        this.objects = objects;
        Properties filesystem = new Properties();
        filesystem.setProperty("jclouds.filesystem.basedir", objects.toString());
        // S3Proxy's own file-system backend, as the suite's servers, the cluster script and the compose file run it.
        // jclouds' older "filesystem" one deletes a file again when it finds it back within its retry loop, so its
        // DELETE may also remove a PUT that completed meanwhile, the likely way the blob store's race test once lost a re-put blob
        backend = ContextBuilder.newBuilder("filesystem-nio2").overrides(filesystem).credentials("id", "secret")
                .buildView(BlobStoreContext.class);
        backend.getBlobStore().createContainerInLocation(null, bucket);
        server = S3Proxy.builder().blobStore(backend.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).ignoreUnknownHeaders(ignoreUnknownHeaders).build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.sleep(10);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** Where a bucket's objects are, each as a file named by its key. */
    public Path folderOf(String bucket) {
        return objects.resolve(bucket);
    }

    /** How to reach a bucket of this server, with the given prefix before every key. */
    public BucketSettings settings(String bucket, String prefix) {
        return new BucketSettings(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, prefix);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        backend.close();
    }
}
