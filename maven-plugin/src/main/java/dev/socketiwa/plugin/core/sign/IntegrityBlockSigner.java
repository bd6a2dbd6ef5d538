package dev.socketiwa.plugin.core.sign;

import dev.socketiwa.plugin.core.cbor.CborMap;
import dev.socketiwa.plugin.core.cbor.CborWriter;
import org.bouncycastle.crypto.digests.SHA512Digest;

import java.util.ArrayList;
import java.util.List;

/**
 * Signs a Web Bundle with an Integrity Block v2 and returns the .swbn bytes (integrity block followed by the bundle).
 * Each key signs independently: be64(len)||SHA-512(bundle), be64(len)||integrity block with an empty signature stack,
 * be64(len)||that key's attributes. Several keys make a signature stack (key rotation); the Web Bundle ID stays the
 * one given.
 */
public final class IntegrityBlockSigner {
    private static final byte[] MAGIC = {(byte) 0xF0, (byte) 0x9F, (byte) 0x96, (byte) 0x8B, (byte) 0xF0, (byte) 0x9F, (byte) 0x93, (byte) 0xA6};
    private static final byte[] VERSION_2B = {'2', 'b', 0, 0};

    private IntegrityBlockSigner() {
    }

    /** Signs with the first key's Web Bundle ID. */
    public static byte[] sign(byte[] webBundle, List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        return sign(webBundle, WebBundleId.of(keys.get(0)), keys);
    }

    public static byte[] sign(byte[] webBundle, WebBundleId id, List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        byte[] attributes = new CborMap().put("webBundleId", new CborWriter().text(id.id()).toByteArray()).encode();
        byte[] unsignedBlock = block(attributes, List.of());
        byte[] hash = sha512(webBundle);
        List<byte[]> entries = new ArrayList<>();
        for (SigningKey key : keys) {
            byte[] keyAttributes = new CborMap()
                    .put(key.publicKeyAttributeName(), new CborWriter().bytes(key.rawPublicKey()).toByteArray())
                    .encode();
            byte[] signature = key.sign(dataToSign(hash, unsignedBlock, keyAttributes));
            entries.add(new CborWriter().arrayHeader(2).raw(keyAttributes).bytes(signature).toByteArray());
        }
        byte[] signedBlock = block(attributes, entries);
        byte[] out = new byte[signedBlock.length + webBundle.length];
        System.arraycopy(signedBlock, 0, out, 0, signedBlock.length);
        System.arraycopy(webBundle, 0, out, signedBlock.length, webBundle.length);
        return out;
    }

    private static byte[] block(byte[] attributes, List<byte[]> signatureEntries) {
        CborWriter w = new CborWriter();
        w.arrayHeader(4).bytes(MAGIC).bytes(VERSION_2B).raw(attributes).arrayHeader(signatureEntries.size());
        for (byte[] e : signatureEntries) {
            w.raw(e);
        }
        return w.toByteArray();
    }

    static byte[] dataToSign(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += 8 + p.length;
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] p : parts) {
            long len = p.length;
            for (int i = 7; i >= 0; i--) {
                out[pos++] = (byte) (len >>> (8 * i));
            }
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    private static byte[] sha512(byte[] data) {
        SHA512Digest d = new SHA512Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }
}
