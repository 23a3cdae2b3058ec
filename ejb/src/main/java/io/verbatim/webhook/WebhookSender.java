package io.verbatim.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.verbatim.cluster.NodeIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, on every node (each sends the rows it claims), every 2 s: a POST of the payload with the
 * Standard Webhooks headers ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}: HMAC-SHA256 of
 * id, timestamp and body with the subscription's secret, by the specification's own library). A batch is sent at once,
 * so one slow receiver holds up no other; each attempt ends after {@link #ANSWER_TIMEOUT}; only the start of an
 * answer is read. Redirects are not followed: the receiver's address is the one an administrator gave.
 */
@Singleton
@Startup
// started (and its timer with it) only once the schema is there: a timer calling into the deployment while a start
// fails waits for a start-up that never completes, and holds up the server's stop for good (a failed restore did)
@DependsOn({"SchemaMigration", "NodeName"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // every step commits on its own
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    private static final int BATCH = 50;
    /** How long the delivery log keeps a settled delivery. */
    static final Duration KEPT = Duration.ofDays(30);
    /** A round stops claiming after this long, so that the timer's thread comes back. */
    private static final Duration ROUND = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean stopping;
    private boolean started;
    private Instant forgotten = Instant.EPOCH;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    NodeIdentity node;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    public void sendDue() {
        if (stopping || !sending.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!started) { // what this node claimed before it was restarted is sent again at once, not after the claim
                int released = deliveries.releaseClaimsOf(node.holder());
                if (released > 0) {
                    LOG.info("Webhook deliveries claimed before this node's restart, sent again now: " + released);
                }
                started = true;
            }
            if (forgotten.isBefore(Instant.now().minus(Duration.ofHours(1)))) { // hourly: the log keeps 30 days
                deliveries.forgetSettledBefore(Instant.now().minus(KEPT));
                forgotten = Instant.now();
            }
            Instant until = Instant.now().plus(ROUND);
            List<WebhookDeliveries.Claimed> claimed;
            do {
                claimed = deliveries.claim(node.holder(), BATCH);
                List<CompletableFuture<Attempt>> sent = new ArrayList<>();
                for (WebhookDeliveries.Claimed d : claimed) {
                    sent.add(send(d));
                }
                // stored here, on the timer's thread (the client's threads are not the container's), in one transaction
                store(sent.stream().map(CompletableFuture::join).map(this::outcome).toList());
            } while (claimed.size() == BATCH && Instant.now().isBefore(until) && !stopping);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook deliveries could not be claimed (tried again in 2 s): " + e, e);
        } finally {
            sending.set(false);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    /** How an attempt ended: an answer's status and start, or the failure that kept it from one. */
    private record Attempt(WebhookDeliveries.Claimed delivery, Integer status, String answer, Throwable failure) {
    }

    /** One attempt; the future never fails, it holds the failure. */
    private CompletableFuture<Attempt> send(WebhookDeliveries.Claimed d) {
        long at = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json").header("User-Agent", "Verbatim-Webhooks/1")
                    .header("webhook-id", d.messageId()).header("webhook-timestamp", Long.toString(at))
                    .header("webhook-signature", new Webhook(d.secret()).sign(d.messageId(), at, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException | WebhookSigningException e) {
            return CompletableFuture.completedFuture(new Attempt(d, null, null, e));
        }
        return http.sendAsync(request, answer -> new AnswerStart(WebhookDelivery.ANSWER_LENGTH))
                .orTimeout(ANSWER_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .handle((answer, failure) -> answer != null ? new Attempt(d, answer.statusCode(), answer.body(), null)
                        : new Attempt(d, null, null, failure));
    }

    private WebhookDeliveries.AttemptEnd outcome(Attempt attempt) {
        if (attempt.status() != null) {
            return new WebhookDeliveries.AttemptEnd(attempt.delivery().id(), attempt.status(), attempt.answer());
        }
        Throwable failure = attempt.failure();
        Throwable cause = failure instanceof CompletionException || failure instanceof ExecutionException ? failure.getCause() : failure;
        String why = cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
                ? "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new WebhookDeliveries.AttemptEnd(attempt.delivery().id(), null, why);
    }

    private void store(List<WebhookDeliveries.AttemptEnd> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try {
            deliveries.store(node.holder(), outcomes);
        } catch (RuntimeException e) { // one at a time then, so one row cannot undo the others'
            LOG.log(Level.WARNING, "The outcomes of " + outcomes.size() + " webhook deliveries could not be stored together: " + e, e);
            for (WebhookDeliveries.AttemptEnd outcome : outcomes) {
                try {
                    deliveries.store(node.holder(), List.of(outcome));
                } catch (RuntimeException alone) { // its claim runs out and it is sent again: at least once
                    LOG.log(Level.WARNING, "The outcome of webhook delivery " + outcome.id() + " could not be stored: " + alone, alone);
                }
            }
        }
    }

    /** The first bytes of an answer, decoded; the rest is not read (the connection is given up). */
    private static final class AnswerStart implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        AnswerStart(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[Math.min(buffer.remaining(), limit - kept.size())];
                buffer.get(bytes);
                kept.write(bytes, 0, bytes.length);
            }
            if (kept.size() >= limit) {
                subscription.cancel();
                finish();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            finish(); // what came before is enough to show
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            body.complete(kept.toString(StandardCharsets.UTF_8));
        }
    }
}
