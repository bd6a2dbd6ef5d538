package dev.socketiwa.quic.crypto.portable;

import dev.socketiwa.quic.crypto.KeyShare;
import dev.socketiwa.quic.crypto.NamedGroup;
import dev.socketiwa.quic.crypto.RandomSource;
import java.math.BigInteger;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/** X25519 and secp256r1 ephemeral key shares on BC's lightweight API, with peer-key validation. */
final class BcKeyShares {
    static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private BcKeyShares() {
    }

    static KeyShare generate(NamedGroup group, RandomSource random) {
        return group == NamedGroup.X25519 ? new X25519Share(random) : new P256Share(random);
    }

    private static final class X25519Share implements KeyShare {
        private final X25519PrivateKeyParameters priv;
        private final byte[] pub;

        X25519Share(RandomSource random) {
            priv = new X25519PrivateKeyParameters(random.nextBytes(32), 0);
            pub = priv.generatePublicKey().getEncoded();
        }

        @Override
        public NamedGroup group() {
            return NamedGroup.X25519;
        }

        @Override
        public byte[] publicKey() {
            return pub.clone();
        }

        @Override
        public byte[] agree(byte[] peer) {
            if (peer == null || peer.length != 32) {
                return null;
            }
            byte[] secret = new byte[32];
            try {
                priv.generateSecret(new X25519PublicKeyParameters(peer, 0), secret, 0);
            } catch (RuntimeException e) {
                return null; // BC rejects an all-zero shared secret (small-order peer key), RFC 8446 §7.4.2
            }
            return secret;
        }
    }

    private static final class P256Share implements KeyShare {
        private final BigInteger d;
        private final byte[] pub;

        P256Share(RandomSource random) {
            BigInteger n = P256.getN();
            BigInteger k;
            do {
                k = new BigInteger(1, random.nextBytes(32));
            } while (k.signum() == 0 || k.compareTo(n) >= 0);
            d = k;
            pub = P256.getG().multiply(d).normalize().getEncoded(false);
        }

        @Override
        public NamedGroup group() {
            return NamedGroup.SECP256R1;
        }

        @Override
        public byte[] publicKey() {
            return pub.clone();
        }

        @Override
        public byte[] agree(byte[] peer) {
            // TLS 1.3 allows only the uncompressed form (RFC 8446 §4.2.8.2).
            if (peer == null || peer.length != 65 || peer[0] != 4) {
                return null;
            }
            try {
                ECPoint q = P256.getCurve().decodePoint(peer);
                if (q.isInfinity() || !q.isValid()) {
                    return null;
                }
                ECPoint s = q.multiply(d).normalize();
                if (s.isInfinity()) {
                    return null;
                }
                return s.getAffineXCoord().getEncoded();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
