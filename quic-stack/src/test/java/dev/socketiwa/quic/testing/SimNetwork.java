package dev.socketiwa.quic.testing;

import dev.socketiwa.quic.transport.Endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A deterministic in-memory network between endpoints: one-way delay, jitter (reordering), random or bursty loss and
 * duplication, all from one seed. Time is virtual nanoseconds; nothing sleeps.
 */
public final class SimNetwork {
    /** A datagram on the wire, for filters and observers. */
    public static final class Datagram {
        public final String from;
        public final String to;
        public final byte[] data;
        final long at;
        final long seq;

        Datagram(String from, String to, byte[] data, long at, long seq) {
            this.from = from;
            this.to = to;
            this.data = data;
            this.at = at;
            this.seq = seq;
        }
    }

    public interface Filter {
        /** Return false to drop the datagram. */
        boolean pass(Datagram d);
    }

    public interface Observer {
        void sent(Datagram d);
    }

    public interface App {
        /** Runs after every network step; the application reacts to events here. */
        void step(long now);
    }

    private final Random rnd;
    private final PriorityQueue<Datagram> wire = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private final List<String> names = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<App> apps = new ArrayList<>();
    private final byte[] buf = new byte[65536];
    private long seq;
    public long now = 1_000_000_000L;
    public long delay = 10_000_000L;
    public long jitter;
    public double loss;
    /** Mean length of loss bursts in datagrams (1 = independent losses). */
    public double burst = 1;
    public double duplicate;
    public Filter filter = d -> true;
    /** Rewrites the source address of datagrams as they leave (NAT rebinding). */
    public java.util.function.UnaryOperator<String> rewriteFrom = f -> f;
    private final java.util.Map<String, String> aliases = new java.util.HashMap<>();
    public Observer observer = d -> { };
    private boolean inBurst;
    public long delivered;
    public long dropped;

    public SimNetwork(long seed) {
        this.rnd = new Random(seed);
    }

    public void add(String name, Endpoint e) {
        names.add(name);
        endpoints.add(e);
    }

    /** Datagrams to name are delivered to target (a second address of the same endpoint). */
    public void alias(String name, String target) {
        aliases.put(name, target);
    }

    /** Delivers a datagram now-ish as if it came from anywhere (attacker injection). */
    public void inject(String from, String to, byte[] data) {
        wire.add(new Datagram(from, to, data, now + delay, seq++));
    }

    public void app(App a) {
        apps.add(a);
    }

    private boolean lose() {
        if (loss <= 0) return false;
        if (burst <= 1) return rnd.nextDouble() < loss;
        // Gilbert model: enter a burst with probability chosen so the long-run loss rate is `loss`.
        double leave = 1 / burst;
        double enter = loss * leave / (1 - loss);
        inBurst = inBurst ? rnd.nextDouble() >= leave : rnd.nextDouble() < enter;
        return inBurst;
    }

    private void send(String from, String to, byte[] data) {
        from = rewriteFrom.apply(from);
        Datagram d = new Datagram(from, to, data, 0, 0);
        observer.sent(d);
        if (!filter.pass(d) || lose()) {
            dropped++;
            return;
        }
        int copies = duplicate > 0 && rnd.nextDouble() < duplicate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long at = now + delay + (jitter > 0 ? (long) (rnd.nextDouble() * jitter) : 0);
            wire.add(new Datagram(from, to, data, at, seq++));
        }
    }

    /** Runs until done() holds (returns true) or the virtual deadline passes (returns false). */
    public boolean runUntil(BooleanSupplier done, long maxNanos) {
        long deadline = now + maxNanos;
        while (true) {
            for (App a : apps) a.step(now);
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint e = endpoints.get(i);
                int n;
                while ((n = e.pollTransmit(now, buf)) > 0) {
                    send(names.get(i), (String) e.transmitRemote(), java.util.Arrays.copyOf(buf, n));
                }
            }
            if (done.getAsBoolean()) return true;
            long next = Long.MAX_VALUE;
            if (!wire.isEmpty()) next = wire.peek().at;
            for (Endpoint e : endpoints) next = Math.min(next, e.nextTimeout());
            if (next == Long.MAX_VALUE || next > deadline) {
                now = Math.max(now, Math.min(next, deadline));
                return done.getAsBoolean();
            }
            now = Math.max(now, next);
            while (!wire.isEmpty() && wire.peek().at <= now) {
                Datagram d = wire.poll();
                int idx = names.indexOf(aliases.getOrDefault(d.to, d.to));
                if (idx < 0) continue;
                delivered++;
                endpoints.get(idx).handleDatagram(now, d.data, 0, d.data.length, d.from);
            }
            for (Endpoint e : endpoints) {
                if (e.nextTimeout() <= now) e.handleTimeout(now);
            }
        }
    }
}
