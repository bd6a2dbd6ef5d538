package dev.socketiwa.quic.crypto.portable;

import dev.socketiwa.quic.crypto.HeaderProtectionCipher;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-ECB header protection (RFC 9001 §5.4.3) on BC's AES engine; one scratch block, no allocation per packet. */
final class BcAesHeaderProtection implements HeaderProtectionCipher {
    private final BlockCipher aes = AESEngine.newInstance();
    private final byte[] block = new byte[16];

    BcAesHeaderProtection(byte[] hpKey) {
        aes.init(true, new KeyParameter(hpKey));
    }

    @Override
    public void mask(byte[] sample, int off, byte[] mask) {
        aes.processBlock(sample, off, block, 0);
        System.arraycopy(block, 0, mask, 0, 5);
    }
}
